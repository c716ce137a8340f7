/**
 * The person erasure.test.ts erases, and how it looks for any trace of them: in every table (the
 * search indexes' shadow tables too) and in the database file's bytes.
 */
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { expect } from 'vitest';

/** The person: words no other row shares, so any trace of them is theirs. */
export const PERSON = {
	name: 'Xanthe Zebedee-Quorn lifts',
	oldName: 'Xanthe Quorn lifts',
	nameCy: 'Lifftiau Xanthe Zebedee-Quorn',
	description: 'Xanthe drives neighbours to Quorndale surgery on Tuesdays.',
	contacts: ['07700 900417', 'xanthe.zq@example.com', 'Xanthe Zebedee-Quorn (herself)']
};
/** Lower-case spellings searched for: the full-text index stores lower-case words. */
export const TRACES = [
	'xanthe',
	'zebedee',
	'quorn',
	'quorndale',
	'07700 900417',
	'xanthe.zq@example.com',
	'herself'
];

/** Every table in the file (shadow tables of the full-text and R*Tree indexes too) and its rows. */
export function tracesInTables(sqlite: Database.Database): string[] {
	const found: string[] = [];
	const tables = sqlite
		.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
		)
		.all() as { name: string }[];
	expect(tables.map((table) => table.name)).toEqual(
		expect.arrayContaining(['assets', 'assets_fts_data', 'assets_fts_idx', 'asset_names_fts_data'])
	);
	for (const { name } of tables) {
		for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]) {
			for (const value of row) {
				if (value === null || typeof value === 'number' || typeof value === 'bigint') continue;
				const text = (
					Buffer.isBuffer(value) ? value.toString('latin1') : String(value)
				).toLowerCase();
				for (const trace of TRACES) if (text.includes(trace)) found.push(`${name}: ${trace}`);
			}
		}
	}
	return [...new Set(found)];
}

/** The database file's bytes, after checkpointing the write-ahead log into it, lower-cased. */
export function fileBytes(sqlite: Database.Database): string {
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	return readFileSync(sqlite.name).toString('latin1').toLowerCase();
}
