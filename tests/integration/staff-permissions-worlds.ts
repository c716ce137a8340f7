/**
 * The small worlds the permission test drives the staff routes in, each on a fresh database, with
 * the same four signed-in columns (coordinator of P, coordinator of another patch, council, admin),
 * and the helpers that call a route as SvelteKit would and say what a person got.
 */
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeCookies, fakeEvent } from '../../src/lib/server/auth/route-test-helpers';
import type { SessionInfo, SessionUser } from '../../src/lib/server/auth/roles';
import { createDuplicatesFixture } from '../../src/lib/server/staff/duplicates-fixture';
import type { StaffColumn } from '../../src/lib/domain/permissions/staff-actions';
import { seedStaffFixture, type StaffFixture } from './staff-fixture';
import { seedKeepingWorld, type KeepingWorld } from './keeping-fixture';
import { seedEntryFixture, users as entryUsers, type EntryFixture } from './entry-fixture';

export type SignedIn = Exclude<StaffColumn, 'visitor'>;

export interface World {
	db: Db;
	users: Record<SignedIn, SessionUser>;
	staff?: StaffFixture;
	keeping?: KeepingWorld;
	entry?: EntryFixture;
	duplicates?: ReturnType<typeof createDuplicatesFixture>;
}

export type WorldName = 'staff' | 'keeping' | 'entry' | 'duplicates';

/** A fresh world of the kind a row needs. */
export async function buildWorld(name: WorldName): Promise<World> {
	if (name === 'duplicates') {
		const duplicates = createDuplicatesFixture();
		const u = duplicates.users;
		return {
			db: duplicates.db,
			duplicates,
			users: {
				coordinatorOfP: u.coordinator,
				coordinatorOfOtherPatch: u.coordinatorElsewhere,
				council: u.council,
				admin: u.admin
			}
		};
	}
	const db = createTestDb();
	if (name === 'staff') {
		const staff = seedStaffFixture(db);
		const u = staff.users;
		return {
			db,
			staff,
			users: {
				coordinatorOfP: u.coordinatorP,
				coordinatorOfOtherPatch: u.coordinatorQ,
				council: u.council,
				admin: u.admin
			}
		};
	}
	if (name === 'keeping') {
		const keeping = await seedKeepingWorld(db);
		const u = keeping.users;
		return {
			db,
			keeping,
			users: {
				coordinatorOfP: u.coordP,
				coordinatorOfOtherPatch: u.coordQ,
				council: u.council,
				admin: u.admin
			}
		};
	}
	const entry = seedEntryFixture(db);
	return {
		db,
		entry,
		users: {
			coordinatorOfP: entryUsers.coordinator,
			coordinatorOfOtherPatch: entryUsers.otherCoordinator,
			council: entryUsers.council,
			admin: entryUsers.admin
		}
	};
}

/**
 * Every table a staff action could change, as text: two snapshots differ exactly when something
 * changed. Left out: the search index's shadow tables (they follow assets), kept form drafts and rate
 * limits (bookkeeping, not data: a visitor sent to sign in keeps what they typed).
 */
export function snapshot(db: Db): string {
	const tables = db
		.all<{ name: string }>(
			sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
				AND name NOT LIKE '%fts%' AND name NOT IN ('form_drafts', 'rate_limits', '__drizzle_migrations')
				ORDER BY name`
		)
		.map((row) => row.name);
	return JSON.stringify(
		tables.map((name) => [name, db.all(sql.raw(`SELECT * FROM "${name}" ORDER BY rowid`))])
	);
}

/**
 * What a person got, in words: 'login' (sent to sign in), '403', '404', 'fail 400', 'ok' (a page or a
 * result), 'response 200', or 'redirect <path>'.
 */
export async function outcomeOf(run: () => unknown): Promise<string> {
	try {
		const result = await run();
		if (result instanceof Response) return `response ${result.status}`;
		if (isActionFailure(result)) return `fail ${result.status}`;
		return 'ok';
	} catch (e) {
		if (isRedirect(e)) return e.location.startsWith('/login?') ? 'login' : `redirect ${e.location}`;
		if (isHttpError(e)) return String(e.status);
		throw e;
	}
}

/** A request as SvelteKit hands it to a load or action; a form makes it a POST. */
export function requestEvent({
	path,
	user,
	session,
	params = {},
	form
}: {
	path: string;
	user: SessionUser | null;
	session: SessionInfo | null;
	params?: Record<string, string>;
	form?: Record<string, string | string[] | File>;
}) {
	const url = `http://localhost${path}`;
	const event = fakeEvent({ url, user, session, cookies: fakeCookies().cookies });
	if (form) {
		const body = new FormData();
		for (const [key, value] of Object.entries(form)) {
			for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
		}
		event.request = new Request(url, { method: 'POST', body });
	}
	return { ...event, params, setHeaders: () => {} } as never;
}
