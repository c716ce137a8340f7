/**
 * The PostGIS side of the comparison: loading the bench's files, and the best queries we know for
 * each method (each answers id|people per patch). Planar areal weighting works in British National
 * Grid (EPSG:27700), skips the clip where a small area lies wholly within the patch (ST_Within), and
 * groups in an outer query; geography clips on the sphere; the centroid method looks up precomputed
 * points (Patchwork's own, from the file) with a LATERAL join.
 */
export const LOAD_SQL = `
CREATE TABLE sa AS
  SELECT code, population::float8 AS population,
         ST_Transform(geom, 27700) AS geom, geom::geography AS geog,
         ST_Transform(ST_SetSRID(ST_MakePoint(px, py), 4326), 27700) AS pt
  FROM sa_raw;
ALTER TABLE sa ADD COLUMN area float8, ADD COLUMN garea float8;
UPDATE sa SET area = ST_Area(geom), garea = ST_Area(geog);
CREATE INDEX sa_geom ON sa USING gist (geom);
CREATE INDEX sa_geog ON sa USING gist (geog);
CREATE INDEX sa_pt ON sa USING gist (pt);
CREATE TABLE patches AS
  SELECT id::text AS id, ST_Transform(geom, 27700) AS geom, geom::geography AS geog FROM patches_raw;
CREATE INDEX patches_geom ON patches USING gist (geom);
CREATE INDEX patches_geog ON patches USING gist (geog);
DROP TABLE sa_raw; DROP TABLE patches_raw;
`;

export const QUERIES = {
	planar: `
SELECT id, sum(people) FROM (
  SELECT p.id,
         CASE WHEN ST_Within(s.geom, p.geom) THEN s.population
              ELSE s.population * ST_Area(ST_Intersection(s.geom, p.geom)) / s.area END AS people
  FROM patches p JOIN sa s ON ST_Intersects(s.geom, p.geom)
) q GROUP BY id`,
	geography: `
SELECT id, sum(people) FROM (
  SELECT p.id, s.population * ST_Area(ST_Intersection(s.geog, p.geog)) / s.garea AS people
  FROM patches p JOIN sa s ON ST_Intersects(s.geog, p.geog)
) q GROUP BY id`,
	centroid: `
SELECT p.id, c.people FROM patches p
CROSS JOIN LATERAL (SELECT coalesce(sum(s.population), 0) AS people FROM sa s
                    WHERE ST_Intersects(p.geom, s.pt)) c`
} as const;

/** Run on its own: VACUUM cannot run inside the load's transaction. */
export const ANALYZE_SQL = 'VACUUM ANALYZE';

/** psql -At output ("id|people" lines) as a map. */
export function parseFigures(output: string): Map<string, number> {
	const figures = new Map<string, number>();
	for (const line of output.split('\n')) {
		if (!line) continue;
		const bar = line.lastIndexOf('|');
		figures.set(line.slice(0, bar), Number(line.slice(bar + 1)));
	}
	return figures;
}
