/**
 * The area of a small area inside a patch, worked out from their boundaries without building the
 * shape they have in common (Clipper's intersection, with its rounding and its garbage).
 *
 * Green's theorem: the area of A ∩ B is the integral of x dy along the parts of A's edges inside B
 * and the parts of B's edges inside A (each ring wound with its inside on the left, as plane.ts
 * winds them). Where the two boundaries share an edge or a vertex (patches that follow Output Area
 * borders), which parts are "inside" is a tie: the small area is moved an infinitesimal step
 * (−ε, −ε²) away, which breaks every tie (no vertex of one can lie on the other's edge's line), and
 * the area is the limit as the step shrinks to nothing. The area of the overlap changes smoothly as
 * one shape slides, so that limit is the area itself. Every test of sides is exact on the integer
 * coordinates (orient.ts); only the crossing points, and so the area, are rounded, far less than
 * Clipper's 1-unit grid.
 *
 * Both shapes must wind 0 or 1 everywhere (simple-rings.ts), for then the area each winding number
 * weights is the area Clipper's NonZero rule fills. The caller checks the small area; the patch is
 * checked here, once. null means "not worked out this way": the caller clips instead.
 */
import { orient } from './orient';
import type { PreparedPatch } from './patch';
import type { PlaneShape } from './plane';
import { scratchFloat64, scratchInt32 } from './scratch';
import { windsOnce } from './simple-rings';

/** How often the area was worked out here, and how often it was left to Clipper (null). */
export const overlapStats = { exact: 0, fallback: 0 };

/** Whether each patch winds 0 or 1 everywhere, worked out once per prepared patch. */
const patchWindsOnce = new WeakMap<PreparedPatch, boolean>();

function patchIsSimple(patch: PreparedPatch): boolean {
	let simple = patchWindsOnce.get(patch);
	if (simple === undefined) {
		simple = windsOnce(patch.shape.rings);
		patchWindsOnce.set(patch, simple);
	}
	return simple;
}

/** Fields per crossing record: where along the edge (t), the change of winding, x, y, edge. */
const F = 5;

/**
 * Sorts records [from, to) of `r` (F numbers each) by their first field. Records are few (a
 * handful per edge), so insertion sort.
 */
function sortRecords(r: Float64Array, from: number, to: number): void {
	for (let i = from + 1; i < to; i++) {
		const key = r[i * F];
		let j = i - 1;
		if (r[j * F] <= key) continue;
		const d = r[i * F + 1];
		const x = r[i * F + 2];
		const y = r[i * F + 3];
		const e = r[i * F + 4];
		while (j >= from && r[j * F] > key) {
			for (let f = 0; f < F; f++) r[(j + 1) * F + f] = r[j * F + f];
			j--;
		}
		r[(j + 1) * F] = key;
		r[(j + 1) * F + 1] = d;
		r[(j + 1) * F + 2] = x;
		r[(j + 1) * F + 3] = y;
		r[(j + 1) * F + 4] = e;
	}
}

/**
 * The winding number of a shape's rings around (x + ε, y + ε²): the small area's winding at a
 * patch point once the small area has moved by (−ε, −ε²). The usual half-open count
 * (EdgeIndex.winding) is exactly this nudge.
 */
function windingAround(shape: PlaneShape, x: number, y: number): number {
	let winding = 0;
	for (const ring of shape.rings) {
		const n = ring.length;
		for (let i = 0; i < n; i += 2) {
			const y1 = ring[i + 1];
			const j = i + 2 < n ? i + 2 : 0;
			const y2 = ring[j + 1];
			if (y1 <= y) {
				if (y2 > y && orient(ring[i], y1, ring[j], y2, x, y) > 0) winding++;
			} else if (y2 <= y && orient(ring[i], y1, ring[j], y2, x, y) < 0) {
				winding--;
			}
		}
	}
	return winding;
}

/**
 * Twice the integral of x dy along edge (x1, y1)→(x2, y2) where the winding, starting at w and
 * changed at each crossing record [from, to), is 1; NaN where it is neither 0 nor 1 along a part of
 * some length (a shape that is not simple after all).
 */
function insideIntegral(
	r: Float64Array,
	from: number,
	to: number,
	w: number,
	x1: number,
	y1: number,
	x2: number,
	y2: number
): number {
	let sum = 0;
	let px = x1;
	let py = y1;
	for (let c = from; c < to; c++) {
		const cx = r[c * F + 2];
		const cy = r[c * F + 3];
		if (cx !== px || cy !== py) {
			if (w === 1) sum += (px + cx) * (cy - py);
			else if (w !== 0) return NaN;
		}
		w += r[c * F + 1];
		px = cx;
		py = cy;
	}
	if (x2 !== px || y2 !== py) {
		if (w === 1) sum += (px + x2) * (y2 - py);
		else if (w !== 0) return NaN;
	}
	return sum;
}

/**
 * The area (square plane units) of the part of a small area inside a patch, or null when it is
 * left to Clipper: the patch does not wind 0 or 1 everywhere, or some count did not add up.
 * @param shape a small area that winds 0 or 1 everywhere (windsOnce; the caller checks and caches)
 */
export function overlapArea(shape: PlaneShape, patch: PreparedPatch): number | null {
	const index = patch.edgeIndex;
	if (!index || index.axis !== 1 || !patchIsSimple(patch)) return null;
	const near = scratchInt32('overlap-near', index.count);
	const m = index.edgesInBox(shape.minX, shape.minY, shape.maxX, shape.maxY, near);
	if (m === 0) return null;
	const e4 = index.edges;
	// Coordinates from the small area's box corner: the sums stay small and precise.
	const ox = shape.minX;
	const oy = shape.minY;
	let edgeCount = 0;
	for (const ring of shape.rings) edgeCount += ring.length / 2;
	// Crossings along the small area's edge in hand, and along the patch's edges (all of them).
	let onA = scratchFloat64('overlap-on-small-area', 64 * F);
	let onB = scratchFloat64('overlap-on-patch', 256 * F);
	let bCount = 0;
	let twice = 0;
	for (const ring of shape.rings) {
		const n = ring.length;
		let w = index.windingNudged(ring[0], ring[1]);
		const start = w;
		for (let i = 0; i < n; i += 2) {
			const j = i + 2 < n ? i + 2 : 0;
			const ax = ring[i];
			const ay = ring[i + 1];
			const bx = ring[j];
			const by = ring[j + 1];
			const dxA = bx - ax;
			const dyA = by - ay;
			const minX = ax < bx ? ax : bx;
			const maxX = ax < bx ? bx : ax;
			const minY = ay < by ? ay : by;
			const maxY = ay < by ? by : ay;
			let aCount = 0;
			for (let q = 0; q < m; q++) {
				const k = near[q] * 4;
				const cx = e4[k];
				const cy = e4[k + 1];
				const dx = e4[k + 2];
				const dy = e4[k + 3];
				if (
					(cx < dx ? dx : cx) < minX ||
					(cx < dx ? cx : dx) > maxX ||
					(cy < dy ? dy : cy) < minY ||
					(cy < dy ? cy : dy) > maxY
				) {
					continue;
				}
				// Sides of the patch edge's ends against the small area's edge, the small area nudged
				// by (−ε, −ε²): on the line, the nudge decides (dxA·ε² − dyA·ε).
				const o1 = orient(ax, ay, bx, by, cx, cy);
				const s1 = o1 !== 0 ? o1 > 0 : dyA !== 0 ? dyA < 0 : dxA > 0;
				const o2 = orient(ax, ay, bx, by, dx, dy);
				const s2 = o2 !== 0 ? o2 > 0 : dyA !== 0 ? dyA < 0 : dxA > 0;
				if (s1 === s2) continue;
				// Sides of the small area's edge's ends against the patch edge (dyB·ε − dxB·ε²).
				const dyB = dy - cy;
				const dxB = dx - cx;
				const o3 = orient(cx, cy, dx, dy, ax, ay);
				const s3 = o3 !== 0 ? o3 > 0 : dyB !== 0 ? dyB > 0 : dxB < 0;
				const o4 = orient(cx, cy, dx, dy, bx, by);
				const s4 = o4 !== 0 ? o4 > 0 : dyB !== 0 ? dyB > 0 : dxB < 0;
				if (s3 === s4) continue;
				// A crossing, at the limit point (both ends cannot be on the other's line here).
				const t = o3 / (o3 - o4);
				const x = ax - ox + t * dxA;
				const y = ay - oy + t * dyA;
				if ((aCount + 1) * F > onA.length) onA = grow('overlap-on-small-area', onA);
				let at = aCount * F;
				onA[at] = t;
				// Walking the small area's edge: from the patch edge's right to its left is inward.
				onA[at + 1] = s3 ? -1 : 1;
				onA[at + 2] = x;
				onA[at + 3] = y;
				aCount++;
				if ((bCount + 1) * F > onB.length) onB = grow('overlap-on-patch', onB);
				at = bCount * F;
				// Sorted later by patch edge, then along it.
				onB[at] = q * 2 + o1 / (o1 - o2);
				onB[at + 1] = s1 ? -1 : 1;
				onB[at + 2] = x;
				onB[at + 3] = y;
				onB[at + 4] = q;
				bCount++;
			}
			sortRecords(onA, 0, aCount);
			const part = insideIntegral(onA, 0, aCount, w, ax - ox, ay - oy, bx - ox, by - oy);
			if (Number.isNaN(part)) return null;
			twice += part;
			for (let c = 0; c < aCount; c++) w += onA[c * F + 1];
		}
		// Round the ring, the crossings in and out must balance.
		if (w !== start) return null;
	}
	sortRecords(onB, 0, bCount);
	let c = 0;
	for (let q = 0; q < m; q++) {
		const from = c;
		while (c < bCount && onB[c * F + 4] === q) c++;
		const k = near[q] * 4;
		const cx = e4[k];
		const cy = e4[k + 1];
		const w = windingAround(shape, cx, cy);
		if (w === 0 && from === c) continue;
		const part = insideIntegral(onB, from, c, w, cx - ox, cy - oy, e4[k + 2] - ox, e4[k + 3] - oy);
		if (Number.isNaN(part)) return null;
		twice += part;
	}
	return twice / 2;
}

function grow(name: string, buffer: Float64Array): Float64Array {
	const larger = scratchFloat64(name, buffer.length * 2);
	larger.set(buffer);
	return larger;
}
