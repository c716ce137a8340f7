/**
 * The app's one database connection, opened on first use (never at import time: `vite build` imports
 * this module and there may be no database yet).
 */
import { resolve } from 'node:path';
import { databasePath, openDatabase, type Db, type OpenedDatabase } from './client';
import { describeFileProblem } from './file-problems';
import { SERVER_BUSY_TIMEOUT_MS } from './busy';
import { seedDemoIfEmpty } from '../demo/seed';

let opened: OpenedDatabase | undefined;

/** Opens, migrates and (when empty) seeds the database. Call once at server start; safe to call again. */
export async function initDatabase(): Promise<OpenedDatabase> {
	if (opened) return opened;
	const path = databasePath();
	const result = openDatabase(path, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
	await seedDemoOrExplain(result, path);
	opened = result;
	return result;
}

/** The open database. initDatabase() must have run (the server hook does it at start). */
export function getDb(): Db {
	if (!opened)
		throw new Error('The database is not open yet: initDatabase() runs at server start.');
	return opened.db;
}

/** Whether initDatabase has opened the database (and it is not closed yet). */
export const isDatabaseOpen = (): boolean => opened !== undefined;

/**
 * Folds the write-ahead log into the database file and closes it, so the file on disk is whole by
 * itself (a copy of it alone is a complete database). Safe to call when it is not open.
 */
export function closeDatabase(): void {
	if (!opened) return;
	const { sqlite } = opened;
	opened = undefined;
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
}

export type { Db } from './client';

/**
 * Loads the demo into an empty database; a full disk or a file that cannot be written becomes a
 * DatabaseFileError naming the file (the load is one transaction, so nothing half-loaded stays).
 */
export async function seedDemoOrExplain(
	{ db, sqlite }: OpenedDatabase,
	path: string
): Promise<void> {
	try {
		await seedDemoIfEmpty(db, { path });
	} catch (error) {
		const problem = describeFileProblem(resolve(path), error);
		if (!problem) throw error;
		sqlite.close();
		throw problem;
	}
}
