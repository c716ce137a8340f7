/**
 * How a directory search runs. Each plan starts from the most selective thing the search has:
 *
 * - a place (radius or patch): the R*Tree box gives a few hundred candidates; filters run on those;
 *   one FTS5 pass over the survivors tests the words (and scores them when sorting by relevance);
 *   sorting and counting happen in JavaScript on that small set, so the total is exact.
 * - words only: FTS5 ranks by bm25 in a subquery with a LIMIT (top K), and only those K rows are joined
 *   to `assets` for the filters and freshness; only when K holds too few fresh rows for the page is
 *   every match joined. The total is counted exactly up to `countLimit`, then reported as "more than".
 *   (bm25 still scores every match: for a prefix matching tens of thousands of entries that is the
 *   floor of the cost.)
 * - neither: an index walk in name order (fresh entries, then stale ones) or newest check first.
 *
 * Every sort puts stale entries below fresh ones, and ties break on id, so pages never overlap.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { boxSql, distanceSql, filterConditions, staleSql, type ResolvedSearch } from './filters';

export interface PagePlan {
	/** Ids of the page's entries, in order. */
	ids: number[];
	/** Distance in metres for each id, when the search has a place. */
	distances: Map<number, number>;
	total: number;
	/** False when more entries matched than `countLimit`: `total` is then the limit. */
	totalIsExact: boolean;
	/** The page shown: the one asked for, or the last one when that was past the end. */
	page: number;
}

export interface PageRequest {
	page: number;
	perPage: number;
	countLimit: number;
}

/** bm25 weights for name, Welsh name, description, Welsh description: names count ten times. */
const BM25 = sql`bm25(assets_fts, 10.0, 10.0, 1.0, 1.0)`;
/** Below this many text matches, every match is fetched and ranked: cheaper than counting twice. */
const SMALL_MATCH_COUNT = 2000;
const FIRST_TOP_K = 400;
const FIRST_TOP_K_FILTERED = 1500;

/** Whether anything besides the words narrows the search. */
function hasFilters(search: ResolvedSearch): boolean {
	return (
		search.categoryIds !== null ||
		search.kinds.length + search.days.length + search.times.length + search.access.length > 0 ||
		search.cost !== null ||
		search.age !== null ||
		search.language !== null
	);
}

/** The page to show for a total: the one asked for, or the last page (at least 1). */
function clampPage(total: number, { page, perPage }: PageRequest): number {
	return Math.max(1, Math.min(page, Math.ceil(total / perPage)));
}

interface Candidate {
	id: number;
	stale: number;
	checked: string | null;
	name: string;
	dist: number | null;
	score: number;
}

/** Sort keys after "stale last", for plans that sort in JavaScript. */
const COMPARE: Record<ResolvedSearch['sort'], (a: Candidate, b: Candidate) => number> = {
	relevance: (a, b) => a.score - b.score,
	distance: (a, b) => (a.dist ?? 0) - (b.dist ?? 0),
	checked: (a, b) => ((b.checked ?? '') < (a.checked ?? '') ? -1 : b.checked === a.checked ? 0 : 1),
	name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
};

function sortCandidates(rows: Candidate[], sort: ResolvedSearch['sort']): Candidate[] {
	const compare = COMPARE[sort];
	// Relevance ties break on id alone, as the top-K subquery's ORDER BY does, so K's edge is exact.
	const byName = sort === 'relevance' ? () => 0 : COMPARE.name;
	return rows.sort((a, b) => a.stale - b.stale || compare(a, b) || byName(a, b) || a.id - b.id);
}

function pageOf(rows: Candidate[], request: PageRequest, totalIsExact = true): PagePlan {
	const page = clampPage(rows.length, request);
	const slice = rows.slice((page - 1) * request.perPage, page * request.perPage);
	return {
		ids: slice.map((row) => row.id),
		distances: new Map(slice.filter((r) => r.dist !== null).map((r) => [r.id, r.dist as number])),
		total: rows.length,
		totalIsExact,
		page
	};
}

/** A place is given: R*Tree box first, exact filters on its candidates, then the words. */
export function placePlan(db: Db, search: ResolvedSearch, request: PageRequest): PagePlan {
	const box = search.box!;
	const where: SQL[] = [boxSql(box), filterConditions(search)];
	if (search.patchAssetIds) {
		where.push(sql`a.id IN (SELECT value FROM json_each(${JSON.stringify(search.patchAssetIds)}))`);
	}
	const distance = search.origin ? distanceSql(search.origin) : sql`NULL`;
	if (search.origin && search.radiusMetres !== null) {
		where.push(sql`${distance} <= ${search.radiusMetres}`);
	}
	let rows = db.all<Candidate>(sql`
		SELECT a.id AS id, ${staleSql(search.staleCutoff)} AS stale, a.last_verified_on AS checked,
			a.name AS name, ${distance} AS dist, 0 AS score
		FROM assets_rtree r CROSS JOIN assets a ON a.id = r.id
		WHERE ${sql.join(where, sql` AND `)}`);
	if (search.match && rows.length) {
		// One FTS pass over the survivors. The unary + keeps SQLite from pushing the id list into FTS5
		// as one lookup per id, each of which would recount bm25's statistics over the whole index.
		const scored = db.all<{ id: number; score: number }>(sql`
			SELECT rowid AS id, ${search.sort === 'relevance' ? BM25 : sql`0`} AS score FROM assets_fts
			WHERE assets_fts MATCH ${search.match}
				AND +rowid IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))`);
		const scores = new Map(scored.map((row) => [row.id, row.score]));
		rows = rows.filter((row) => scores.has(row.id));
		for (const row of rows) row.score = scores.get(row.id)!;
	}
	return pageOf(sortCandidates(rows, search.sort), request);
}

/** How many entries pass, counting no further than the limit (so a huge match stays cheap). */
function cappedCount(db: Db, from: SQL, where: SQL, limit: number): number {
	const [{ n }] = db.all<{ n: number }>(
		sql`SELECT count(*) AS n FROM (SELECT 1 ${from} WHERE ${where} LIMIT ${limit + 1})`
	);
	return n;
}

/** SQL ORDER BY for plans that page in SQL; "checked" puts never-checked (NULL) last by itself. */
function orderSql(sort: ResolvedSearch['sort'], cutoff: string): SQL {
	if (sort === 'checked') return sql`a.last_verified_on DESC, a.id DESC`;
	return sql`${staleSql(cutoff)}, a.name, a.id`;
}

/** Words without a place: rank in FTS5 first, join only the best K. */
export function textPlan(db: Db, search: ResolvedSearch, request: PageRequest): PagePlan {
	const match = search.match!;
	const filters = filterConditions(search);
	// Counting stops past the small-set size: a full count of a common prefix costs milliseconds.
	const matches = cappedCount(
		db,
		sql`FROM assets_fts`,
		sql`assets_fts MATCH ${match}`,
		SMALL_MATCH_COUNT
	);
	if (matches === 0)
		return { ids: [], distances: new Map(), total: 0, totalIsExact: true, page: 1 };
	const from = sql`FROM assets_fts f CROSS JOIN assets a ON a.id = f.rowid`;
	const where = sql`assets_fts MATCH ${match} AND ${filters}`;

	if (search.sort !== 'relevance') {
		const counted = cappedCount(db, from, where, request.countLimit);
		const total = Math.min(counted, request.countLimit);
		const page = clampPage(total, request);
		const ids = db
			.all<{ id: number }>(
				sql`SELECT a.id AS id ${from} WHERE ${where} ORDER BY ${orderSql(search.sort, search.staleCutoff)}
				LIMIT ${request.perPage} OFFSET ${(page - 1) * request.perPage}`
			)
			.map((row) => row.id);
		return { ids, distances: new Map(), total, totalIsExact: counted <= request.countLimit, page };
	}

	const topK = (limit: number) =>
		db.all<Candidate>(sql`
			SELECT a.id AS id, ${staleSql(search.staleCutoff)} AS stale, a.last_verified_on AS checked,
				a.name AS name, NULL AS dist, m.score AS score
			FROM (SELECT rowid AS id, ${BM25} AS score FROM assets_fts WHERE assets_fts MATCH ${match}
				ORDER BY score, rowid LIMIT ${limit}) m
			CROSS JOIN assets a ON a.id = m.id
			WHERE ${filters}`);
	if (matches <= SMALL_MATCH_COUNT) return pageOf(sortCandidates(topK(-1), 'relevance'), request);

	const counted = cappedCount(db, from, where, request.countLimit);
	const total = Math.min(counted, request.countLimit);
	const page = clampPage(total, request);
	const needed = page * request.perPage;
	// Scoring costs the same whatever K is (bm25 runs on every match); K only bounds the join. So a
	// filtered search starts wider, and a second try takes every match.
	const firstK = Math.max(hasFilters(search) ? FIRST_TOP_K_FILTERED : FIRST_TOP_K, needed * 4);
	for (const k of [firstK, -1]) {
		const complete = k === -1;
		const rows = topK(k);
		// Any fresh entry outside the best K scores worse than every fresh one inside it, so the page
		// is exact once K holds enough fresh entries (or holds every match).
		if (complete || rows.filter((row) => !row.stale).length >= needed) {
			const sorted = sortCandidates(rows, 'relevance');
			const ids = sorted.slice((page - 1) * request.perPage, needed).map((row) => row.id);
			return {
				ids,
				distances: new Map(),
				total,
				totalIsExact: counted <= request.countLimit,
				page
			};
		}
	}
	throw new Error('Unreachable: the last try takes every match');
}

/** No words and no place: walk an index in the sort's order. */
export function browsePlan(db: Db, search: ResolvedSearch, request: PageRequest): PagePlan {
	const filters = filterConditions(search);
	const counted = cappedCount(db, sql`FROM assets a`, filters, request.countLimit);
	const total = Math.min(counted, request.countLimit);
	const page = clampPage(total, request);
	const offset = (page - 1) * request.perPage;
	const totalIsExact = counted <= request.countLimit;
	const select = (where: SQL, order: SQL, limit: number, skip: number) =>
		db
			.all<{ id: number }>(
				sql`SELECT a.id AS id FROM assets a WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${skip}`
			)
			.map((row) => row.id);

	if (search.sort === 'checked') {
		const ids = select(filters, orderSql('checked', search.staleCutoff), request.perPage, offset);
		return { ids, distances: new Map(), total, totalIsExact, page };
	}
	// Name order: fresh entries by name, then stale ones. The unary + keeps SQLite from choosing the
	// checked-date index for the date test and then sorting every fresh entry by name.
	const cutoff = search.staleCutoff;
	const fresh = sql`${filters} AND +a.last_verified_on >= ${cutoff}`;
	const ids = select(fresh, sql`a.name, a.id`, request.perPage, offset);
	if (ids.length < request.perPage) {
		const freshCount = cappedCount(db, sql`FROM assets a`, fresh, offset + request.perPage);
		const stale = sql`${filters} AND ${staleSql(cutoff)}`;
		const skip = Math.max(0, offset - freshCount);
		ids.push(...select(stale, sql`a.name, a.id`, request.perPage - ids.length, skip));
	}
	return { ids, distances: new Map(), total, totalIsExact, page };
}
