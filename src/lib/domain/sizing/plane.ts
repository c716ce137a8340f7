/**
 * The flat, integer plane the sizing engine clips in.
 *
 * Longitude and latitude are projected with the cylindrical equal-area projection about the
 * programme's middle (lon0, lat0): x = (lon − lon0) · cos(lat0), y = (sin(lat) − sin(lat0)) / cos(lat0)
 * (in degrees), both in units of 1e-8 degree (about 1 mm) and rounded to integers for Clipper2.
 * This is the plane Turf's area() measures in (its ring formula is the shoelace formula on
 * (lon, sin lat)), so a share, a ratio of two areas, is the ratio Turf would give, not an
 * approximation of it. Meridians and parallels stay straight, so grid-aligned borders clip exactly;
 * other straight edges bend by a hair (under a millimetre over a 500 m edge).
 * The accuracy test measures shares against turf.intersect and turf.area on real Trafford polygons.
 *
 * Rings are stored flat ([x0, y0, x1, y1, …], not closed), without repeated points, outer rings
 * anticlockwise and holes clockwise, so that Clipper's NonZero fill rule reads holes as holes whichever
 * way the file wound them.
 */
import type { Path64, Paths64 } from 'clipper2-ts';
import type { AreaGeometry } from '../geometry';
import { scratchFloat64 } from './scratch';

/** Plane units per degree. */
export const PLANE_SCALE = 1e8;
export const RADIANS = Math.PI / 180;
/** Coordinates beyond this many units (about 90°) would make the exact products unsafe. */
export const PLANE_LIMIT = 9e9;

export interface PlaneOrigin {
	lon0: number;
	lat0: number;
	/** cos(lat0), the east-west scale of the plane. */
	cosLat0: number;
	/** sin(lat0). */
	sinLat0: number;
}

/** The plane about a middle point (kept away from the poles, where cos(lat0) vanishes). */
export function planeOrigin(lon0: number, lat0: number): PlaneOrigin {
	const clamped = Math.max(-89, Math.min(89, lat0));
	return { lon0, lat0, cosLat0: Math.cos(clamped * RADIANS), sinLat0: Math.sin(clamped * RADIANS) };
}

/**
 * Flat coordinates [x0, y0, x1, y1, …]: views into one shared Float64Array for small areas (built
 * once), plain arrays for patches (built on every check, where thousands of separate typed arrays
 * kept the garbage collector busy: their memory is outside the heap and counts as "pressure").
 */
export type Coords = Float64Array | number[];

/** One growing Float64Array that many small areas' rings are views into. */
export interface Arena {
	buffer: Float64Array;
	used: number;
}

/**
 * An arena for `values` coordinates (x and y count separately). Its memory is shareable where the
 * platform allows (Node; browsers only when cross-origin isolated), so worker threads can read the
 * small areas' rings without a copy (see pack.ts).
 */
export function createArena(values: number): Arena {
	const buffer =
		typeof SharedArrayBuffer === 'function'
			? new Float64Array(new SharedArrayBuffer(values * 8))
			: new Float64Array(values);
	return { buffer, used: 0 };
}

/** A polygon or multipolygon in the plane. */
export interface PlaneShape {
	rings: Coords[];
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
	/** Planar area in square plane units (outer rings minus holes). */
	area: number;
}

/**
 * Throws unless every coordinate is a finite longitude (−180 to 180) and latitude (−90 to 90).
 * @param what names the feature in the message, e.g. 'Patch "North" (id 3)'
 */
export function assertLonLat(geometry: AreaGeometry, what: string): void {
	if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') {
		throw new TypeError(`${what} is not a polygon or multipolygon`);
	}
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	for (const polygon of polygons) {
		for (const ring of polygon) {
			for (const position of ring) {
				// Indexing, not destructuring: this runs for every point of every patch.
				const lon = position[0];
				const lat = position[1];
				if (!isLonLat(lon, lat)) throw notLonLat(lon, lat, what);
			}
		}
	}
}

/** Whether a point is a longitude and latitude (false for NaN and infinities too). */
export const isLonLat = (lon: number, lat: number) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

/** The error for a point that is not a longitude and latitude, naming the feature. */
export function notLonLat(lon: number, lat: number, what: string): RangeError {
	const looksLikeGrid =
		Number.isFinite(lon) && Number.isFinite(lat) && lon >= 0 && lon <= 700_000 && lat >= 0;
	return new RangeError(
		`${what} has a point (${lon}, ${lat}) that is not a longitude and latitude. ` +
			(looksLikeGrid
				? 'It looks like British National Grid (EPSG:27700) eastings and northings: reproject the file to WGS84 longitude and latitude before sizing.'
				: 'Coordinates must be longitude −180 to 180 and latitude −90 to 90 (WGS84).')
	);
}

/**
 * Math.round, exactly (the sign of a zero too), for finite numbers under 2^52 in size, and about a
 * third faster here, where it rounds every projected coordinate: Math.round's test for a half is a
 * branch that the processor guesses wrong on about half of all coordinates, and this has none.
 */
export function roundHalfUp(value: number): number {
	const down = Math.floor(value);
	// value − down is exact, and doubled is 1 or more exactly when the fraction is a half or more.
	const rounded = down + Math.floor((value - down) * 2);
	// Between −1 and 0, value − down (value + 1) may itself round up to 1; and Math.round keeps a
	// zero's sign (−0.3 gives −0).
	return rounded === 0 || (rounded === 1 && value < 0) ? value * 0 : rounded;
}

/** Projects one [lon, lat] to integer plane coordinates. */
export function projectPoint(lon: number, lat: number, origin: PlaneOrigin): [number, number] {
	const x = roundHalfUp((lon - origin.lon0) * origin.cosLat0 * PLANE_SCALE);
	const y = roundHalfUp(
		((Math.sin(lat * RADIANS) - origin.sinLat0) / origin.cosLat0 / RADIANS) * PLANE_SCALE
	);
	if (Math.abs(x) > PLANE_LIMIT || Math.abs(y) > PLANE_LIMIT) {
		throw new RangeError(
			`The areas span too much of the globe to size together (at ${lon}, ${lat})`
		);
	}
	return [x, y];
}

/** Twice the signed area of a flat ring, measured from its first point so large coordinates stay exact. */
function doubleArea(ring: Coords): number {
	const n = ring.length;
	if (n < 6) return 0;
	const ox = ring[0];
	const oy = ring[1];
	let sum = 0;
	let px = 0;
	let py = 0;
	for (let i = 2; i < n; i += 2) {
		const x = ring[i] - ox;
		const y = ring[i + 1] - oy;
		sum += px * y - x * py;
		px = x;
		py = y;
	}
	return sum;
}

/** Signed area of a flat ring: positive when anticlockwise. */
export function ringArea(ring: Coords): number {
	return doubleArea(ring) / 2;
}

/** Turf's Earth radius in metres (its mean radius). */
const EARTH_RADIUS = 6371008.8;

/**
 * A planar area (square plane units) in km² on the sphere: the plane is equal-area, so this is a
 * constant factor, and it is the same formula turf.area uses (its ring area is the shoelace on
 * longitude and sin(latitude)), up to the 1 mm rounding of the corners.
 */
export function planeAreaKm2(area: number): number {
	return (area * (EARTH_RADIUS * RADIANS) ** 2) / PLANE_SCALE ** 2 / 1e6;
}

/** Signed area of Clipper paths (anticlockwise positive, holes negative), measured path by path. */
export function pathsArea(paths: Paths64): number {
	let total = 0;
	for (const path of paths) total += pathArea(path);
	return total;
}

function pathArea(path: Path64): number {
	const n = path.length;
	if (n < 3) return 0;
	const ox = path[0].x;
	const oy = path[0].y;
	let sum = 0;
	let px = 0;
	let py = 0;
	for (let i = 1; i < n; i++) {
		const x = path[i].x - ox;
		const y = path[i].y - oy;
		sum += px * y - x * py;
		px = x;
		py = y;
	}
	return sum / 2;
}

/**
 * Projects a ring, dropping the closing point and repeated points, wound as asked; null when fewer
 * than 3 points remain. Writes into the arena when given, or a new plain array.
 */
function projectRing(
	ring: GeoJSON.Position[],
	origin: PlaneOrigin,
	anticlockwise: boolean,
	arena: Arena | undefined
): ProjectedRing | null {
	const scratch = scratchFloat64('project-ring', ring.length * 2);
	let n = 0;
	const { lon0, cosLat0, sinLat0 } = origin;
	const yScale = PLANE_SCALE / cosLat0 / RADIANS;
	for (const position of ring) {
		const x = roundHalfUp((position[0] - lon0) * cosLat0 * PLANE_SCALE);
		const y = roundHalfUp((Math.sin(position[1] * RADIANS) - sinLat0) * yScale);
		if (!(Math.abs(x) <= PLANE_LIMIT && Math.abs(y) <= PLANE_LIMIT)) {
			projectPoint(position[0], position[1], origin);
		}
		if (n > 0 && scratch[n - 2] === x && scratch[n - 1] === y) continue;
		scratch[n++] = x;
		scratch[n++] = y;
	}
	return keepRing(scratch, n, anticlockwise, arena);
}

/** A projected ring, its area (unsigned: the sign went into its winding) and its box. */
export interface ProjectedRing {
	coords: Coords;
	signed: number;
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

/**
 * The projected points scratch[0 … n) as a ring: without a closing point, wound as asked, in the
 * arena when given (or a new plain array); null when fewer than 3 points remain.
 */
function keepRing(
	scratch: Float64Array,
	n: number,
	anticlockwise: boolean,
	arena: Arena | undefined
): ProjectedRing | null {
	while (n >= 4 && scratch[n - 2] === scratch[0] && scratch[n - 1] === scratch[1]) n -= 2;
	if (n < 6) return null;
	const view = scratch.subarray(0, n);
	const signed = ringArea(view);
	const reverse = anticlockwise ? signed < 0 : signed > 0;
	let coords: Coords;
	if (arena && arena.used + n <= arena.buffer.length) {
		coords = arena.buffer.subarray(arena.used, arena.used + n);
		arena.used += n;
	} else {
		coords = new Array<number>(n).fill(0);
	}
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (let i = 0; i < n; i += 2) {
		const j = reverse ? n - 2 - i : i;
		const x = scratch[j];
		const y = scratch[j + 1];
		coords[i] = x;
		coords[i + 1] = y;
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	return { coords, signed: Math.abs(signed), minX, minY, maxX, maxY };
}

/** How many numbers projectShape may write for a geometry (an arena's size). */
export function coordinateCount(geometry: AreaGeometry): number {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let count = 0;
	for (const polygon of polygons) for (const ring of polygon) count += ring.length * 2;
	return count;
}

/**
 * Projects a polygon or multipolygon, winding outer rings anticlockwise and holes clockwise.
 * @param arena where to keep the rings (small areas); plain arrays without one (patches)
 */
export function projectShape(
	geometry: AreaGeometry,
	origin: PlaneOrigin,
	arena?: Arena
): PlaneShape {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return shapeOf(polygons, (ring, outer) => projectRing(ring, origin, outer, arena));
}

/** The shape of polygons whose rings `project` projects (outer rings first in each polygon). */
export function shapeOf<Ring>(
	polygons: Ring[][],
	project: (ring: Ring, outer: boolean) => ProjectedRing | null
): PlaneShape {
	const rings: Coords[] = [];
	let area = 0;
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const polygon of polygons) {
		for (let index = 0; index < polygon.length; index++) {
			const outer = index === 0;
			const projected = project(polygon[index], outer);
			if (!projected) continue;
			const ring = projected.coords;
			area += outer ? projected.signed : -projected.signed;
			if (projected.minX < minX) minX = projected.minX;
			if (projected.maxX > maxX) maxX = projected.maxX;
			if (projected.minY < minY) minY = projected.minY;
			if (projected.maxY > maxY) maxY = projected.maxY;
			rings.push(ring);
		}
	}
	return { rings, minX, minY, maxX, maxY, area: Math.max(0, area) };
}

/** The shape as Clipper paths. */
export function toPaths(shape: PlaneShape): Paths64 {
	return shape.rings.map((ring) => {
		const path: Path64 = new Array(ring.length / 2);
		for (let i = 0, k = 0; i < ring.length; i += 2, k++) path[k] = { x: ring[i], y: ring[i + 1] };
		return path;
	});
}
