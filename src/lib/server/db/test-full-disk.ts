/**
 * A database that behaves as if its disk were full, for tests: `PRAGMA max_page_count` is set to
 * the pages it has now and the suggestions table is filled up to its last byte, so the next insert
 * there needs a page it cannot have and fails with SQLITE_FULL. Reads keep working. Not imported by
 * application code.
 */
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { Db } from './client';

function connectionOf(db: Db): Database.Database {
	return (db as Db & { $client: Database.Database }).$client;
}

/** Fills the disk under `db` (see above). Returns the number of filler rows it wrote. */
export function fillDiskForSuggestions(db: Db): number {
	const sqlite = connectionOf(db);
	const pages = sqlite.pragma('page_count', { simple: true }) as number;
	sqlite.pragma(`max_page_count = ${pages}`);
	const insert = sqlite.prepare(
		"INSERT INTO suggestions (kind, details, status) VALUES ('new', '{}', 'rejected')"
	);
	for (let filler = 0; filler < 100_000; filler++) {
		try {
			insert.run();
		} catch (error) {
			if ((error as { code?: string }).code === 'SQLITE_FULL') return filler;
			throw error;
		}
	}
	throw new Error('the database never filled up');
}

/** Suggestions other than the filler rows. */
export function countRealSuggestions(db: Db): number {
	return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM suggestions WHERE details <> '{}'`).n;
}
