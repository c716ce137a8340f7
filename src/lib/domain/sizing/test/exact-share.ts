/**
 * A slow, independent reference for tests: the share of polygon A inside polygon B, in double
 * precision, by Green's theorem (the area of A ∩ B is the sum of the cross products of A's edge
 * pieces inside B and B's edge pieces inside A). No clipping library, no rounding to a grid. Measured
 * in the same equal-area plane as Turf's area(), so it is what turf.intersect + turf.area would give
 * with exact arithmetic. Quadratic: for a few hundred pairs of small polygons only.
 */
import type { AreaGeometry } from '../../geometry';

type Ring = [number, number][];
const RADIANS = Math.PI / 180;

function rings(geometry: AreaGeometry, lat0: number): Ring[] {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const cos0 = Math.cos(lat0 * RADIANS);
	const sin0 = Math.sin(lat0 * RADIANS);
	return polygons
		.flat()
		.map((ring) =>
			ring.map(([lon, lat]) => [lon * cos0, (Math.sin(lat * RADIANS) - sin0) / cos0 / RADIANS])
		);
}

function signedArea(ring: Ring): number {
	let sum = 0;
	for (let i = 0; i < ring.length - 1; i++) {
		sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return sum / 2;
}

/** Even-odd point in polygon (holes are holes). */
function inside(polygon: Ring[], x: number, y: number): boolean {
	let crossings = 0;
	for (const ring of polygon) {
		for (let i = 0; i < ring.length - 1; i++) {
			const [x1, y1] = ring[i];
			const [x2, y2] = ring[i + 1];
			if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) crossings++;
		}
	}
	return crossings % 2 === 1;
}

/** Twice the area swept by the pieces of a's edges that lie inside b (each ring wound as given). */
function piecesInside(a: Ring[], b: Ring[]): number {
	let sum = 0;
	for (const ring of a) {
		for (let i = 0; i < ring.length - 1; i++) {
			const [ax, ay] = ring[i];
			const [bx, by] = ring[i + 1];
			const cuts = [0, 1];
			for (const other of b) {
				for (let k = 0; k < other.length - 1; k++) {
					const [cx, cy] = other[k];
					const [dx, dy] = other[k + 1];
					const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
					if (den === 0) continue;
					const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
					const u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / den;
					if (t > 0 && t < 1 && u >= 0 && u <= 1) cuts.push(t);
				}
			}
			cuts.sort((p, q) => p - q);
			for (let k = 0; k + 1 < cuts.length; k++) {
				const [t0, t1] = [cuts[k], cuts[k + 1]];
				const middle = (t0 + t1) / 2;
				if (!inside(b, ax + (bx - ax) * middle, ay + (by - ay) * middle)) continue;
				const [x0, y0] = [ax + (bx - ax) * t0, ay + (by - ay) * t0];
				const [x1, y1] = [ax + (bx - ax) * t1, ay + (by - ay) * t1];
				sum += x0 * y1 - x1 * y0;
			}
		}
	}
	return sum;
}

/** Orients every ring anticlockwise-outer/clockwise-hole, so the Green sums add up. */
function oriented(polygon: Ring[]): Ring[] {
	return polygon.map((ring, i) => {
		const positive = signedArea(ring) > 0;
		return (i === 0) === positive ? ring : [...ring].reverse();
	});
}

/**
 * The share (0-1) of small area `a` inside patch `b`. Each must be a single polygon with holes or a
 * multipolygon whose parts do not overlap, and no edge of `a` may run along an edge of `b` (a piece on
 * both boundaries would be counted twice: Trafford's 2022 wards share such edges with some OAs, the
 * 2023 wards do not).
 */
export function exactShare(a: AreaGeometry, b: AreaGeometry, lat0: number): number {
	const partsA = (a.type === 'Polygon' ? [a.coordinates] : a.coordinates).map((p) =>
		oriented(rings({ type: 'Polygon', coordinates: p }, lat0))
	);
	const partsB = (b.type === 'Polygon' ? [b.coordinates] : b.coordinates).map((p) =>
		oriented(rings({ type: 'Polygon', coordinates: p }, lat0))
	);
	let whole = 0;
	let shared = 0;
	for (const pa of partsA) {
		whole += pa.reduce((s, r) => s + signedArea(r), 0);
		for (const pb of partsB) shared += (piecesInside(pa, pb) + piecesInside(pb, pa)) / 2;
	}
	return shared / whole;
}
