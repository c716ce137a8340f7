/**
 * Projecting rings given flat, [lon0, lat0, lon1, lat1, …] (a packed patch's, read in place on a
 * worker thread, where no GeoJSON is made). The same plane and the same figures as projectShape in
 * plane.ts, bit for bit, in one pass per ring: each point is checked to be a longitude and latitude,
 * projected, and added to the ring's area and box as it is written.
 */
import type { AreaGeometry } from '../geometry';
import {
	PLANE_LIMIT,
	isLonLat,
	PLANE_SCALE,
	RADIANS,
	notLonLat,
	projectPoint,
	roundHalfUp,
	shapeOf,
	type Arena,
	type Coords,
	type PlaneOrigin,
	type PlaneShape,
	type ProjectedRing
} from './plane';
import { scratchFloat64 } from './scratch';

/** A polygon's rings, each flat [lon0, lat0, lon1, lat1, …] as given (closed or not). */
export type FlatPolygon = ArrayLike<number>[];

/** A polygon or multipolygon's rings as flat arrays (the values as given, unchecked). */
export function flatPolygons(geometry: AreaGeometry): FlatPolygon[] {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.map((polygon) =>
		polygon.map((ring) => {
			const flat = new Array<number>(ring.length * 2);
			for (let i = 0; i < ring.length; i++) {
				flat[i * 2] = ring[i][0];
				flat[i * 2 + 1] = ring[i][1];
			}
			return flat;
		})
	);
}

/**
 * projectShape for flat rings. Throws, naming the feature (`what` is asked only then), when a point
 * is not a longitude and latitude: the first such point in the shape, as assertLonLat would.
 * @param arena where to keep the rings; plain arrays without one
 */
export function projectFlatShape(
	polygons: FlatPolygon[],
	origin: PlaneOrigin,
	what: () => string,
	arena?: Arena
): PlaneShape {
	try {
		return shapeOf(polygons, (ring, outer) => projectFlatRing(ring, origin, outer, arena, what));
	} catch (error) {
		// A point too far from the others to project may come before one that is not lon/lat at all:
		// the second is the one to fix first, as assertLonLat (which checks before projecting) says.
		for (const polygon of polygons) {
			for (const ring of polygon) {
				for (let i = 0; i + 1 < ring.length; i += 2) {
					const lon = ring[i];
					const lat = ring[i + 1];
					if (!isLonLat(lon, lat)) throw notLonLat(lon, lat, what());
				}
			}
		}
		throw error;
	}
}

/**
 * One ring, as projectRing in plane.ts: without repeated or closing points, wound as asked, null
 * when fewer than 3 points remain. Written straight into the arena when it has room.
 */
function projectFlatRing(
	ring: ArrayLike<number>,
	origin: PlaneOrigin,
	anticlockwise: boolean,
	arena: Arena | undefined,
	what: () => string
): ProjectedRing | null {
	const inArena = arena !== undefined && arena.used + ring.length <= arena.buffer.length;
	const out = inArena ? arena.buffer : scratchFloat64('project-ring', ring.length);
	const start = inArena ? arena.used : 0;
	let n = start;
	const { lon0, cosLat0, sinLat0 } = origin;
	const yScale = PLANE_SCALE / cosLat0 / RADIANS;
	// Twice the signed area, summed as plane.ts's doubleArea sums it: from the first point.
	let ox = 0;
	let oy = 0;
	let px = 0;
	let py = 0;
	let sum = 0;
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (let i = 0; i + 1 < ring.length; i += 2) {
		const lon = ring[i];
		const lat = ring[i + 1];
		if (!isLonLat(lon, lat)) throw notLonLat(lon, lat, what());
		const x = roundHalfUp((lon - lon0) * cosLat0 * PLANE_SCALE);
		const y = roundHalfUp((Math.sin(lat * RADIANS) - sinLat0) * yScale);
		if (!(Math.abs(x) <= PLANE_LIMIT && Math.abs(y) <= PLANE_LIMIT)) projectPoint(lon, lat, origin);
		if (n === start) {
			ox = x;
			oy = y;
		} else {
			if (out[n - 2] === x && out[n - 1] === y) continue;
			// A closing point (the first again) adds 0 here, so dropping it below changes nothing.
			const rx = x - ox;
			const ry = y - oy;
			sum += px * ry - rx * py;
			px = rx;
			py = ry;
		}
		out[n++] = x;
		out[n++] = y;
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	while (n - start >= 4 && out[n - 2] === out[start] && out[n - 1] === out[start + 1]) n -= 2;
	if (n - start < 6) return null;
	const signed = sum / 2;
	if (anticlockwise ? signed < 0 : signed > 0) reversePoints(out, start, n);
	let coords: Coords;
	if (arena && inArena) {
		coords = out.subarray(start, n);
		arena.used = n;
	} else {
		// A plain array, as projectRing makes (Array.from on a typed array iterates: far slower).
		coords = new Array<number>(n).fill(0);
		for (let i = 0; i < n; i++) coords[i] = out[i];
	}
	return { coords, signed: Math.abs(signed), minX, minY, maxX, maxY };
}

/** Reverses the order of the points in values[from … to) in place. */
function reversePoints(values: Float64Array, from: number, to: number): void {
	for (let i = from, j = to - 2; i < j; i += 2, j -= 2) {
		const x = values[i];
		const y = values[i + 1];
		values[i] = values[j];
		values[i + 1] = values[j + 1];
		values[j] = x;
		values[j + 1] = y;
	}
}
