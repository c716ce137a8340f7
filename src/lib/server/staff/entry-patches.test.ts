import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { createTestDb } from '../auth/test-db';
import {
	actorFor,
	listEntryIdsInPatches,
	listPatchIdsOfEntry,
	listPatchIdsOfUser
} from './entry-patches';

/** A square patch from (x0, 0) to (x1, 1). */
function addPatch(db: Db, programmeId: number, slug: string, x0: number, x1: number) {
	const ring = [
		[x0, 0],
		[x1, 0],
		[x1, 1],
		[x0, 1],
		[x0, 0]
	];
	return db
		.insert(t.patches)
		.values({
			programmeId,
			slug,
			name: slug,
			boundary: { type: 'Polygon', coordinates: [ring] },
			minLon: x0,
			minLat: 0,
			maxLon: x1,
			maxLat: 1
		})
		.returning({ id: t.patches.id })
		.get().id;
}

let db: Db;
let west: number;
let east: number;
let programmeId: number;
const addAsset = (values: Partial<typeof t.assets.$inferInsert>) =>
	db
		.insert(t.assets)
		.values({ programmeId, kind: 'group', name: 'A group', status: 'published', ...values })
		.returning({ id: t.assets.id })
		.get().id;

beforeEach(() => {
	db = createTestDb();
	programmeId = db.insert(t.programmes).values({ slug: 'p', name: 'P' }).returning().get().id;
	// West covers 0-1.2 and East 1-2: they overlap between 1 and 1.2.
	west = addPatch(db, programmeId, 'west', 0, 1.2);
	east = addPatch(db, programmeId, 'east', 1, 2);
});

describe('which patches an entry belongs to', () => {
	it('is every patch its point falls in, two where they overlap, none outside', () => {
		expect(listPatchIdsOfEntry(db, addAsset({ lon: 0.5, lat: 0.5 }))).toEqual([west]);
		expect(listPatchIdsOfEntry(db, addAsset({ lon: 1.1, lat: 0.5 })).sort()).toEqual(
			[west, east].sort()
		);
		expect(listPatchIdsOfEntry(db, addAsset({ lon: 5, lat: 5 }))).toEqual([]);
	});

	it('is the linked patches for an online entry, whatever else it says', () => {
		const online = addAsset({ locationKind: 'online' });
		expect(listPatchIdsOfEntry(db, online)).toEqual([]);
		db.insert(t.assetPatches).values({ assetId: online, patchId: east }).run();
		expect(listPatchIdsOfEntry(db, online)).toEqual([east]);
	});

	it('ignores retired patches', () => {
		const inWest = addAsset({ lon: 0.5, lat: 0.5 });
		db.update(t.patches).set({ status: 'retired' }).run();
		expect(listPatchIdsOfEntry(db, inWest)).toEqual([]);
	});
});

describe('which entries a patch holds', () => {
	it('finds points inside (by the exact test, not the box) and linked online entries', () => {
		const inWest = addAsset({ lon: 0.5, lat: 0.5 });
		const inBoth = addAsset({ lon: 1.1, lat: 0.5 });
		const inEast = addAsset({ lon: 1.9, lat: 0.9 });
		const draftInEast = addAsset({ lon: 1.5, lat: 0.5, status: 'draft' });
		const online = addAsset({ locationKind: 'online' });
		db.insert(t.assetPatches).values({ assetId: online, patchId: west }).run();
		expect([...listEntryIdsInPatches(db, [west])].sort()).toEqual([inWest, inBoth, online].sort());
		expect([...listEntryIdsInPatches(db, [east], ['published'])].sort()).toEqual(
			[inBoth, inEast].sort()
		);
		expect(listEntryIdsInPatches(db, [east]).has(draftInEast)).toBe(true);
		expect(listEntryIdsInPatches(db, []).size).toBe(0);
	});
});

describe('the actor', () => {
	it('carries the patches a user coordinates, not retired ones', () => {
		const user = db
			.insert(t.users)
			.values({ email: 'c@example.org', displayName: 'C', role: 'coordinator' })
			.returning()
			.get();
		db.insert(t.patchCoordinators)
			.values([
				{ patchId: west, userId: user.id },
				{ patchId: east, userId: user.id }
			])
			.run();
		db.update(t.patches).set({ status: 'retired' }).where(eqId(east)).run();
		expect(listPatchIdsOfUser(db, user.id)).toEqual([west]);
		expect(actorFor(db, user)).toEqual({ id: user.id, role: 'coordinator', patchIds: [west] });
	});
});

const eqId = (id: number) => eq(t.patches.id, id);
