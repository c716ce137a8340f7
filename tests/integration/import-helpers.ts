/** Shared by the import tests: fixture paths, the real Trafford files, and a fingerprint of the database. */
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { readImportFile } from '../../src/lib/server/import/files';
import { runImport, type ImportRequest } from '../../src/lib/server/import/run';
import type { Db } from '../../src/lib/server/db/client';
import type { ImportKind } from '../../src/lib/domain/import/limits';
import { realDataPath } from '../real-data';

export const FIXTURES = resolve('tests/fixtures/import');
export const fixture = (name: string) => resolve(FIXTURES, name);

/** A real Trafford file in tests/data (see its README). Missing data fails the test, never skips it. */
export const traffordPath = (path: string): string => realDataPath('trafford', path);

const TABLES = [
	'programmes',
	'small_areas',
	'population_sets',
	'population_values',
	'patches',
	'audit_log'
] as const;

/** Row counts of the tables imports write, and a digest of their whole content. */
export function databaseState(sqlite: Database.Database) {
	const counts: Record<string, number> = {};
	const hash = createHash('sha256');
	for (const table of TABLES) {
		const rows = sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
		counts[table] = rows.length;
		hash.update(table + JSON.stringify(rows));
	}
	return { counts, digest: hash.digest('hex') };
}

/** Reads a file as the CLI does (named by its base name) and imports it. */
export function importFile(
	db: Db,
	path: string,
	request: ImportRequest,
	{ dryRun = false, programmeName }: { dryRun?: boolean; programmeName?: string } = {}
) {
	const source = basename(path);
	const text = readImportFile(path, request.kind as ImportKind, source);
	return runImport(db, request, { source, text, dryRun, via: 'cli', programmeName });
}

/** The message of the error `fn` throws. */
export function errorOf(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('expected the import to be refused');
}
