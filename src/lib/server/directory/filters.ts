/**
 * The directory's filters as SQL conditions on `assets a`, and the resolved search they come from.
 * Cheap column tests come first and JSON tests last, so SQLite parses an entry's JSON only when every
 * other filter has already passed.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BoundingBox } from '../../domain/geometry';
import type { CostFilter, DirectorySort } from '../../domain/directory';
import type { TimeOfDay } from '../../domain/sessions';
import type { AccessibilityFeature, AssetKind } from '../../domain/vocabulary';
import { entryVisibleSql } from '../queries/visibility';

/** A search with its names looked up: category ids, a point for a postcode, a patch's entries. */
export interface ResolvedSearch {
	/** FTS5 MATCH expression, or null for no text. */
	match: string | null;
	/** The category and its descendants, or null for any category. */
	categoryIds: string[] | null;
	kinds: AssetKind[];
	days: number[];
	times: TimeOfDay[];
	cost: CostFilter | null;
	age: number | null;
	access: AccessibilityFeature[];
	language: string | null;
	/** Place to measure from, and how far. */
	origin: { lon: number; lat: number } | null;
	radiusMetres: number | null;
	/** The R*Tree box candidates must lie in (a radius's box, a patch's box, or both). */
	box: BoundingBox | null;
	/** Visible entries inside the patch polygon (exact test done), or null for no patch filter. */
	patchAssetIds: number[] | null;
	sort: DirectorySort;
	/** Checked before this date ('YYYY-MM-DD'), or never, is stale. */
	staleCutoff: string;
}

/** Start times (HH:MM) by part of the day, as timeOfDay() in domain/sessions.ts draws them. */
const TIME_RANGES: Record<TimeOfDay, SQL> = {
	morning: sql`s.start_time < '12:00'`,
	afternoon: sql`(s.start_time >= '12:00' AND s.start_time < '17:00')`,
	evening: sql`s.start_time >= '17:00'`
};

const list = (values: readonly (string | number)[]) =>
	sql.join(
		values.map((value) => sql`${value}`),
		sql`, `
	);

/** 1 when the entry was last checked before the cutoff or never, else 0. */
export function staleSql(cutoff: string): SQL {
	// As isStale(): an imported entry never checked counts from its import date (importedOn()).
	return sql`(COALESCE(a.last_verified_on, CASE WHEN a.source <> 'patchwork'
		THEN substr(a.created_at, 1, 10) END, '') < ${cutoff})`;
}

/** Great-circle metres from the origin to the entry's point, the same formula as haversineMetres. */
export function distanceSql({ lon, lat }: { lon: number; lat: number }): SQL {
	return sql`(6371008.8 * 2 * asin(min(1, sqrt(
		pow(sin(radians(a.lat - ${lat}) / 2), 2) +
		cos(radians(${lat})) * cos(radians(a.lat)) * pow(sin(radians(a.lon - ${lon}) / 2), 2)))))`;
}

/** A JSON array column read safely: a malformed value reads as empty instead of failing the query. */
const jsonArray = (column: SQL) =>
	sql`json_each(CASE WHEN json_valid(${column}) THEN ${column} ELSE '[]' END)`;

/**
 * Every filter except text and place, as conditions joined by AND. Always includes "visible to
 * visitors" (../queries/visibility.ts): drafts, archived entries and informal supports without
 * consent to be shown never reach a visitor.
 */
export function filterConditions(search: ResolvedSearch): SQL {
	const conditions: SQL[] = [entryVisibleSql('a')];
	if (search.kinds.length) conditions.push(sql`a.kind IN (${list(search.kinds)})`);
	if (search.cost === 'free') conditions.push(sql`a.cost = 'free'`);
	if (search.cost === 'low') conditions.push(sql`a.cost IN ('free', 'low')`);
	if (search.age !== null) {
		conditions.push(
			sql`(a.age_min IS NULL OR a.age_min <= ${search.age}) AND (a.age_max IS NULL OR a.age_max >= ${search.age})`
		);
	}
	if (search.categoryIds) {
		conditions.push(sql`EXISTS (SELECT 1 FROM asset_categories ac
			WHERE ac.asset_id = a.id AND ac.category_id IN (${list(search.categoryIds)}))`);
	}
	if (search.days.length || search.times.length) {
		// One session must meet both: "Tuesday morning" is not a Tuesday evening and a Friday morning.
		const session: SQL[] = [sql`s.asset_id = a.id`];
		if (search.days.length) session.push(sql`s.weekday IN (${list(search.days)})`);
		if (search.times.length) {
			session.push(
				sql`(${sql.join(
					search.times.map((time) => TIME_RANGES[time]),
					sql` OR `
				)})`
			);
		}
		conditions.push(
			sql`EXISTS (SELECT 1 FROM asset_sessions s WHERE ${sql.join(session, sql` AND `)})`
		);
	}
	if (search.access.length) {
		conditions.push(sql`(SELECT count(DISTINCT value) FROM ${jsonArray(sql`a.accessibility`)}
			WHERE value IN (${list(search.access)})) = ${search.access.length}`);
	}
	if (search.language) {
		conditions.push(
			sql`EXISTS (SELECT 1 FROM ${jsonArray(sql`a.languages`)} WHERE value = ${search.language})`
		);
	}
	return sql.join(conditions, sql` AND `);
}

/** The R*Tree condition for a box, padded a little: the R*Tree stores 32-bit floats. */
export function boxSql(box: BoundingBox): SQL {
	const pad = 1e-5;
	return sql`r.max_lon >= ${box.minLon - pad} AND r.min_lon <= ${box.maxLon + pad}
		AND r.max_lat >= ${box.minLat - pad} AND r.min_lat <= ${box.maxLat + pad}`;
}
