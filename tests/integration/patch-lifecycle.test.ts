/**
 * A patch's life on the council pages, through the real route handlers on a fresh database: a planned
 * patch stays off every public query until it is published; renaming, coordinators, locking and
 * deleting (with what it does said first) are each audited; the GeoJSON download carries the figures.
 */
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeEvent, thrownBy } from '../../src/lib/server/auth/route-test-helpers';
import {
	findPatchesContaining,
	getPatchBySlug,
	listPatches
} from '../../src/lib/server/queries/patches';
import { findPatchForPoint, searchDirectory } from '../../src/lib/server/queries/directory';
import { listPatchBoundaries } from '../../src/lib/server/queries/patch-boundaries';
import { listAssetsForExport } from '../../src/lib/server/exchange/export/assets';
import { parseDirectorySearch } from '../../src/lib/domain/directory/search-params';
import { seedStaffFixture, type StaffFixture } from './staff-fixture';
import { population } from './staff-permissions-more-drivers';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const managePage = await import('../../src/routes/council/patches/[id=id]/+page.server');
const deletePage = await import('../../src/routes/council/patches/[id=id]/delete/+page.server');
const editPage = await import('../../src/routes/council/patches/[id=id]/edit/+page.server');
const sizingPage = await import('../../src/routes/council/patches/+page.server');
const geojson = await import('../../src/routes/council/patches.geojson/+server');

let db: Db;
let fx: StaffFixture;

beforeEach(() => {
	db = createTestDb();
	state.db = db;
	fx = seedStaffFixture(db);
});

type Handler = (event: never) => unknown;
const act = (handler: unknown, path: string, id: number, form: Record<string, string> = {}) =>
	(handler as Handler)({
		...fakeEvent({ url: `http://localhost${path}`, form, user: fx.users.council }),
		params: { id: String(id) }
	} as never);
const redirectOf = async (run: () => unknown) => {
	const thrown = await thrownBy(run);
	if (!isRedirect(thrown)) throw thrown;
	return thrown.location;
};
const manage = (name: string, id: number, form: Record<string, string> = {}) =>
	redirectOf(() =>
		act(
			(managePage.actions as Record<string, unknown>)[name],
			`/council/patches/${id}?/${name}`,
			id,
			form
		)
	);
const auditActions = () =>
	db
		.select({ action: t.auditLog.action, detail: t.auditLog.detail })
		.from(t.auditLog)
		.all()
		.filter((row) => row.action.startsWith('patch.'));
const patchOf = (id: number) => db.select().from(t.patches).where(eq(t.patches.id, id)).get();
const coordinatorsOf = (patchId: number) =>
	db
		.select({ userId: t.patchCoordinators.userId })
		.from(t.patchCoordinators)
		.where(eq(t.patchCoordinators.patchId, patchId))
		.all()
		.map((row) => row.userId)
		.sort();

describe('a planned patch', () => {
	it('is in no public query until a council user publishes it, then in all of them', async () => {
		db.update(t.patches).set({ status: 'planned' }).where(eq(t.patches.id, fx.patches.q)).run();
		const inQ: [number, number] = [1.5, 0.5];
		const { search } = parseDirectorySearch(new URLSearchParams('patch=q'));
		const publicView = () => ({
			list: listPatches(db, fx.programmeId).map((p) => p.slug),
			page: getPatchBySlug(db, 'q')?.slug ?? null,
			entryPage: findPatchesContaining(db, inQ).map((p) => p.slug),
			lookUp: findPatchForPoint(db, inQ)?.slug ?? null,
			map: listPatchBoundaries(db, fx.programmeId, { published: true }).map((p) => p.slug),
			filter: searchDirectory(db, search).notices.map((n) => n.code),
			exportFile: listAssetsForExport(db, 'q')?.patch?.slug ?? null
		});
		expect(publicView()).toEqual({
			list: ['p'],
			page: null,
			entryPage: [],
			lookUp: null,
			map: ['p'],
			filter: ['patch_unknown'],
			exportFile: null
		});
		// Staff still find it: the connection finder and the council's own lists.
		expect(findPatchForPoint(db, inQ, { planned: true })?.slug).toBe('q');
		expect(listPatches(db, fx.programmeId, { planned: true }).map((p) => p.slug)).toEqual([
			'p',
			'q'
		]);

		expect(await manage('publish', fx.patches.q)).toBe(
			`/council/patches/${fx.patches.q}?done=published`
		);
		expect(publicView()).toEqual({
			list: ['p', 'q'],
			page: 'q',
			entryPage: ['q'],
			lookUp: 'q',
			map: ['p', 'q'],
			filter: [],
			exportFile: 'q'
		});
		expect(auditActions()).toMatchObject([
			{
				action: 'patch.published',
				detail: { before: { status: 'planned' }, after: { status: 'active' } }
			}
		]);
	});
});

describe('renaming, coordinators and locking', () => {
	it('renames in English and Welsh, refusing an empty name with a message', async () => {
		const refused = await act(managePage.actions.rename, '/x', fx.patches.p, {
			name: '  ',
			nameCy: ''
		});
		expect(isActionFailure(refused) && refused.data).toMatchObject({
			errors: { name: 'Enter a name for the patch' }
		});
		expect(patchOf(fx.patches.p)?.name).toBe('Patch P');
		await manage('rename', fx.patches.p, { name: 'Riverside', nameCy: 'Glan yr Afon' });
		expect(patchOf(fx.patches.p)).toMatchObject({
			name: 'Riverside',
			nameCy: 'Glan yr Afon',
			slug: 'p'
		});
		expect(auditActions()).toMatchObject([
			{
				action: 'patch.renamed',
				detail: { before: { name: 'Patch P' }, after: { name: 'Riverside' } }
			}
		]);
	});

	it('gives a patch to a coordinator and relieves them, but not to a council member', async () => {
		const q = fx.users.coordinatorQ.id;
		await manage('give', fx.patches.p, { coordinator: String(q) });
		expect(coordinatorsOf(fx.patches.p)).toEqual([fx.users.coordinatorP.id, q].sort());
		await manage('relieve', fx.patches.p, { coordinator: String(fx.users.coordinatorP.id) });
		expect(coordinatorsOf(fx.patches.p)).toEqual([q]);
		const refused = await act(managePage.actions.give, '/x', fx.patches.p, {
			coordinator: String(fx.users.council.id)
		});
		expect(isActionFailure(refused) && refused.data).toEqual({
			errors: { coordinator: 'Choose a coordinator from the list' }
		});
		expect(coordinatorsOf(fx.patches.p)).toEqual([q]);
		expect(auditActions().map((row) => row.action)).toEqual([
			'patch.coordinator_given',
			'patch.coordinator_relieved'
		]);
	});

	it('refuses to save a boundary over a locked patch, naming it, and saves once unlocked', async () => {
		population({ world: { db, staff: fx } } as never);
		await manage('lock', fx.patches.q);
		expect(patchOf(fx.patches.q)?.locked).toBe(true);
		// P (0-1) grows east to 1.2, over the west of Q (1-2).
		const grown = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[1.2, 0],
					[1.2, 1],
					[0, 1],
					[0, 0]
				]
			]
		};
		const before = patchOf(fx.patches.p)?.boundary;
		const save = () =>
			act(editPage.actions.default, '/x', fx.patches.p, { geojson: JSON.stringify(grown) });
		const refused = await save();
		expect(isActionFailure(refused) && refused.data).toMatchObject({
			errors: {
				boundary: [
					'This boundary overlaps Patch Q, which is locked: move the boundary off it, or unlock Patch Q first'
				]
			}
		});
		expect(patchOf(fx.patches.p)?.boundary).toEqual(before);
		await manage('unlock', fx.patches.q);
		expect(await redirectOf(save)).toBe(`/council/patches?saved=${fx.patches.p}`);
		expect(patchOf(fx.patches.p)?.boundary).toEqual(grown);
		expect(auditActions().map((row) => row.action)).toEqual([
			'patch.locked',
			'patch.unlocked',
			'patch.boundary_updated'
		]);
	});
});

describe('deleting a patch', () => {
	/** A roaming entry linked to P alone. */
	const roaming = () => {
		const id = Number(
			db
				.insert(t.assets)
				.values({
					programmeId: fx.programmeId,
					kind: 'group',
					name: 'Walk and Talk',
					status: 'published',
					locationKind: 'roaming'
				})
				.run().lastInsertRowid
		);
		db.insert(t.assetPatches).values({ assetId: id, patchId: fx.patches.p }).run();
		return id;
	};

	it('says first what it will do, then moves coordinators and linked entries to the patch chosen', async () => {
		const walk = roaming();
		const page = (await act(deletePage.load, '/x', fx.patches.p)) as {
			effects: Record<string, unknown>;
		};
		expect(page.effects).toEqual({
			coordinators: ['Coordinator of P'],
			linkedOnlyHere: [{ id: walk, name: 'Walk and Talk' }],
			placedOnlyHere: 1,
			connections: 0,
			targets: [{ id: fx.patches.q, name: 'Patch Q' }]
		});
		const location = await redirectOf(() =>
			act(deletePage.actions.default, '/x', fx.patches.p, { moveTo: String(fx.patches.q) })
		);
		expect(location).toBe(`/council/patches?deleted=${fx.patches.p}`);
		expect(patchOf(fx.patches.p)).toBeUndefined();
		expect(coordinatorsOf(fx.patches.q)).toEqual(
			[fx.users.coordinatorP.id, fx.users.coordinatorQ.id].sort()
		);
		expect(db.select().from(t.assetPatches).where(eq(t.assetPatches.assetId, walk)).all()).toEqual([
			{ assetId: walk, patchId: fx.patches.q }
		]);
		expect(auditActions()).toMatchObject([
			{
				action: 'patch.deleted',
				detail: { before: { name: 'Patch P', coordinators: ['Coordinator of P'] }, after: null }
			}
		]);
		// The sizing page says which patch was deleted, by the name in the audit log.
		population({ world: { db, staff: fx } } as never);
		const sizing = (await sizingPage.load({
			...fakeEvent({ url: `http://localhost${location}`, user: fx.users.council })
		} as never)) as { notice: unknown };
		expect(sizing.notice).toEqual({ kind: 'deleted', name: 'Patch P', problems: [] });
	});

	it('with no patch chosen leaves the coordinators without it and the entry linked to none', async () => {
		const walk = roaming();
		await redirectOf(() => act(deletePage.actions.default, '/x', fx.patches.p, { moveTo: '' }));
		expect(coordinatorsOf(fx.patches.q)).toEqual([fx.users.coordinatorQ.id]);
		expect(db.select().from(t.assetPatches).where(eq(t.assetPatches.assetId, walk)).all()).toEqual(
			[]
		);
		expect(db.select().from(t.assets).where(eq(t.assets.id, walk)).get()?.status).toBe('published');
	});

	it('refuses a patch that is not in the list, deleting nothing', async () => {
		const refused = await act(deletePage.actions.default, '/x', fx.patches.p, {
			moveTo: String(fx.patches.p)
		});
		expect(isActionFailure(refused) && refused.data).toEqual({
			errors: { moveTo: 'Choose a patch from the list, or no patch' }
		});
		expect(patchOf(fx.patches.p)).toBeDefined();
		expect(
			db
				.select()
				.from(t.auditLog)
				.where(and(eq(t.auditLog.action, 'patch.deleted')))
				.all()
		).toEqual([]);
	});
});

describe('the GeoJSON download', () => {
	it('has each patch with its name, slug, status, figures and band', async () => {
		population({ world: { db, staff: fx } } as never);
		db.update(t.patches).set({ status: 'planned' }).where(eq(t.patches.id, fx.patches.q)).run();
		const response = (await geojson.GET({
			...fakeEvent({ url: 'http://localhost/council/patches.geojson', user: fx.users.council })
		} as never)) as Response;
		expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="patches-\d{4}-\d{2}-\d{2}\.geojson"$/
		);
		const collection = await response.json();
		expect(collection.type).toBe('FeatureCollection');
		expect(
			collection.features.map((f: { properties: Record<string, unknown> }) => f.properties)
		).toEqual([
			expect.objectContaining({
				name: 'Patch P',
				slug: 'p',
				status: 'active',
				method: 'areal',
				population: 12000,
				areal: 12000,
				centroid: 12000,
				band: 'usual',
				bandLabel: 'Usual',
				populationSet: 'Mid-2022'
			}),
			expect.objectContaining({ name: 'Patch Q', slug: 'q', status: 'planned', population: 0 })
		]);
		expect(collection.features[0].geometry.type).toBe('Polygon');
	});
});
