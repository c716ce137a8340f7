/**
 * The council's patch routes called directly: who may see and change what, and what a save writes.
 */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import * as t from '$lib/server/db/schema';
import { createTestDb } from '$lib/server/auth/test-db';
import { fakeEvent, thrownBy } from '$lib/server/auth/route-test-helpers';
import { invalidateSizingCache } from '$lib/server/sizing';
import type { SizingRow } from '$lib/components/sizing/rows';
import type { AreaCollection } from '$lib/map/types';
import { seedSizingFixture, square, users } from './test-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const layout = await import('../+layout.server');
const sizingPage = await import('./+page.server');
const editPage = await import('./[id=id]/edit/+page.server');
const newPage = await import('./new/+page.server');
const csv = await import('../patches.csv/+server');
const smallAreas = await import('./small-areas/+server');

type Any = Parameters<typeof sizingPage.load>[0];
const as = <T>(value: unknown) => value as T;

let db: Db;
beforeEach(() => {
	db = createTestDb();
	state.db = db;
	// Prepared small areas are cached by population set id, which each fresh database reuses.
	invalidateSizingCache();
	seedSizingFixture(db);
});

const bowTie = JSON.stringify({
	type: 'Polygon',
	coordinates: [
		[
			[-2.96, 53.09],
			[-2.94, 53.1],
			[-2.94, 53.09],
			[-2.96, 53.1],
			[-2.96, 53.09]
		]
	]
});

function post(
	url: string,
	user: (typeof users)[keyof typeof users] | null,
	form: Record<string, string>
) {
	return { ...fakeEvent({ url, user, form }), params: { id: '1' } };
}

describe('who may use the council pages', () => {
	it('sends someone signed out to sign in, and back here after', async () => {
		const e = await thrownBy(() =>
			layout.load(as(fakeEvent({ url: 'http://localhost/council/patches?sort=band' })))
		);
		expect(isRedirect(e) && e.location).toBe(
			'/login?redirectTo=%2Fcouncil%2Fpatches%3Fsort%3Dband'
		);
	});

	it('refuses a coordinator everywhere: pages, save, CSV and small areas', async () => {
		const user = users.coordinator;
		const forbidden = async (fn: () => unknown) => {
			const e = await thrownBy(fn);
			return isHttpError(e) ? e.status : e;
		};
		const event = fakeEvent({ url: 'http://localhost/council/patches', user });
		expect(await forbidden(() => layout.load(as(event)))).toBe(403);
		expect(await forbidden(() => sizingPage.load(as(event)))).toBe(403);
		expect(await forbidden(() => csv.GET(as(event)))).toBe(403);
		expect(await forbidden(() => smallAreas.GET(as(event)))).toBe(403);
		const save = post('http://localhost/council/patches/1/edit', user, {
			geojson: JSON.stringify(square(0, 0))
		});
		expect(await forbidden(() => editPage.actions.default(as(save)))).toBe(403);
		const add = post('http://localhost/council/patches/new', user, {
			name: 'X',
			geojson: JSON.stringify(square(0, 0))
		});
		expect(await forbidden(() => newPage.actions.default(as(add)))).toBe(403);
		expect(db.select().from(t.auditLog).all()).toEqual([]);
		expect(db.select().from(t.patches).all()).toHaveLength(2);
	});

	it('lets an admin in', () => {
		const event = fakeEvent({ url: 'http://localhost/council/patches', user: users.admin });
		expect(() => sizingPage.load(as<Any>(event))).not.toThrow();
	});
});

describe('the patch-sizing page', () => {
	it('shows every patch with both estimates and its band, sorted as asked', async () => {
		const event = fakeEvent({
			url: 'http://localhost/council/patches?sort=areal&dir=desc&method=nonsense',
			user: users.council
		});
		const data = (await sizingPage.load(as(event)))!;
		expect(data.query).toMatchObject({ sort: 'areal', dir: 'desc', method: 'areal' });
		expect(
			data.sizing?.rows.map((r: SizingRow) => [r.name, r.areal, r.centroid, r.bandLabel])
		).toEqual([
			['East', 6000, 6000, 'Under'],
			['West', 6000, 6000, 'Under']
		]);
		expect(data.sizing?.totals).toMatchObject({
			population: 12_000,
			covered: 12_000,
			uncovered: 0
		});
		expect(
			data.sizing?.areas.features.map((f: AreaCollection['features'][number]) => f.properties.band)
		).toEqual(['under', 'under']);
		expect(data.sizing?.outlines?.features).toHaveLength(4);
		// Patches along small-area edges cut none: the centroid figure cannot move.
		expect(data.sizing?.rows.map((r: SizingRow) => r.sensitivity)).toEqual([
			{ cutPeople: 0, min: 6000, max: 6000 },
			{ cutPeople: 0, min: 6000, max: 6000 }
		]);
		expect(data.sizing?.points).toEqual({ weighted: 0, total: 4, label: 'interior points' });
	});
});

describe('saving a boundary', () => {
	const url = 'http://localhost/council/patches/1/edit';

	it('refuses a boundary that crosses itself, saying where, and changes nothing', async () => {
		const before = db.select().from(t.patches).where(eq(t.patches.id, 1)).get()!.boundary;
		const result = await editPage.actions.default(
			as(post(url, users.council, { geojson: bowTie }))
		);
		expect(result).toMatchObject({
			status: 400,
			data: {
				errors: { boundary: ['The boundary crosses itself at 1 point: near 53.09500, -2.95000'] }
			}
		});
		expect(db.select().from(t.patches).where(eq(t.patches.id, 1)).get()!.boundary).toEqual(before);
		expect(db.select().from(t.auditLog).all()).toEqual([]);
	});

	it('saves the map boundary with its box and an audit row, then goes back to the table', async () => {
		const wider = square(-2.96, 53.09, 0.03);
		const e = await thrownBy(() =>
			editPage.actions.default(
				as(post(url, users.council, { boundary: JSON.stringify(wider), geojson: '' }))
			)
		);
		expect(isRedirect(e) && [e.status, e.location]).toEqual([303, '/council/patches?saved=1']);
		const row = db.select().from(t.patches).where(eq(t.patches.id, 1)).get()!;
		expect(row.boundary).toEqual(wider);
		expect(row.maxLon).toBeCloseTo(-2.93, 9);
		expect(db.select().from(t.auditLog).all()).toMatchObject([
			{ userId: users.council.id, action: 'patch.boundary_updated', entityId: '1' }
		]);
		const page = (await sizingPage.load(
			as(fakeEvent({ url: 'http://localhost/council/patches?saved=1', user: users.council }))
		))!;
		expect(page.notice).toEqual({ kind: 'saved', name: 'West', problems: [] });
		expect(page.sizing?.rows.find((r: SizingRow) => r.name === 'West')?.areal).toBe(9000);
	});

	it('gives 404 for a patch that does not exist', async () => {
		const event = {
			...post(url, users.council, { geojson: JSON.stringify(square(0, 0)) }),
			params: { id: '99' }
		};
		const e = await thrownBy(() => editPage.actions.default(as(event)));
		expect(isHttpError(e) && e.status).toBe(404);
	});

	it('adds a new patch as planned with a slug from its name', async () => {
		const event = post('http://localhost/council/patches/new', users.admin, {
			name: 'West',
			geojson: JSON.stringify(square(-2.95, 53.09, 0.01))
		});
		const e = await thrownBy(() => newPage.actions.default(as(event)));
		expect(isRedirect(e) && e.location).toBe('/council/patches?added=3');
		expect(db.select().from(t.patches).where(eq(t.patches.id, 3)).get()).toMatchObject({
			name: 'West',
			slug: 'west-2',
			status: 'planned'
		});
	});
});

describe('downloads and data for the editor', () => {
	it('sends the table as a dated CSV file, in the order of the page it came from', async () => {
		const response = await csv.GET(
			as(
				fakeEvent({
					url: 'http://localhost/council/patches.csv?sort=name&dir=desc',
					user: users.council
				})
			)
		);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="patch-sizing-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const lines = (await response.text()).split('\r\n');
		const header = lines.findIndex((line) => line.startsWith('Patch,'));
		expect(lines.slice(header + 1, header + 3).map((l) => l.split(',')[0])).toEqual([
			'West',
			'East'
		]);
	});

	it('gives the editor every small area of a small programme, and refuses a bad box', async () => {
		const response = await smallAreas.GET(
			as(fakeEvent({ url: 'http://localhost/council/patches/small-areas', user: users.council }))
		);
		const body = await response.json();
		expect(body.complete).toBe(true);
		expect(body.smallAreas.map((a: { code: string }) => a.code)).toHaveLength(4);
		const e = await thrownBy(() =>
			smallAreas.GET(
				as(
					fakeEvent({
						url: 'http://localhost/council/patches/small-areas?bbox=1,2,x,4',
						user: users.council
					})
				)
			)
		);
		expect(isHttpError(e) && e.status).toBe(400);
	});
});
