/**
 * The words-only plan reads a page in runs (fresh name matches from the names index in its own
 * order, then description matches by bm25, then the same for stale entries) and stops as soon as the
 * page is full. On a generated directory big enough for runs to matter, every page must be exactly
 * the page that ranking all matches in one query gives.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptySearch, staleCutoff, type DirectorySearch } from '../../src/lib/domain/directory';
import { haversineMetres } from '../../src/lib/domain/directory/distance';
import { toFtsQuery } from '../../src/lib/domain/fts-query';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import { searchDirectory } from '../../src/lib/server/queries/directory';
import { entryVisibleSql } from '../../src/lib/server/queries/visibility';
import { fillDirectoryBench } from '../../src/cli/bench/directory-data';

const TODAY = '2026-11-25';
let db: Db;
beforeAll(() => {
	const opened = openDatabase(':memory:');
	fillDirectoryBench(opened, { count: 9000, seed: 7, today: TODAY });
	db = opened.db;
}, 120_000);

/**
 * Every match ranked the slow, obvious way, in one query on the main index alone: stale last (an
 * imported entry never checked counts from its import date); then
 * entries whose English or Welsh name holds every word (a column filter), community entries before
 * services, shortest name first; then the rest the same way by bm25; ties on id.
 */
function bruteForce(q: string, kind?: string): number[] {
	const match = toFtsQuery(q)!;
	const inName = sql`a.id IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ${`{name name_cy} : (${match})`})`;
	return db
		.all<{ id: number }>(
			sql`SELECT a.id FROM assets_fts f JOIN assets a ON a.id = f.rowid
			WHERE assets_fts MATCH ${match} AND ${entryVisibleSql('a')}
				AND (${kind ?? null} IS NULL OR a.kind = ${kind ?? null})
			ORDER BY (COALESCE(a.last_verified_on, CASE WHEN a.source <> 'patchwork' THEN substr(a.created_at, 1, 10) END, '') < ${staleCutoff(TODAY)}),
				${inName} DESC,
				a.kind = 'service',
				CASE WHEN ${inName} THEN length(a.name) END,
				CASE WHEN NOT ${inName} THEN bm25(assets_fts, 10.0, 10.0, 1.0, 1.0) END,
				a.id`
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

	it('lays every page end to end into the whole ranking: no gaps, no repeats, across runs', () => {
		// Over 2,000 matches: the plan reads runs (fresh names, fresh descriptions, stale ...).
		const [{ n }] = db.all<{ n: number }>(
			sql`SELECT count(*) AS n FROM assets_fts WHERE assets_fts MATCH ${toFtsQuery('com')}`
		);
		expect(n).toBeGreaterThan(2000);
		const all = bruteForce('com', 'group');
		const pages = Math.ceil(all.length / 20);
		const seen = Array.from({ length: pages }, (_, i) =>
			run({ q: 'com', kinds: ['group'], page: i + 1 }).rows.map((r) => r.id)
		).flat();
		expect(pages).toBeGreaterThan(10);
		expect(seen).toEqual(all);
	});

	it('ranks by bands of distance around a place, then fresh, name matches, community, nearest', () => {
		const places = new Map(
			db
				.all<{ id: number; lon: number; lat: number }>(
					sql`SELECT id, lon, lat FROM assets WHERE lon IS NOT NULL`
				)
				.map((row) => [row.id, [row.lon, row.lat] as [number, number]])
		);
		// The middle of a town: the entry with the most others within 10 km, among the first 60.
		const points = [...places.values()];
		const neighbours = (p: [number, number]) =>
			points.filter((other) => haversineMetres(p, other) <= 10_000).length;
		const [lon, lat] = points
			.slice(0, 60)
			.reduce((best, p) => (neighbours(p) > neighbours(best) ? p : best));
		const near = (id: number) =>
			places.has(id) && haversineMetres([lon, lat], places.get(id)!) <= 10_000;
		const match = toFtsQuery('com')!;
		const facts = new Map(
			db
				.all<{ id: number; stale: number; inName: number; service: number }>(
					sql`SELECT a.id, (COALESCE(a.last_verified_on, CASE WHEN a.source <> 'patchwork' THEN substr(a.created_at, 1, 10) END, '') < ${staleCutoff(TODAY)})
						AS stale, a.id IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH
							${`{name name_cy} : (${match})`}) AS inName, a.kind = 'service' AS service
					FROM assets a`
				)
				.map((row) => [row.id, row])
		);
		// Bands double from 250 metres: under 250 m is 0, 250 to 500 m is 1, 500 m to 1 km is 2 …
		const metres = (id: number) => haversineMetres([lon, lat], places.get(id)!);
		const band = (id: number) =>
			metres(id) < 250 ? 0 : Math.floor(Math.log2(metres(id) / 250)) + 1;
		const key = (id: number) => {
			const { stale, inName, service } = facts.get(id)!;
			return [band(id), stale, 1 - inName, service, metres(id), id];
		};
		const expected = bruteForce('com')
			.filter(near)
			.sort((a, b) => {
				const [ka, kb] = [key(a), key(b)];
				return ka.map((value, i) => value - kb[i]).find((d) => d !== 0) ?? 0;
			});
		for (const sort of [null, 'best' as const]) {
			const result = run({ q: 'com', point: [lon, lat], radiusKm: 10, sort });
			expect(expected.length).toBeGreaterThan(20);
			expect(result.total).toBe(expected.length);
			expect(result.rows.map((r) => r.id)).toEqual(expected.slice(0, 20));
			expect(result.rows.map((r) => r.kind)).toContain('service');
		}
	});
});
