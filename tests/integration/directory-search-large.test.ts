/**
 * The words-only plan ranks in FTS5 with a LIMIT and widens it only when a page needs more fresh
 * entries. On a generated directory big enough to take that path, every page must be exactly the
 * page that ranking all matches would give.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptySearch, staleCutoff, type DirectorySearch } from '../../src/lib/domain/directory';
import { toFtsQuery } from '../../src/lib/domain/fts-query';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import { searchDirectory } from '../../src/lib/server/queries/directory';
import { fillDirectoryBench } from '../../src/cli/bench/directory-data';

const TODAY = '2026-11-25';
let db: Db;
beforeAll(() => {
	const opened = openDatabase(':memory:');
	fillDirectoryBench(opened, { count: 9000, seed: 7, today: TODAY });
	db = opened.db;
}, 120_000);

/** Every match ranked the slow, obvious way: stale last, then bm25, then id. */
function bruteForce(q: string, kind?: string): number[] {
	return db
		.all<{ id: number }>(
			sql`SELECT a.id FROM assets_fts f JOIN assets a ON a.id = f.rowid
			WHERE assets_fts MATCH ${toFtsQuery(q)} AND a.status = 'published'
				AND (${kind ?? null} IS NULL OR a.kind = ${kind ?? null})
			ORDER BY (a.last_verified_on IS NULL OR a.last_verified_on < ${staleCutoff(TODAY)}),
				bm25(assets_fts, 10.0, 10.0, 1.0, 1.0), a.id`
		)
		.map((row) => row.id);
}

const run = (search: Partial<DirectorySearch>, countLimit = 100_000) =>
	searchDirectory(db, { ...emptySearch(), ...search }, { today: TODAY, countLimit });

describe('ranking words on a large directory', () => {
	it.each([
		['a common 3-letter prefix', 'com', undefined],
		['a common word with a filter', 'community', 'venue'],
		['two words', 'walking group', undefined]
	])('gives exactly the brute-force page, early and deep: %s', (_label, q, kind) => {
		const [{ n }] = db.all<{ n: number }>(
			sql`SELECT count(*) AS n FROM assets_fts WHERE assets_fts MATCH ${toFtsQuery(q)}`
		);
		const all = bruteForce(q, kind);
		const kinds = kind ? [kind as 'venue'] : [];
		expect(all.length).toBeGreaterThan(40);
		const last = Math.ceil(all.length / 20);
		for (const page of [1, 2, Math.ceil(last / 2), last]) {
			const result = run({ q, kinds, page });
			expect(result.total).toBe(all.length);
			expect(result.rows.map((r) => r.id)).toEqual(all.slice((page - 1) * 20, page * 20));
		}
		if (q === 'com') expect(n).toBeGreaterThan(2000);
	});

	it('reports "more than" the count limit for a very common prefix, and pages within it', () => {
		const all = bruteForce('com');
		const result = run({ q: 'com', page: 50 }, 1000);
		expect(result).toMatchObject({ total: 1000, totalIsExact: false, pageCount: 50, page: 50 });
		expect(result.rows.map((r) => r.id)).toEqual(all.slice(980, 1000));
	});
});
