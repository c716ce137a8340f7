/**
 * Whether a shape's winding number is 0 or 1 everywhere off its boundary: then the area a winding
 * number weights (boundary integration, overlap-area.ts) is the area Clipper's NonZero rule fills.
 *
 * Sufficient, and cheap to check: no two edges meet except neighbours at their shared point (no
 * crossing, touching, spike or repeated point), and each ring is nested as its winding says (an
 * anticlockwise ring lies where the other rings wind 0, a clockwise hole where they wind 1). Two
 * parts of a multipolygon that overlap, or a hole outside its outer ring, fail the second test; a
 * bow-tie or a ring touching itself fails the first. Exact on integer coordinates.
 */
import { orient } from './orient';
import type { Coords } from './plane';
import { forEachEdgePair, segmentsMeet } from './segment-pairs';
import { scratchFloat64, scratchInt32 } from './scratch';

/** Whether edges a and b (flat [x1, y1, x2, y2] at a * 4 and b * 4) share any point. */
function edgesMeet(e: ArrayLike<number>, a: number, b: number): boolean {
	const ka = a * 4;
	const kb = b * 4;
	return segmentsMeet(
		e[ka],
		e[ka + 1],
		e[ka + 2],
		e[ka + 3],
		e[kb],
		e[kb + 1],
		e[kb + 2],
		e[kb + 3]
	);
}

/**
 * Whether edge b follows edge a (b's start is a's end) without doubling back along it: neighbours
 * share that point only. Edge a's end is edge b's start by construction.
 */
function turnsCleanly(e: ArrayLike<number>, a: number, b: number): boolean {
	const ka = a * 4;
	const kb = b * 4;
	const px = e[ka];
	const py = e[ka + 1];
	const vx = e[ka + 2];
	const vy = e[ka + 3];
	const qx = e[kb + 2];
	const qy = e[kb + 3];
	if (orient(px, py, vx, vy, qx, qy) !== 0) return true;
	// On one line: clean only when the path goes on past v, not back over a.
	return (px - vx) * (qx - vx) + (py - vy) * (qy - vy) < 0;
}

/**
 * The winding number of rings around (x, y), counted as EdgeIndex.winding does (exact), leaving
 * out ring `skip` when given.
 */
export function windingAround(rings: readonly Coords[], x: number, y: number, skip = -1): number {
	let winding = 0;
	for (let r = 0; r < rings.length; r++) {
		if (r === skip) continue;
		const ring = rings[r];
		const n = ring.length;
		for (let i = 0; i < n; i += 2) {
			const x1 = ring[i];
			const y1 = ring[i + 1];
			const j = i + 2 < n ? i + 2 : 0;
			const x2 = ring[j];
			const y2 = ring[j + 1];
			if (y1 <= y) {
				if (y2 > y && orient(x1, y1, x2, y2, x, y) > 0) winding++;
			} else if (y2 <= y && orient(x1, y1, x2, y2, x, y) < 0) {
				winding--;
			}
		}
	}
	return winding;
}

/** Signed area (twice it) of a ring: positive when anticlockwise. */
function twiceArea(ring: Coords): number {
	const n = ring.length;
	const ox = ring[0];
	const oy = ring[1];
	let sum = 0;
	for (let i = 2; i + 2 < n; i += 2) {
		sum += (ring[i] - ox) * (ring[i + 3] - oy) - (ring[i + 2] - ox) * (ring[i + 1] - oy);
	}
	return sum;
}

/** Rings with fewer edges than this are checked pair by pair; longer ones with a sweep. */
const SWEEP_FROM = 64;

/**
 * Whether the rings wind 0 or 1 everywhere (see the file's header).
 * @param rings flat rings as plane.ts stores them (unclosed, no repeated neighbours)
 */
export function windsOnce(rings: readonly Coords[]): boolean {
	let count = 0;
	for (const ring of rings) {
		if (ring.length < 6) return false;
		count += ring.length / 2;
	}
	if (count === 0) return true;
	const edges = scratchFloat64('simple-rings-edges', count * 4);
	// Each edge's ring: first edge and last edge of that ring.
	const first = scratchInt32('simple-rings-first', count);
	const last = scratchInt32('simple-rings-last', count);
	let k = 0;
	for (const ring of rings) {
		const n = ring.length;
		const start = k / 4;
		const end = start + n / 2 - 1;
		for (let i = 0; i < n; i += 2) {
			const j = i + 2 < n ? i + 2 : 0;
			first[k / 4] = start;
			last[k / 4] = end;
			edges[k++] = ring[i];
			edges[k++] = ring[i + 1];
			edges[k++] = ring[j];
			edges[k++] = ring[j + 1];
		}
	}
	let clean = true;
	const check = (a: number, b: number) => {
		if (!clean) return;
		if (first[a] === first[b]) {
			// Neighbours in one ring share a point: they must not meet anywhere else.
			if (b === a + 1) {
				clean = turnsCleanly(edges, a, b);
				return;
			}
			if (a === first[a] && b === last[a]) {
				clean = turnsCleanly(edges, b, a);
				return;
			}
		}
		if (edgesMeet(edges, a, b)) clean = false;
	};
	if (count < SWEEP_FROM) {
		// Each edge's box once, then every pair whose boxes meet.
		const box = scratchFloat64('simple-rings-boxes', count * 4);
		for (let e = 0; e < count * 4; e += 4) {
			box[e] = edges[e] < edges[e + 2] ? edges[e] : edges[e + 2];
			box[e + 1] = edges[e] < edges[e + 2] ? edges[e + 2] : edges[e];
			box[e + 2] = edges[e + 1] < edges[e + 3] ? edges[e + 1] : edges[e + 3];
			box[e + 3] = edges[e + 1] < edges[e + 3] ? edges[e + 3] : edges[e + 1];
		}
		for (let a = 0; a < count && clean; a++) {
			const aMinX = box[a * 4];
			const aMaxX = box[a * 4 + 1];
			const aMinY = box[a * 4 + 2];
			const aMaxY = box[a * 4 + 3];
			for (let b = a + 1; b < count; b++) {
				const kb = b * 4;
				if (box[kb + 1] < aMinX || box[kb] > aMaxX || box[kb + 3] < aMinY || box[kb + 2] > aMaxY)
					continue;
				check(a, b);
			}
		}
	} else {
		forEachEdgePair(edges.subarray(0, count * 4), check);
	}
	if (!clean) return false;
	if (rings.length === 1) return twiceArea(rings[0]) > 0;
	// No ring meets another, so each lies wholly inside or outside each other one.
	for (let r = 0; r < rings.length; r++) {
		const around = windingAround(rings, rings[r][0], rings[r][1], r);
		if (around !== (twiceArea(rings[r]) > 0 ? 0 : 1)) return false;
	}
	return true;
}
