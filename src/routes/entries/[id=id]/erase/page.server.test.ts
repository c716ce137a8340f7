/**
 * "Remove this person's data": who may see the page and erase, what each person gets back, and
 * whether the database changed.
 */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import * as t from '$lib/server/db/schema';
import { createTestDb } from '$lib/server/auth/test-db';
import { thrownBy } from '$lib/server/auth/route-test-helpers';
import type { SessionUser } from '$lib/server/auth';
import { ERASURE_ACTION } from '$lib/server/staff/erasure';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const page = await import('./+page.server');

const users = {
	coordinator: { id: 1, email: 'north@example.org', displayName: 'Nia', role: 'coordinator' },
	otherCoordinator: { id: 2, email: 'south@example.org', displayName: 'Sol', role: 'coordinator' },
	council: { id: 3, email: 'lead@example.org', displayName: 'Lead', role: 'council' },
	admin: { id: 4, email: 'admin@example.org', displayName: 'Admin', role: 'admin' }
} satisfies Record<string, SessionUser>;

let db: Db;
let supportId: number;
let groupId: number;

function square(x0: number, x1: number): GeoJSON.Polygon {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[x0, 0],
				[x1, 0],
				[x1, 1],
				[x0, 1],
				[x0, 0]
			]
		]
	};
}

beforeEach(() => {
	db = createTestDb();
	state.db = db;
	for (const user of Object.values(users)) db.insert(t.users).values(user).run();
	db.insert(t.programmes).values({ id: 1, slug: 'p', name: 'Test borough' }).run();
	const patch = (slug: string, x0: number, x1: number) =>
		db
			.insert(t.patches)
			.values({
				programmeId: 1,
				slug,
				name: slug,
				boundary: square(x0, x1),
				minLon: x0,
				minLat: 0,
				maxLon: x1,
				maxLat: 1
			})
			.returning({ id: t.patches.id })
			.get().id;
	const north = patch('north', 0, 1);
	const south = patch('south', 1, 2);
	db.insert(t.patchCoordinators)
		.values([
			{ patchId: north, userId: users.coordinator.id },
			{ patchId: south, userId: users.otherCoordinator.id }
		])
		.run();
	supportId = db
		.insert(t.assets)
		.values({
			programmeId: 1,
			kind: 'informal_support',
			name: 'Lifts from Glenys',
			status: 'published',
			locationKind: 'roaming',
			consentRecordedOn: '2026-10-01',
			consentHow: 'In person'
		})
		.returning({ id: t.assets.id })
		.get().id;
	db.insert(t.assetPatches).values({ assetId: supportId, patchId: north }).run();
	db.insert(t.assetContacts)
		.values({
			assetId: supportId,
			kind: 'phone',
			value: '07700 900001',
			visibility: 'coordinators'
		})
		.run();
	groupId = db
		.insert(t.assets)
		.values({
			programmeId: 1,
			kind: 'group',
			name: 'Knit and natter',
			status: 'published',
			locationKind: 'place',
			lon: 0.5,
			lat: 0.5
		})
		.returning({ id: t.assets.id })
		.get().id;
});

const url = (id: number) => `http://localhost/entries/${id}/erase`;
type LoadEvent = Parameters<typeof page.load>[0];
type ActionEvent = Parameters<(typeof page.actions)['default']>[0];

function load(user: SessionUser | null, id = supportId) {
	return page.load({
		url: new URL(url(id)),
		params: { id: String(id) },
		locals: { user, session: null }
	} as unknown as LoadEvent);
}

function post(user: SessionUser | null, id = supportId) {
	return page.actions.default({
		url: new URL(url(id)),
		params: { id: String(id) },
		locals: { user, session: null },
		request: new Request(url(id), { method: 'POST', body: new FormData() })
	} as unknown as ActionEvent);
}

const supportExists = () =>
	db.select().from(t.assets).where(eq(t.assets.id, supportId)).get() !== undefined;

/** Status code, or redirect target, of what a call threw. */
async function outcome(fn: () => unknown): Promise<number | string> {
	const thrown = await thrownBy(fn);
	if (isRedirect(thrown)) return `${thrown.status} ${thrown.location}`;
	if (isHttpError(thrown)) return thrown.status;
	throw thrown;
}

describe('the erase page', () => {
	it('shows the entry and what will go to its coordinator, council and admin', async () => {
		for (const user of [users.coordinator, users.council, users.admin]) {
			const data = (await load(user)) as { entry: Record<string, unknown> };
			expect(data.entry).toMatchObject({ id: supportId, name: 'Lifts from Glenys', contacts: 1 });
		}
	});

	it('sends a visitor to sign in, refuses another patch’s coordinator, and has no page for other entries', async () => {
		expect(await outcome(() => load(null))).toBe(
			`303 /login?redirectTo=${encodeURIComponent(`/entries/${supportId}/erase`)}`
		);
		expect(await outcome(() => load(users.otherCoordinator))).toBe(403);
		expect(await outcome(() => load(users.coordinator, groupId))).toBe(404);
		expect(await outcome(() => load(users.admin, 999))).toBe(404);
	});
});

describe('removing the person’s data', () => {
	const refusals: [string, SessionUser | null, number | string][] = [
		['a visitor', null, '303 /login?redirectTo=%2Fentries%2F1%2Ferase'],
		['another patch’s coordinator', users.otherCoordinator, 403]
	];
	for (const [who, user, expected] of refusals) {
		it(`is refused to ${who}, changing nothing`, async () => {
			expect(await outcome(() => post(user))).toBe(expected);
			expect(supportExists()).toBe(true);
			expect(db.select().from(t.auditLog).all()).toEqual([]);
		});
	}

	it('refuses an entry that is not an informal support, changing nothing', async () => {
		expect(await outcome(() => post(users.admin, groupId))).toBe(404);
		expect(db.select().from(t.assets).all()).toHaveLength(2);
	});

	for (const who of ['coordinator', 'council', 'admin'] as const) {
		it(`erases it for the ${who}, leaving one anonymous audit row, and says so`, async () => {
			expect(await outcome(() => post(users[who]))).toBe('303 /entries/erased');
			expect(supportExists()).toBe(false);
			expect(db.select().from(t.assetContacts).all()).toEqual([]);
			const audit = db.select().from(t.auditLog).all();
			expect(audit.map((row) => [row.action, row.userId])).toEqual([
				[ERASURE_ACTION, users[who].id]
			]);
			expect(JSON.stringify(audit)).not.toMatch(/Glenys|07700/);
		});
	}
});
