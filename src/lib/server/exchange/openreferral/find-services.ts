/**
 * Which entries a visitor may see (../../queries/visibility.ts) match the API's filters, paged: ids only, in a stable order. Each filter is
 * an indexed condition (FTS5 for search, the asset_categories and asset_sessions indexes, the R*Tree
 * for proximity), so a page costs the same however many assets there are.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { toFtsQuery } from '../../../domain/fts-query';
import { entryVisibleSql } from '../../queries/visibility';
import type { TermCatalogue } from '../../../domain/exchange/openreferral/taxonomy';
import type {
	ServiceAtLocationsQuery,
	ServicesQuery
} from '../../../domain/exchange/openreferral/query-params';

const EARTH_RADIUS_METRES = 6_371_008.8;
const METRES_PER_DEGREE_LAT = 111_320;

/** Great-circle distance in metres between two [lon, lat] points. */
export function distanceMetres(a: [number, number], b: [number, number]): number {
	const toRad = Math.PI / 180;
	const dLat = (b[1] - a[1]) * toRad;
	const dLon = (b[0] - a[0]) * toRad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The WHERE conditions (on `a`, the asset) for the filters shared by both list endpoints. */
function serviceConditions(
	query: ServicesQuery,
	catalogue: TermCatalogue,
	programmeId: number | null
): SQL[] {
	const where: SQL[] = [entryVisibleSql('a')];
	if (programmeId !== null) where.push(sql`a.programme_id = ${programmeId}`);
	const match = query.search ? toFtsQuery(query.search) : null;
	if (match)
		where.push(sql`a.id IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ${match})`);

	if (query.taxonomy_term_id) {
		const key = catalogue.keyById.get(query.taxonomy_term_id) ?? '';
		const [prefix, code] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
		if (prefix === 'category') {
			where.push(sql`a.id IN (SELECT asset_id FROM asset_categories WHERE category_id = ${code})`);
		} else if (prefix === 'kind') where.push(sql`a.kind = ${code}`);
		else if (prefix === 'sector') where.push(sql`a.sector = ${code}`);
		else if (prefix === 'accessibility') {
			where.push(sql`EXISTS (SELECT 1 FROM json_each(a.accessibility) WHERE value = ${code})`);
		} else where.push(sql`0`); // a well-formed id that is not one of our terms matches nothing
	}
	if (query.taxonomy_id) {
		const taxonomy = catalogue.taxonomyKeyById.get(query.taxonomy_id);
		if (taxonomy === 'categories') {
			where.push(sql`EXISTS (SELECT 1 FROM asset_categories ac WHERE ac.asset_id = a.id)`);
		} else if (taxonomy === 'accessibility') {
			where.push(sql`json_array_length(a.accessibility) > 0`);
		} else if (taxonomy !== 'asset-kinds') where.push(sql`0`); // every asset has a kind
	}
	// As the profile words them: minimum_age "of at least", maximum_age "equal to or below".
	if (query.minimum_age !== undefined) where.push(sql`a.age_min >= ${query.minimum_age}`);
	if (query.maximum_age !== undefined) where.push(sql`a.age_max <= ${query.maximum_age}`);

	// Day and times apply to one and the same session.
	const session: SQL[] = [];
	if (query.day)
		session.push(
			sql`s.weekday IN (${sql.join(
				query.day.map((d) => sql`${d}`),
				sql`, `
			)})`
		);
	if (query.start_time) session.push(sql`s.start_time >= ${query.start_time}`);
	if (query.end_time) session.push(sql`s.end_time <= ${query.end_time}`);
	if (session.length) {
		where.push(
			sql`EXISTS (SELECT 1 FROM asset_sessions s WHERE s.asset_id = a.id AND ${sql.join(session, sql` AND `)})`
		);
	}
	if (query.modified_after) where.push(sql`a.updated_at >= ${query.modified_after}`);
	return where;
}

export interface IdPage {
	ids: number[];
	total: number;
	/** Metres from the postcode, by asset id, when a postcode was given. */
	distances?: Map<number, number>;
}

/** Visible entries matching the filters, by name, one page of ids. */
export function findServiceIds(
	db: Db,
	query: ServicesQuery,
	catalogue: TermCatalogue,
	programmeId: number | null
): IdPage {
	const where = sql.join(serviceConditions(query, catalogue, programmeId), sql` AND `);
	const offset = (query.page - 1) * query.per_page;
	const ids = db
		.all<{ id: number }>(
			sql`SELECT a.id FROM assets a WHERE ${where}
				ORDER BY a.name COLLATE NOCASE, a.id LIMIT ${query.per_page} OFFSET ${offset}`
		)
		.map((row) => row.id);
	const [{ n }] = db.all<{ n: number }>(sql`SELECT count(*) AS n FROM assets a WHERE ${where}`);
	return { ids, total: n };
}

/**
 * Visible entries with a place (a visible venue's, or their own point) matching the filters. With
 * a postcode, nearest first (and within `proximity` metres if given); otherwise by name.
 */
export function findServiceAtLocationIds(
	db: Db,
	query: ServiceAtLocationsQuery,
	catalogue: TermCatalogue,
	programmeId: number | null,
	origin: [number, number] | null
): IdPage {
	const where = serviceConditions(query, catalogue, programmeId);
	where.push(sql`(v.id IS NOT NULL OR (a.lon IS NOT NULL AND a.lat IS NOT NULL))`);
	const from = sql`FROM assets a LEFT JOIN assets v ON v.id = a.venue_id
		AND ${entryVisibleSql('v')} AND v.lon IS NOT NULL AND v.lat IS NOT NULL`;
	const offset = (query.page - 1) * query.per_page;

	if (!origin) {
		const conditions = sql.join(where, sql` AND `);
		const ids = db
			.all<{ id: number }>(
				sql`SELECT a.id ${from} WHERE ${conditions}
					ORDER BY a.name COLLATE NOCASE, a.id LIMIT ${query.per_page} OFFSET ${offset}`
			)
			.map((row) => row.id);
		const [{ n }] = db.all<{ n: number }>(sql`SELECT count(*) AS n ${from} WHERE ${conditions}`);
		return { ids, total: n };
	}

	if (query.proximity !== undefined) {
		// R*Tree box around the postcode first; the exact distance is checked below.
		const dLat = query.proximity / METRES_PER_DEGREE_LAT;
		const dLon = dLat / Math.max(0.01, Math.cos((origin[1] * Math.PI) / 180));
		const box = sql`(SELECT id FROM assets_rtree WHERE max_lon >= ${origin[0] - dLon}
			AND min_lon <= ${origin[0] + dLon} AND max_lat >= ${origin[1] - dLat}
			AND min_lat <= ${origin[1] + dLat})`;
		where.push(sql`((v.id IS NOT NULL AND v.id IN ${box}) OR (v.id IS NULL AND a.id IN ${box}))`);
	}
	const rows = db.all<{ id: number; name: string; lon: number; lat: number }>(
		sql`SELECT a.id, a.name, COALESCE(v.lon, a.lon) AS lon, COALESCE(v.lat, a.lat) AS lat
			${from} WHERE ${sql.join(where, sql` AND `)}`
	);
	const measured = rows
		.map((row) => ({ ...row, metres: distanceMetres(origin, [row.lon, row.lat]) }))
		.filter((row) => query.proximity === undefined || row.metres <= query.proximity)
		.sort((a, b) => a.metres - b.metres || a.name.localeCompare(b.name) || a.id - b.id);
	const page = measured.slice(offset, offset + query.per_page);
	return {
		ids: page.map((row) => row.id),
		total: measured.length,
		distances: new Map(page.map((row) => [row.id, row.metres]))
	};
}
