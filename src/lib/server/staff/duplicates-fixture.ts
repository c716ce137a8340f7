/**
 * A database with two patches side by side (West and East), users of every role, and one flagged
 * pair of venues in West, for the duplicate review tests. Not imported by application code.
 */
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { createTestDb } from '../auth/test-db';
import type { Actor } from '../../domain/permissions';

/** A square patch from (x0, 0) to (x1, 1). */
export function squareBoundary(x0: number, x1: number): GeoJSON.Polygon {
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

export function createDuplicatesFixture() {
	const db: Db = createTestDb();
	const programmeId = db.insert(t.programmes).values({ slug: 'p', name: 'P' }).run()
		.lastInsertRowid as number;
	db.insert(t.categories)
		.values([
			{ id: 'faith', name: 'Faith' },
			{ id: 'food', name: 'Food' }
		])
		.run();
	const patch = (slug: string, x0: number, x1: number) =>
		db
			.insert(t.patches)
			.values({
				programmeId,
				slug,
				name: slug,
				boundary: squareBoundary(x0, x1),
				minLon: x0,
				minLat: 0,
				maxLon: x1,
				maxLat: 1
			})
			.run().lastInsertRowid as number;
	const patchId = patch('west', 0, 1);
	const otherPatchId = patch('east', 1, 2);
	const users = {
		council: { id: 1, email: 'u1@example.org', displayName: 'U1', role: 'council' as const },
		coordinator: {
			id: 2,
			email: 'u2@example.org',
			displayName: 'U2',
			role: 'coordinator' as const
		},
		coordinatorElsewhere: {
			id: 3,
			email: 'u3@example.org',
			displayName: 'U3',
			role: 'coordinator' as const
		},
		admin: { id: 4, email: 'u4@example.org', displayName: 'U4', role: 'admin' as const }
	};
	for (const user of Object.values(users)) db.insert(t.users).values(user).run();
	db.insert(t.patchCoordinators)
		.values([
			{ patchId, userId: users.coordinator.id },
			{ patchId: otherPatchId, userId: users.coordinatorElsewhere.id }
		])
		.run();
	const asset = (name: string, source: string, extra: Partial<typeof t.assets.$inferInsert> = {}) =>
		db
			.insert(t.assets)
			.values({
				programmeId,
				kind: 'venue',
				name,
				status: 'published',
				lon: 0.5,
				lat: 0.5,
				source,
				externalId: name,
				...extra
			})
			.run().lastInsertRowid as number;
	const kept = asset('Christ Church', 'patchwork', { postcode: 'M33 1AA' });
	const other = asset('Christ Church, Sale', 'trafford', { description: 'Parish church and hall' });
	db.insert(t.assetCategories).values({ assetId: other, categoryId: 'faith' }).run();
	db.insert(t.assetContacts)
		.values({ assetId: other, kind: 'email', value: 'office@example.org' })
		.run();
	db.insert(t.assetSessions)
		.values({
			assetId: kept,
			frequency: 'weekly',
			weekday: 2,
			startTime: '10:00',
			endTime: '12:00'
		})
		.run();
	const flagId = db
		.insert(t.assetDuplicateFlags)
		.values({ assetId: kept, otherAssetId: other, reason: 'same name within 100 m' })
		.run().lastInsertRowid as number;
	const actors: Record<keyof typeof users, Actor> = {
		council: { id: 1, role: 'council', patchIds: [] },
		coordinator: { id: 2, role: 'coordinator', patchIds: [patchId] },
		coordinatorElsewhere: { id: 3, role: 'coordinator', patchIds: [otherPatchId] },
		admin: { id: 4, role: 'admin', patchIds: [] }
	};
	return { db, patchId, otherPatchId, kept, other, flagId, users, actors };
}
