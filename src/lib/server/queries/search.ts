/** Full-text search over published assets (FTS5), paged. Issue-level filters build on this. */
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { toFtsQuery } from '../../domain/fts-query';
import { publicAssetColumns, type PublicAssetRow } from './assets';

export interface SearchInput {
	q: string;
	page: number;
	perPage: number;
}

export interface SearchResult {
	rows: PublicAssetRow[];
	total: number;
}

/**
 * Published assets matching the text, best first (names weigh ten times descriptions), or every
 * published asset by name when there is no text.
 */
export function searchPublicAssets(db: Db, { q, page, perPage }: SearchInput): SearchResult {
	const match = toFtsQuery(q);
	const offset = (page - 1) * perPage;
	const published = eq(t.assets.status, 'published');
	if (!match) {
		const rows = db
			.select(publicAssetColumns)
			.from(t.assets)
			.where(published)
			.orderBy(asc(t.assets.name))
			.limit(perPage)
			.offset(offset)
			.all() as PublicAssetRow[];
		const [{ n }] = db.select({ n: count() }).from(t.assets).where(published).all();
		return { rows, total: n };
	}
	// FTS5 has to be in the FROM clause for bm25(); the text match is the most selective filter.
	const rows = db.all<PublicAssetRow>(sql`
		SELECT a.id, a.kind, a.sector, a.name, a.name_cy AS nameCy, a.description,
			a.location_kind AS locationKind, a.lon, a.lat, a.address, a.postcode, a.cost,
			a.last_verified_on AS lastVerifiedOn
		FROM assets_fts
		JOIN assets a ON a.id = assets_fts.rowid
		WHERE assets_fts MATCH ${match} AND a.status = 'published'
		ORDER BY bm25(assets_fts, 10.0, 10.0, 1.0, 1.0), a.name
		LIMIT ${perPage} OFFSET ${offset}`);
	const [{ n }] = db.all<{ n: number }>(sql`
		SELECT count(*) AS n FROM assets_fts JOIN assets a ON a.id = assets_fts.rowid
		WHERE assets_fts MATCH ${match} AND a.status = 'published'`);
	return { rows, total: n };
}
