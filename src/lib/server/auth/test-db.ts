/**
 * A fresh, migrated in-memory database for tests. Not imported by application code.
 */
import { openDatabase, type Db } from '../db/client';
import * as schema from '../db/schema';

/** Open an empty database with every migration applied. */
export function createTestDb(): Db {
	return openDatabase(':memory:').db;
}

/** Add a programme with one patch, for tests that assign coordinators to patches. */
export function insertTestPatch(db: Db, slug: string, name: string): number {
	const programme =
		db.select().from(schema.programmes).get() ??
		db
			.insert(schema.programmes)
			.values({ slug: 'test-programme', name: 'Test programme' })
			.returning()
			.all()[0];
	const square: GeoJSON.Polygon = {
		type: 'Polygon',
		coordinates: [
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 1],
				[0, 0]
			]
		]
	};
	return db
		.insert(schema.patches)
		.values({
			programmeId: programme.id,
			name,
			slug,
			boundary: square,
			minLon: 0,
			minLat: 0,
			maxLon: 1,
			maxLat: 1
		})
		.returning({ id: schema.patches.id })
		.all()[0].id;
}
