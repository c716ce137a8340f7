/**
 * A small world for the users, audit, presence and email tests: two patches, venues in, near and far
 * from them, and one user of each role, all with one known password (hashed once: argon2 is slow).
 */
import { hashPassword } from '../../src/lib/server/auth/password';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import type { Role } from '../../src/lib/domain/vocabulary';

export const PASSWORD = 'the current password';

let hashed: Promise<string> | undefined;
/** The hash of PASSWORD, made once per test file. */
export const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

function box(minLon: number, minLat: number, maxLon: number, maxLat: number): GeoJSON.Polygon {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[minLon, minLat],
				[maxLon, minLat],
				[maxLon, maxLat],
				[minLon, maxLat],
				[minLon, minLat]
			]
		]
	};
}

function insertPatch(db: Db, programmeId: number, slug: string, name: string, b: number[]) {
	const [minLon, minLat, maxLon, maxLat] = b;
	return db
		.insert(t.patches)
		.values({
			programmeId,
			slug,
			name,
			boundary: box(minLon, minLat, maxLon, maxLat),
			minLon,
			minLat,
			maxLon,
			maxLat
		})
		.returning({ id: t.patches.id })
		.get().id;
}

function insertVenue(
	db: Db,
	programmeId: number,
	name: string,
	[lon, lat]: [number, number],
	status: 'published' | 'draft' = 'published'
) {
	return db
		.insert(t.assets)
		.values({ programmeId, kind: 'venue', name, lon, lat, status })
		.returning({ id: t.assets.id })
		.get().id;
}

function insertUser(db: Db, hash: string, email: string, displayName: string, role: Role) {
	const id = db
		.insert(t.users)
		.values({ email, displayName, role, passwordHash: hash })
		.returning({ id: t.users.id })
		.get().id;
	return { id, email, displayName, role } satisfies SessionUser;
}

export type KeepingWorld = Awaited<ReturnType<typeof seedKeepingWorld>>;

/**
 * Patch P (Aldermoor) and patch Q (Brookside) 6 km apart; a published venue in P, one 660 m outside
 * P (still near), one in Q, one far from both, and a draft venue in P.
 */
export async function seedKeepingWorld(db: Db) {
	const hash = await passwordHash();
	const programmeId = db
		.insert(t.programmes)
		.values({ slug: 'test', name: 'Test borough' })
		.returning({ id: t.programmes.id })
		.get().id;
	const patchP = insertPatch(db, programmeId, 'aldermoor', 'Aldermoor', [-2.3, 53.4, -2.2, 53.5]);
	const patchQ = insertPatch(db, programmeId, 'brookside', 'Brookside', [-2.0, 53.4, -1.9, 53.5]);
	const venues = {
		inP: insertVenue(db, programmeId, 'Aldermoor Library', [-2.25, 53.45]),
		nearP: insertVenue(db, programmeId, 'Canal Side Hall', [-2.19, 53.45]),
		inQ: insertVenue(db, programmeId, 'Brookside Centre', [-1.95, 53.45]),
		far: insertVenue(db, programmeId, 'Far Away Hall', [-2.1, 53.8]),
		draftInP: insertVenue(db, programmeId, 'Unpublished Room', [-2.26, 53.46], 'draft')
	};
	const users = {
		admin: insertUser(db, hash, 'admin@example.org', 'Ada Admin', 'admin'),
		council: insertUser(db, hash, 'lead@example.org', 'Cal Council', 'council'),
		coordP: insertUser(db, hash, 'pat@example.org', 'Pat Coordinator', 'coordinator'),
		coordQ: insertUser(db, hash, 'quinn@example.org', 'Quinn Coordinator', 'coordinator'),
		/** A coordinator of P the admin manages in the tests. */
		subject: insertUser(db, hash, 'sam@example.org', 'Sam Subject', 'coordinator')
	};
	db.insert(t.patchCoordinators)
		.values([
			{ patchId: patchP, userId: users.coordP.id },
			{ patchId: patchQ, userId: users.coordQ.id },
			{ patchId: patchP, userId: users.subject.id }
		])
		.run();
	return { programmeId, patchP, patchQ, venues, users };
}

/** Everything these pages can change, as text: two snapshots differ exactly when something changed. */
export function snapshot(db: Db): string {
	return JSON.stringify([
		db.select().from(t.users).all(),
		db.select().from(t.patchCoordinators).all(),
		db.select().from(t.loginSessions).all(),
		db.select().from(t.signInLinks).all(),
		db.select().from(t.presenceSessions).all(),
		db.select().from(t.outbox).all(),
		db.select().from(t.auditLog).all()
	]);
}
