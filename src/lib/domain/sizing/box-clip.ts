/**
 * The part of a patch near one small area: its rings cut to a box (Sutherland-Hodgman, one side of
 * the box at a time). Inside the box every point keeps the winding number it had, so Clipper's
 * NonZero intersection with a small area in the box gives the same area as with the whole patch, at
 * a fraction of the cost. Linear in the patch's vertices.
 *
 * Written here because clipper2-ts 2.0.1's Clipper.rectClip drops a box corner when an edge enters
 * through one side and leaves through the next while the ring goes round outside (seen on Trafford
 * wards; a four-point reproduction is in box-clip.test.ts).
 */
import type { Path64, Paths64 } from 'clipper2-ts';
import type { Coords } from './plane';
import { scratchFloat64 } from './scratch';

export interface Box {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

/**
 * Keeps the part of a flat ring (n points in `from`) on one side of x = bound (axis 0) or
 * y = bound (axis 1): v ≥ bound when `above`, else v ≤ bound. Writes to `to`; returns its points.
 */
function cut(
	from: Float64Array,
	n: number,
	to: Float64Array,
	axis: 0 | 1,
	bound: number,
	above: boolean
): number {
	if (n === 0) return 0;
	const other = 1 - axis;
	let m = 0;
	let pv = from[(n - 1) * 2 + axis];
	let po = from[(n - 1) * 2 + other];
	let pin = above ? pv >= bound : pv <= bound;
	for (let i = 0; i < n; i++) {
		const cv = from[i * 2 + axis];
		const co = from[i * 2 + other];
		const cin = above ? cv >= bound : cv <= bound;
		if (cin !== pin) {
			to[m * 2 + axis] = bound;
			to[m * 2 + other] = Math.round(po + ((bound - pv) * (co - po)) / (cv - pv));
			m++;
		}
		if (cin) {
			to[m * 2 + axis] = cv;
			to[m * 2 + other] = co;
			m++;
		}
		pv = cv;
		po = co;
		pin = cin;
	}
	return m;
}

/**
 * Writes a flat ring's bounding box (minX, minY, maxX, maxY) into `out` from `at`, allocating
 * nothing: it runs for every ring of every patch a small area meets.
 */
export function ringBoxInto(ring: Coords, out: Float64Array, at: number): void {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (let i = 0; i < ring.length; i += 2) {
		if (ring[i] < minX) minX = ring[i];
		if (ring[i] > maxX) maxX = ring[i];
		if (ring[i + 1] < minY) minY = ring[i + 1];
		if (ring[i + 1] > maxY) maxY = ring[i + 1];
	}
	out[at] = minX;
	out[at + 1] = minY;
	out[at + 2] = maxX;
	out[at + 3] = maxY;
}

/** clipRingsToBox's ring box, reused. */
const ringBox = new Float64Array(4);

/**
 * Cuts flat rings ([x0, y0, x1, y1, …]) to a box.
 * @returns Clipper paths; rings that cannot reach the box are left out
 */
export function clipRingsToBox(rings: readonly Coords[], box: Box): Paths64 {
	const paths: Paths64 = [];
	for (const ring of rings) {
		const n = ring.length / 2;
		ringBoxInto(ring, ringBox, 0);
		const minX = ringBox[0];
		const minY = ringBox[1];
		const maxX = ringBox[2];
		const maxY = ringBox[3];
		// A ring whose box misses this box can neither cross it nor wind round it.
		if (maxX < box.minX || minX > box.maxX || maxY < box.minY || minY > box.maxY) continue;
		// A cut at most doubles the points (one crossing per edge), so four cuts at most multiply
		// them by 16; real rings gain a handful. Two buffers take turns.
		const buffers = [
			scratchFloat64('box-clip-a', ring.length * 16 + 64),
			scratchFloat64('box-clip-b', ring.length * 16 + 64)
		];
		let at = 0;
		for (let i = 0; i < ring.length; i++) buffers[0][i] = ring[i];
		let m = n;
		if (minX < box.minX) {
			m = cut(buffers[at], m, buffers[1 - at], 0, box.minX, true);
			at = 1 - at;
		}
		if (maxX > box.maxX) {
			m = cut(buffers[at], m, buffers[1 - at], 0, box.maxX, false);
			at = 1 - at;
		}
		if (minY < box.minY) {
			m = cut(buffers[at], m, buffers[1 - at], 1, box.minY, true);
			at = 1 - at;
		}
		if (maxY > box.maxY) {
			m = cut(buffers[at], m, buffers[1 - at], 1, box.maxY, false);
			at = 1 - at;
		}
		const a = buffers[at];
		if (m < 3) continue;
		const path: Path64 = new Array(m);
		for (let i = 0; i < m; i++) path[i] = { x: a[i * 2], y: a[i * 2 + 1] };
		paths.push(path);
	}
	return paths;
}
