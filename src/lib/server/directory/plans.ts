/**
 * How a directory search runs. Each plan starts from the most selective thing the search has:
 *
 * - a place (radius or patch): the R*Tree box gives a few hundred candidates; filters run on those;
 *   one FTS5 pass over the survivors tests the words (and scores them when sorting by relevance);
 *   sorting and counting happen in JavaScript on that small set, so the total is exact.
 * - words only, by relevance: up to 2,000 matches, all are fetched and scored in one query and
 *   sorted here. More than that (a short prefix on a national directory), the page is read in runs:
 *   fresh entries whose name holds the words, in the names index's own order (./names.ts), so SQLite
 *   stops once the page is full however many entries match; then fresh entries that mention the
 *   words elsewhere, by bm25; then the same two for stale entries. Counting stops at `countLimit`
 *   ("more than 1,000").
 * - words only, another sort, or no words at all: an index walk in the sort's order.
 *
 * The order itself is domain/directory/ranking.ts: "Best match" ranks name matches (shortest name
 * first) before description matches (bm25), community entries before services at each of those,
 * and with a place, bands of distance first; stale entries sink within their band. Ties break on
 * id, so pages never overlap.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { compareEntries, type RankedEntry } from '../../domain/directory/ranking';
import { boxSql, distanceSql, filterConditions, staleSql, type ResolvedSearch } from './filters';
import { assetNameKey, nameRowAssetId, namesFrom, namesMatch } from './names';

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
/**
 * A name match's relevance score: below every bm25 score (those are small negative numbers), in
 * the names index's order (shortest name first, then id).
 */
const nameScore = (nameKey: number) => nameKey - 1e15;
/** Up to this many matches of the words, every match is fetched, scored and sorted at once. */
const SMALL_MATCH_COUNT = 2000;

/** The page to show for a total: the one asked for, or the last page (at least 1). */
function clampPage(total: number, { page, perPage }: PageRequest): number {
	return Math.max(1, Math.min(page, Math.ceil(total / perPage)));
}

interface Candidate extends RankedEntry {
	/** The entry's names-index rowid (see ./names.ts). */
	nameKey: number;
}

/** The columns every candidate query selects (inName and score are filled in afterwards). */
const candidateColumns = (search: ResolvedSearch, distance: SQL) => sql`a.id AS id, a.kind AS kind,
	${staleSql(search.staleCutoff)} AS stale, a.last_verified_on AS checked, a.name AS name,
	${distance} AS dist, 0 AS score, ${assetNameKey} AS nameKey`;

function sortCandidates(rows: Candidate[], search: ResolvedSearch): Candidate[] {
	const has = { hasWords: search.match !== null, hasPlace: search.origin !== null };
	return rows.sort(compareEntries(search.sort, has));
}

function pageOf(rows: Candidate[], request: PageRequest): PagePlan {
	const page = clampPage(rows.length, request);
	const slice = rows.slice((page - 1) * request.perPage, page * request.perPage);
	return {
		ids: slice.map((row) => row.id),
		distances: new Map(slice.filter((r) => r.dist !== null).map((r) => [r.id, r.dist as number])),
		total: rows.length,
		totalIsExact: true,
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
		SELECT ${candidateColumns(search, distance)}
		FROM assets_rtree r CROSS JOIN assets a ON a.id = r.id
		WHERE ${sql.join(where, sql` AND `)}`);
	if (search.match && rows.length) {
		const relevance = search.sort === 'best';
		// One FTS pass over the survivors. The unary + keeps SQLite from pushing the id list into FTS5
		// as one lookup per id, each of which would recount bm25's statistics over the whole index.
		const scored = db.all<{ id: number; score: number }>(sql`
			SELECT rowid AS id, ${relevance ? BM25 : sql`0`} AS score FROM assets_fts
			WHERE assets_fts MATCH ${search.match}
				AND +rowid IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))`);
		const scores = new Map(scored.map((row) => [row.id, row.score]));
		rows = rows.filter((row) => scores.has(row.id));
		for (const row of rows) row.score = scores.get(row.id)!;
		if (relevance) rankNameMatchesFirst(db, rows, search.match);
	}
	return pageOf(sortCandidates(rows, search), request);
}

/**
 * Gives the rows whose name holds the words a score below every bm25 score, in the names index's
 * order (shortest name first). One pass over the names' matches: the unary + stops SQLite from
 * running the whole match again for each row's rowid, which for a long word costs far more.
 */
function rankNameMatchesFirst(db: Db, rows: Candidate[], match: string): void {
	const inName = new Set(
		selectIds(
			db,
			sql`SELECT ${nameRowAssetId} AS id FROM asset_names_fts n WHERE ${namesMatch(match)}
				AND +n.rowid IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.nameKey))}))`
		)
	);
	for (const row of rows) {
		row.inName = inName.has(row.id);
		if (row.inName) row.score = nameScore(row.nameKey);
	}
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

/** Words without a place: by relevance as the top of this file says, or an index walk in the sort's order. */
export function textPlan(db: Db, search: ResolvedSearch, request: PageRequest): PagePlan {
	const match = search.match!;
	const from = sql`FROM assets_fts f CROSS JOIN assets a ON a.id = f.rowid`;
	const where = sql`assets_fts MATCH ${match} AND ${filterConditions(search)}`;
	if (search.sort === 'best') {
		// Few matches: score them all at once. Each run below re-reads the words' matches, and for
		// long words (no prefix index) that read costs more than scoring a few thousand rows.
		const scored = db.all<{ id: number; score: number }>(
			sql`SELECT rowid AS id, ${BM25} AS score FROM assets_fts WHERE assets_fts MATCH ${match}
			LIMIT ${SMALL_MATCH_COUNT + 1}`
		);
		if (scored.length <= SMALL_MATCH_COUNT) {
			const scores = new Map(scored.map((row) => [row.id, row.score]));
			const rows = db.all<Candidate>(sql`
				SELECT ${candidateColumns(search, sql`NULL`)}
				FROM json_each(${JSON.stringify([...scores.keys()])}) j CROSS JOIN assets a ON a.id = j.value
				WHERE ${filterConditions(search)}`);
			for (const row of rows) row.score = scores.get(row.id)!;
			rankNameMatchesFirst(db, rows, match);
			return pageOf(sortCandidates(rows, search), request);
		}
	}
	const counted = cappedCount(db, from, where, request.countLimit);
	const total = Math.min(counted, request.countLimit);
	const page = clampPage(total, request);
	const offset = (page - 1) * request.perPage;
	const ids =
		search.sort === 'best'
			? pageFromRuns(relevanceRuns(db, search), offset, request.perPage)
			: selectIds(
					db,
					sql`SELECT a.id AS id ${from} WHERE ${where} ORDER BY ${orderSql(search.sort, search.staleCutoff)}
					LIMIT ${request.perPage} OFFSET ${offset}`
				);
	return { ids, distances: new Map(), total, totalIsExact: counted <= request.countLimit, page };
}

/** A run of entries in one order: a slice of it, and its size counted no further than a limit. */
interface Run {
	select(limit: number, offset: number): number[];
	count(limit: number): number;
}

/**
 * The best-match order as runs, one after another: fresh name matches (community, then services),
 * fresh description-only matches (the same two), then the same four for stale entries. Only the runs
 * a page reaches are queried.
 */
function relevanceRuns(db: Db, search: ResolvedSearch): Run[] {
	const match = search.match!;
	const filters = filterConditions(search);
	const stale = staleSql(search.staleCutoff);
	const nameRun = (freshness: SQL): Run => {
		const where = sql`${namesMatch(match)} AND ${filters} AND ${freshness}`;
		return {
			// The names index's rowid order is the ranking: SQLite reads matches in order and stops.
			select: (limit, offset) =>
				selectIds(
					db,
					sql`SELECT a.id AS id ${namesFrom} WHERE ${where}
					ORDER BY n.rowid LIMIT ${limit} OFFSET ${offset}`
				),
			count: (limit) => cappedCount(db, namesFrom, where, limit)
		};
	};
	const descriptionRun = (freshness: SQL): Run => {
		const where = sql`assets_fts MATCH ${match} AND ${filters} AND ${freshness}
			AND a.id NOT IN (SELECT ${nameRowAssetId} FROM asset_names_fts n WHERE ${namesMatch(match)})`;
		const from = sql`FROM assets_fts f CROSS JOIN assets a ON a.id = f.rowid`;
		return {
			// bm25 scores every match of the words: this run is reached only when the name matches run
			// out before the page does.
			select: (limit, offset) =>
				selectIds(
					db,
					sql`SELECT a.id AS id, ${BM25} AS score ${from} WHERE ${where}
					ORDER BY score, a.id LIMIT ${limit} OFFSET ${offset}`
				),
			count: (limit) => cappedCount(db, from, where, limit)
		};
	};
	return [sql`NOT ${stale}`, stale].flatMap((freshness) =>
		[nameRun, descriptionRun].flatMap((run) =>
			[COMMUNITY, SERVICES].map((kind) => run(sql`${freshness} AND ${kind}`))
		)
	);
}

/** Community entries (groups, informal supports, venues) and services: ranking.ts's communityRank. */
const COMMUNITY = sql`a.kind <> 'service'`;
const SERVICES = sql`a.kind = 'service'`;

/** One page from runs laid end to end: skip `offset` entries, then take up to `perPage`. */
function pageFromRuns(runs: Run[], offset: number, perPage: number): number[] {
	const page: number[] = [];
	let skip = offset;
	for (const run of runs) {
		if (page.length === perPage) break;
		const slice = run.select(perPage - page.length, skip);
		// Nothing taken from this run: the page starts after it, so skip past its entries.
		if (slice.length === 0 && skip > 0) skip -= run.count(skip);
		else skip = 0;
		page.push(...slice);
	}
	return page;
}

const selectIds = (db: Db, query: SQL): number[] =>
	db.all<{ id: number }>(query).map((row) => row.id);

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
	// Name order: fresh entries by name, then stale ones; Best match splits each into community
	// entries, then services. The unary + keeps SQLite from choosing the checked-date index for the
	// date test and then sorting every fresh entry by name.
	const cutoff = search.staleCutoff;
	const kinds = search.sort === 'best' ? [COMMUNITY, SERVICES] : [sql`1`];
	const runs = [sql`+a.last_verified_on >= ${cutoff}`, staleSql(cutoff)].flatMap((freshness) =>
		kinds.map((kind): Run => {
			const where = sql`${filters} AND ${freshness} AND ${kind}`;
			return {
				select: (limit, skip) => select(where, sql`a.name, a.id`, limit, skip),
				count: (limit) => cappedCount(db, sql`FROM assets a`, where, limit)
			};
		})
	);
	const ids = pageFromRuns(runs, offset, request.perPage);
	return { ids, distances: new Map(), total, totalIsExact, page };
}
