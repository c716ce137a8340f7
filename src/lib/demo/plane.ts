/**
 * A flat kilometre grid centred on the demo borough, and the few planar helpers the generator needs.
 * Over a borough 15 km across an equirectangular projection is accurate to well under 0.1%, which is
 * plenty for laying out invented places; every area the app reports is computed again on the sphere.
 */
import type { Random } from './random';

/** [x, y] in kilometres east and north of the borough's centre. */
export type XY = [number, number];
/** [lon, lat] in degrees, rounded to 6 decimals. */
export type LonLat = [number, number];

/** The centre of the demo borough: on land in north-east Wales. */
export const ORIGIN: LonLat = [-2.95, 53.05];
const KM_PER_DEGREE_LAT = 111.2;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((ORIGIN[1] * Math.PI) / 180);

/** Rounds to 6 decimals (about 10 cm), the precision of every coordinate in data/demo. */
export function round6(value: number): number {
	const rounded = Math.round(value * 1e6) / 1e6;
	return rounded === 0 ? 0 : rounded;
}

/** Kilometre grid to rounded [lon, lat]. */
export function toLonLat([x, y]: XY): LonLat {
	return [round6(ORIGIN[0] + x / KM_PER_DEGREE_LON), round6(ORIGIN[1] + y / KM_PER_DEGREE_LAT)];
}

/** [lon, lat] to the kilometre grid. */
export function toXY([lon, lat]: readonly number[]): XY {
	return [(lon - ORIGIN[0]) * KM_PER_DEGREE_LON, (lat - ORIGIN[1]) * KM_PER_DEGREE_LAT];
}

/** Signed area (shoelace) of an unclosed ring: positive when anticlockwise. */
export function signedArea(ring: readonly XY[]): number {
	let sum = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % ring.length];
		sum += x0 * y1 - x1 * y0;
	}
	return sum / 2;
}

/** Area centroid of an unclosed, non-degenerate ring. */
export function centroid(ring: readonly XY[]): XY {
	let cx = 0;
	let cy = 0;
	let a = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % ring.length];
		const cross = x0 * y1 - x1 * y0;
		a += cross;
		cx += (x0 + x1) * cross;
		cy += (y0 + y1) * cross;
	}
	return [cx / (3 * a), cy / (3 * a)];
}

/** Squared distance between two points. */
export function distance2(a: XY, b: XY): number {
	return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}

/** Ray-casting point-in-polygon test on an unclosed ring. */
export function insideRing(point: XY, ring: readonly XY[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (
			yi > point[1] !== yj > point[1] &&
			point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi
		) {
			inside = !inside;
		}
	}
	return inside;
}

/**
 * A random point inside a convex ring, pulled towards its centroid by `shrink` so that it stays
 * clear of the edges even after rounding.
 */
export function randomPointInConvex(ring: readonly XY[], rng: Random, shrink = 0.7): XY {
	const c = centroid(ring);
	const weights = ring.map((p, i) => Math.abs(signedArea([c, p, ring[(i + 1) % ring.length]])));
	const total = weights.reduce((s, w) => s + w, 0);
	let r = rng.next() * total;
	let k = 0;
	while (k < ring.length - 1 && r >= weights[k]) r -= weights[k++];
	const a = ring[k];
	const b = ring[(k + 1) % ring.length];
	let u = rng.next();
	let v = rng.next();
	if (u + v > 1) [u, v] = [1 - u, 1 - v];
	const x = c[0] + u * (a[0] - c[0]) + v * (b[0] - c[0]);
	const y = c[1] + u * (a[1] - c[1]) + v * (b[1] - c[1]);
	return [c[0] + shrink * (x - c[0]), c[1] + shrink * (y - c[1])];
}
