/**
 * Opening the database: one place that checks the file, sets pragmas and migrates.
 * Nothing here runs at import time (STACK.md trap 3: `vite build` imports server modules).
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as schema from './schema';
import { assertFolderExists, DatabaseFileError, describeFileProblem } from './file-problems';

export type Db = BetterSQLite3Database<typeof schema>;
/** The database as a transaction's callback gets it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export { DatabaseFileError };

const SQLITE_HEADER = 'SQLite format 3\0';

/** Refuses a file that exists but is not an SQLite database, before SQLite can touch it. */
function assertSqliteFile(path: string): void {
	if (!existsSync(path) || statSync(path).size === 0) return;
	const fd = openSync(path, 'r');
	try {
		const header = Buffer.alloc(16);
		readSync(fd, header, 0, 16, 0);
		if (header.toString('latin1') !== SQLITE_HEADER) {
			throw new DatabaseFileError(path, 'is not an SQLite database (it may be corrupt)');
		}
	} finally {
		closeSync(fd);
	}
}

export interface OpenedDatabase {
	db: Db;
	sqlite: Database.Database;
	/** True when the file had no tables before this open (new or empty). */
	wasEmpty: boolean;
}

/**
 * Opens (creating if missing) the database at `path`, checks it is sound and applies every pending
 * migration. Use ':memory:' for tests.
 */
export function openDatabase(
	path: string,
	{
		migrationsFolder = resolve('drizzle'),
		busyTimeoutMs = 5000
	}: {
		migrationsFolder?: string;
		/**
		 * How long a statement waits for a lock another connection holds, blocking the thread. The
		 * command line waits 5 s; the web server waits briefly and tries again off the thread
		 * (busy.ts). Opening and migrating always allow 5 s.
		 */
		busyTimeoutMs?: number;
	} = {}
): OpenedDatabase {
	const inMemory = path === ':memory:';
	const shownPath = inMemory ? path : resolve(path);
	if (!inMemory) {
		assertFolderExists(shownPath);
		assertSqliteFile(shownPath);
	}

	let sqlite: Database.Database;
	try {
		sqlite = new Database(path);
	} catch (cause) {
		throw (
			describeFileProblem(shownPath, cause) ??
			new DatabaseFileError(shownPath, `could not be opened (${(cause as Error).message})`)
		);
	}
	try {
		const check = sqlite.pragma('quick_check', { simple: true });
		if (check !== 'ok')
			throw new DatabaseFileError(shownPath, `failed its integrity check (${check})`);
		if (!inMemory) sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('foreign_keys = ON');
		sqlite.pragma('busy_timeout = 5000');
		// FULL, not NORMAL: in WAL mode NORMAL keeps every commit through a crash of the process, but
		// a power cut or an operating-system crash can lose the last ones, and a person told that their
		// edit or suggestion was saved must find it. Writes here are few; the fsync each costs is cheap.
		sqlite.pragma('synchronous = FULL');
		const tableCount = sqlite
			.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
			.get() as { n: number };
		const db = drizzle(sqlite, { schema });
		migrate(db, { migrationsFolder });
		// A read-only file opens and reads: write to it now, so the server stops at start rather than
		// failing every sign-in and suggestion later. Setting user_version to itself changes nothing.
		const version = sqlite.pragma('user_version', { simple: true }) as number;
		sqlite.pragma(`user_version = ${version}`);
		sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
		return { db, sqlite, wasEmpty: tableCount.n === 0 };
	} catch (error) {
		sqlite.close();
		if (error instanceof DatabaseFileError) throw error;
		throw describeFileProblem(shownPath, error) ?? error;
	}
}

/** The database path from DATABASE_PATH, defaulting to ./patchwork.db. */
export function databasePath(env: Record<string, string | undefined> = process.env): string {
	return env.DATABASE_PATH?.trim() || 'patchwork.db';
}
