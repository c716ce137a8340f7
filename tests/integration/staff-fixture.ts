/**
 * A small programme for the staff tests: two side-by-side patches P (west) and Q (east), a coordinator
 * of each, a council member and an admin, a postcode in each patch, one category, and a published
 * entry in each patch.
 */
import * as t from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import type { SessionUser } from '../../src/lib/server/auth/roles';

const square = (x0: number, x1: number): GeoJSON.Polygon => ({
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
});

export function seedStaffFixture(db: Db) {
	const programmeId = Number(
		db.insert(t.programmes).values({ slug: 'test', name: 'Test programme' }).run().lastInsertRowid
	);
	const patch = (slug: string, name: string, x0: number, x1: number) =>
		Number(
			db
				.insert(t.patches)
				.values({
					programmeId,
					slug,
					name,
					boundary: square(x0, x1),
					minLon: x0,
					minLat: 0,
					maxLon: x1,
					maxLat: 1
				})
				.run().lastInsertRowid
		);
	const p = patch('p', 'Patch P', 0, 1);
	const q = patch('q', 'Patch Q', 1, 2);
	const user = (email: string, role: SessionUser['role'], displayName: string): SessionUser => {
		const id = Number(
			db.insert(t.users).values({ email, role, displayName }).run().lastInsertRowid
		);
		return { id, email, role, displayName };
	};
	const users = {
		coordinatorP: user('p@example.org', 'coordinator', 'Coordinator of P'),
		coordinatorQ: user('q@example.org', 'coordinator', 'Coordinator of Q'),
		council: user('council@example.org', 'council', 'Council lead'),
		admin: user('admin@example.org', 'admin', 'Administrator')
	};
	db.insert(t.patchCoordinators)
		.values([
			{ patchId: p, userId: users.coordinatorP.id },
			{ patchId: q, userId: users.coordinatorQ.id }
		])
		.run();
	db.insert(t.postcodes)
		.values([
			{ postcode: 'FV1 1AA', lon: 0.5, lat: 0.5 },
			{ postcode: 'FV2 2BB', lon: 1.5, lat: 0.5 }
		])
		.run();
	db.insert(t.categories).values({ id: 'social', name: 'Social and friendship' }).run();
	const entry = (name: string, lon: number, values: Partial<typeof t.assets.$inferInsert> = {}) =>
		Number(
			db
				.insert(t.assets)
				.values({
					programmeId,
					kind: 'group',
					name,
					description: `${name} meets every week.`,
					lon,
					lat: 0.5,
					status: 'published',
					lastVerifiedOn: '2025-09-10',
					lastVerifiedVia: 'coordinator',
					...values
				})
				.run().lastInsertRowid
		);
	const inP = entry('Knit and Natter', 0.5);
	db.insert(t.assetContacts)
		.values({ assetId: inP, kind: 'phone', value: '01632 960001', visibility: 'public' })
		.run();
	const inQ = entry('Quay Walkers', 1.5);
	return { programmeId, patches: { p, q }, users, assets: { inP, inQ } };
}

export type StaffFixture = ReturnType<typeof seedStaffFixture>;

/** Everything a moderation or check could change, to compare before and after. */
export function snapshot(db: Db) {
	return {
		assets: db.select().from(t.assets).all(),
		contacts: db.select().from(t.assetContacts).all(),
		categories: db.select().from(t.assetCategories).all(),
		links: db.select().from(t.assetPatches).all(),
		suggestions: db.select().from(t.suggestions).all(),
		audit: db.select().from(t.auditLog).all(),
		programmes: db.select().from(t.programmes).all()
	};
}
