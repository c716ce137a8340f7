/**
 * The PostGIS side of the nearest-distance comparison: tables of small-area points and of entries
 * (one row per entry and category), GiST indexes per category (partial, so each category's search
 * only sees its own entries), and the best queries we know: a LATERAL join per small area ordered by
 * `<->` with LIMIT 1 (index-assisted KNN), either on geography (exact on the sphere) or on British
 * National Grid points (EPSG:27700, planar, quicker) with the winner's distance then taken on the
 * sphere. Plus the check that PostGIS and Patchwork agree, area by area.
 */

/** Loads sa_raw (id, lon, lat) and asset_raw (category, id, lon, lat) into indexed geography tables. */
export function buildSql(categoryCount: number): string {
	const indexes = Array.from(
		{ length: categoryCount },
		(_, c) =>
			`CREATE INDEX asset_c${c + 1} ON asset_cat USING gist (geog) WHERE category = ${c + 1};\n` +
			`CREATE INDEX asset_p${c + 1} ON asset_cat USING gist (geom) WHERE category = ${c + 1};`
	).join('\n');
	return `
CREATE TABLE sa AS
  SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog,
         ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 27700) AS geom FROM sa_raw;
ALTER TABLE sa ADD PRIMARY KEY (id);
CREATE TABLE asset_cat AS
  SELECT category, id, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog,
         ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 27700) AS geom FROM asset_raw;
${indexes}
DROP TABLE sa_raw; DROP TABLE asset_raw;`;
}

export const RAW_TABLES_SQL = `
CREATE TABLE sa_raw (id integer, lon float8, lat float8);
CREATE TABLE asset_raw (category integer, id integer, lon float8, lat float8);`;

export type KnnMethod = 'geography' | 'planar';

/**
 * The nearest entry of category c (1-based) to every small area: area id, entry id, metres on the
 * sphere. Planar: the nearest on the British National Grid, its distance then on the sphere.
 */
export const nearestSql = (c: number, method: KnnMethod) =>
	method === 'geography'
		? `
SELECT s.id, n.id, n.d FROM sa s
CROSS JOIN LATERAL (
  SELECT a.id, a.geog <-> s.geog AS d FROM asset_cat a
  WHERE a.category = ${c} ORDER BY a.geog <-> s.geog LIMIT 1
) n`
		: `
SELECT s.id, n.id, ST_Distance(n.geog, s.geog, false) AS d FROM sa s
CROSS JOIN LATERAL (
  SELECT a.id, a.geog FROM asset_cat a
  WHERE a.category = ${c} ORDER BY a.geom <-> s.geom LIMIT 1
) n`;

/** Every category's nearest distances, computed in full but only counted and summed (no output). */
export function timedSql(categoryCount: number, method: KnnMethod): string {
	const parts = Array.from(
		{ length: categoryCount },
		(_, c) => `SELECT ${c + 1} AS c, q.d FROM (${nearestSql(c + 1, method)}) q`
	);
	return `SELECT c, count(*), sum(d) FROM (\n${parts.join('\nUNION ALL\n')}\n) all_nearest GROUP BY c ORDER BY c`;
}

export interface Agreement {
	/** Small areas compared. */
	compared: number;
	/** Largest difference in metres, and how many areas differ by 1 m or more. */
	largestMetres: number;
	overOneMetre: number;
	/** Areas where the nearest entries differ (a tie at one address may go either way). */
	otherEntry: number;
	/** Of those, the ones where the two entries are not equally near (within 1 m). */
	otherEntryFarther: number;
	/** Areas PostGIS answered that Patchwork did not, or the other way round. */
	missing: number;
}

/**
 * Compares PostGIS's answers (psql -At lines "area|entry|metres") with Patchwork's for one category.
 * @param metres Patchwork's metres by area position (Infinity when the category has no entries)
 * @param entryIds Patchwork's nearest entry by area position (-1 when none)
 */
export function compareNearest(
	output: string,
	metres: ArrayLike<number>,
	entryIds: ArrayLike<number>
): Agreement {
	const result: Agreement = {
		compared: 0,
		largestMetres: 0,
		overOneMetre: 0,
		otherEntry: 0,
		otherEntryFarther: 0,
		missing: 0
	};
	const seen = new Uint8Array(metres.length);
	for (const line of output.split('\n')) {
		if (!line) continue;
		const [area, entry, d] = line.split('|').map(Number);
		if (!(area >= 0 && area < metres.length) || !Number.isFinite(metres[area])) {
			result.missing++;
			continue;
		}
		seen[area] = 1;
		result.compared++;
		const diff = Math.abs(metres[area] - d);
		result.largestMetres = Math.max(result.largestMetres, diff);
		if (diff >= 1) result.overOneMetre++;
		if (entry !== entryIds[area]) {
			result.otherEntry++;
			if (diff >= 1) result.otherEntryFarther++;
		}
	}
	for (let a = 0; a < metres.length; a++)
		if (!seen[a] && Number.isFinite(metres[a])) result.missing++;
	return result;
}
