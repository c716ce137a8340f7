/**
 * The app's one database connection, opened on first use (never at import time: `vite build` imports
 * this module and there may be no database yet).
 */
import { databasePath, openDatabase, type Db, type OpenedDatabase } from './client';
import { seedDemoIfEmpty } from '../demo/seed';

let opened: OpenedDatabase | undefined;

/** Opens, migrates and (when empty) seeds the database. Call once at server start; safe to call again. */
export async function initDatabase(): Promise<OpenedDatabase> {
	if (opened) return opened;
	const path = databasePath();
	const result = openDatabase(path);
	await seedDemoIfEmpty(result.db, { path });
	opened = result;
	return result;
}

/** The open database. initDatabase() must have run (the server hook does it at start). */
export function getDb(): Db {
	if (!opened)
		throw new Error('The database is not open yet: initDatabase() runs at server start.');
	return opened.db;
}

export type { Db } from './client';
