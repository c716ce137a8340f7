/**
 * Where a GeoJSON feature is, as one WGS84 point: a Point as it is, the first position of a
 * MultiPoint, and a Polygon or MultiPolygon (a park, a church) as its representative point (Turf's
 * pointOnFeature: a point inside the shape, unlike the centroid of a crescent). Lines are refused:
 * an asset is a place, not a route. Coordinates are WGS84 or British National Grid (from the
 * file's crs member, or the first feature's ranges), and every position is checked first.
 */
import { area, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import { bngToWgs84, isBng, isLonLat, type Crs } from '../../import/crs';
import { formatNumber } from '../../format';
import { MAX_ASSET_FEATURE_VERTICES } from './limits';

export type Located =
	| { ok: true; point: [number, number]; fromArea: boolean; crs: Crs; warning: string | null }
	| { ok: false; problem: string; crs: Crs | null };

type Position = [number, number];

/** A coordinate pair as people read it in a message. */
export function showPosition([x, y]: readonly number[]): string {
	const show = (n: number) =>
		Math.abs(n) >= 1000 ? formatNumber(n) : String(Math.round(n * 1e6) / 1e6);
	return `${show(x)}, ${show(y)}`;
}

function isPosition(value: unknown): value is number[] {
	return (
		Array.isArray(value) &&
		value.length >= 2 &&
		typeof value[0] === 'number' &&
		typeof value[1] === 'number' &&
		Number.isFinite(value[0]) &&
		Number.isFinite(value[1])
	);
}

/** Flattens the positions of a geometry up to `max`, or says what is wrong with its shape. */
function positionsOf(
	geometry: Record<string, unknown>,
	max: number
): { positions: Position[]; area: boolean } | { problem: string } {
	const { type, coordinates } = geometry;
	const depth: Record<string, number> = { Point: 0, MultiPoint: 1, Polygon: 2, MultiPolygon: 3 };
	if (type === 'LineString' || type === 'MultiLineString') {
		return {
			problem: `is a ${type}: Patchwork places an asset at a point or an area, not along a line`
		};
	}
	if (type === 'GeometryCollection')
		return {
			problem: 'is a GeometryCollection: give one Point, Polygon or MultiPolygon per feature'
		};
	if (typeof type !== 'string' || !(type in depth)) {
		return {
			problem:
				typeof type === 'string'
					? `has an unknown geometry type "${type.slice(0, 40)}"`
					: 'has a geometry with no type'
		};
	}
	const positions: Position[] = [];
	const walk = (value: unknown, level: number): string | null => {
		if (level === 0) {
			if (!isPosition(value))
				return `has a position that is not a pair of numbers: ${JSON.stringify(value)?.slice(0, 60)}`;
			if (positions.length >= max)
				return `has more than ${formatNumber(max)} vertices, the most one feature may have: simplify it, or give its point`;
			positions.push([value[0], value[1]]);
			return null;
		}
		if (!Array.isArray(value)) return 'has coordinates that are not nested lists of numbers';
		for (const item of value) {
			const problem = walk(item, level - 1);
			if (problem) return problem;
		}
		return null;
	};
	const problem = walk(coordinates, depth[type]);
	if (problem) return { problem };
	if (positions.length === 0) return { problem: 'has no coordinates' };
	return { positions, area: type === 'Polygon' || type === 'MultiPolygon' };
}

/** England, Wales, Scotland and Northern Ireland with a margin, to spot latitude written first. */
function looksSwapped([x, y]: Position): boolean {
	return x >= 49 && x <= 61.5 && y >= -11 && y <= 3;
}

/**
 * The point of a feature's geometry, or why it has none.
 * @param crs the file's coordinate system if known (from its crs member or an earlier feature)
 */
export function locateGeometry(
	geometry: unknown,
	crs: Crs | null,
	maxVertices = MAX_ASSET_FEATURE_VERTICES
): Located {
	if (geometry === null || geometry === undefined)
		return { ok: false, problem: 'has no geometry', crs };
	if (typeof geometry !== 'object' || Array.isArray(geometry)) {
		return { ok: false, problem: 'has a geometry that is not a GeoJSON object', crs };
	}
	const read = positionsOf(geometry as Record<string, unknown>, maxVertices);
	if ('problem' in read) return { ok: false, problem: read.problem, crs };
	const { positions } = read;
	let fileCrs = crs;
	if (fileCrs === null) {
		if (positions.every(isLonLat)) fileCrs = 'WGS84';
		// Only clearly metric values count as the grid, so [101, 100] is off the globe, not near Scilly.
		else if (positions.every((p) => isBng(p) && p[0] > 1000 && p[1] > 1000)) fileCrs = 'BNG';
	}
	const misfit = positions.find((p) => (fileCrs === 'BNG' ? !isBng(p) : !isLonLat(p)));
	if (misfit || fileCrs === null) {
		const at = misfit ?? positions.find((p) => !isLonLat(p))!;
		return {
			ok: false,
			crs,
			problem:
				fileCrs === 'BNG'
					? `has coordinates (${showPosition(at)}) outside the British National Grid, which the rest of the file uses`
					: `has coordinates off the globe (${showPosition(at)}): longitude must be -180 to 180 and latitude -90 to 90`
		};
	}
	if (fileCrs === 'WGS84' && looksSwapped(positions[0])) {
		return {
			ok: false,
			crs: fileCrs,
			problem: `has coordinates that look like latitude then longitude (${showPosition(positions[0])}): GeoJSON puts longitude first`
		};
	}
	let point: Position;
	let warning: string | null = null;
	if (read.area) {
		const rounded =
			fileCrs === 'WGS84' ? (p: Position): Position => [round(p[0]), round(p[1])] : undefined;
		point = interiorPoint(geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon, rounded);
	} else {
		point = positions[0];
		if (positions.some(([x, y]) => x !== point[0] || y !== point[1])) {
			warning = `has ${formatNumber(positions.length)} points: the first was used`;
		}
	}
	const wgs84: Position =
		fileCrs === 'BNG' ? bngToWgs84(point) : [round(point[0]), round(point[1])];
	return { ok: true, point: wgs84, fromArea: read.area, crs: fileCrs, warning };
}

/**
 * A point strictly inside an area, rounded as stored. Turf's pointOnFeature gives the centroid when
 * it is inside, but otherwise a vertex: on the boundary, where rounding can put it outside (two of
 * Trafford's greenspace sites). Then the middle of the widest stretch of a horizontal line across
 * the largest polygon is used instead: inside, away from the edges.
 */
export function interiorPoint(
	geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon,
	finish: (p: Position) => Position = (p) => p
): Position {
	const inside = (p: Position) => booleanPointInPolygon(p, geometry, { ignoreBoundary: true });
	const candidate = finish(pointOnFeature(geometry).geometry.coordinates as Position);
	const vertices = new Set(
		(geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
			.flat(2)
			.map((p) => `${p[0]},${p[1]}`)
	);
	if (inside(candidate) && !vertices.has(`${candidate[0]},${candidate[1]}`)) return candidate;
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const largest = polygons.reduce((best, rings) =>
		area({ type: 'Polygon', coordinates: rings }) > area({ type: 'Polygon', coordinates: best })
			? rings
			: best
	);
	const ys = largest[0].map((p) => p[1]);
	const [minY, maxY] = [Math.min(...ys), Math.max(...ys)];
	// Lines a little off the middle, so one is unlikely to pass exactly through a vertex.
	for (const fraction of [0.5013, 0.3717, 0.6291, 0.2473, 0.7531, 0.1109, 0.8867]) {
		const y = minY + (maxY - minY) * fraction;
		const crossings: number[] = [];
		for (const ring of largest) {
			for (let i = 1; i < ring.length; i++) {
				const [[x1, y1], [x2, y2]] = [ring[i - 1], ring[i]];
				if (y1 > y !== y2 > y) crossings.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
			}
		}
		crossings.sort((a, b) => a - b);
		const stretches: [number, number][] = [];
		for (let i = 0; i + 1 < crossings.length; i += 2)
			stretches.push([crossings[i], crossings[i + 1]]);
		stretches.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
		for (const [from, to] of stretches) {
			const point = finish([(from + to) / 2, y]);
			if (inside(point)) return point;
		}
	}
	return candidate;
}

/** Seven decimal places (about 1 cm), far finer than any asset's position. */
function round(n: number): number {
	return Math.round(n * 1e7) / 1e7;
}

/** A longitude and latitude given as two values (CSV columns), checked the same way. */
export function locatePair(lon: number, lat: number): Located {
	if (!Number.isFinite(lon) || !Number.isFinite(lat))
		return { ok: false, problem: 'has a latitude or longitude that is not a number', crs: 'WGS84' };
	if (!isLonLat([lon, lat])) {
		return {
			ok: false,
			crs: 'WGS84',
			problem: `has latitude ${lat} and longitude ${lon}, which are off the globe: latitude must be -90 to 90 and longitude -180 to 180`
		};
	}
	if (looksSwapped([lon, lat])) {
		return {
			ok: false,
			crs: 'WGS84',
			problem: `has latitude ${lat} and longitude ${lon}, which look swapped (Great Britain is at latitude 49 to 61)`
		};
	}
	return {
		ok: true,
		point: [round(lon), round(lat)],
		fromArea: false,
		crs: 'WGS84',
		warning: null
	};
}

/** An easting and northing in British National Grid metres, reprojected to WGS84. */
export function locateGrid(easting: number, northing: number): Located {
	if (!Number.isFinite(easting) || !Number.isFinite(northing))
		return { ok: false, problem: 'has an easting or northing that is not a number', crs: 'BNG' };
	if (!(easting >= 0 && easting <= 700_000 && northing >= 0 && northing <= 1_300_000)) {
		return {
			ok: false,
			crs: 'BNG',
			problem: `has easting ${easting} and northing ${northing}, outside the British National Grid (0-700,000 and 0-1,300,000 metres)`
		};
	}
	return {
		ok: true,
		point: bngToWgs84([easting, northing]),
		fromArea: false,
		crs: 'BNG',
		warning: null
	};
}
