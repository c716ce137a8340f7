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
import type { EdgeIndex } from './edge-index';
import { stripIndex } from './edge-strips';
import { orient } from './orient';
import type { PreparedPatch } from './patch';
import type { PlaneShape } from './plane';
import { scratchFloat64, scratchInt32 } from './scratch';
import { windsOnce } from './simple-rings';

/**
 * How often a small area's share was worked out here and how often left to Clipper (null); the
 * same for pairs of patches (accounting.ts). For tests and the benchmark.
 */
export const overlapStats = { exact: 0, fallback: 0, pairsExact: 0, pairsFallback: 0 };

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
	let count = 0;
	for (const ring of shape.rings) count += ring.length / 2;
	// The small area's edges, [x1, y1, x2, y2] each, in ring order.
	const edges = scratchFloat64('overlap-small-area-edges', count * 4);
	const ids = scratchInt32('overlap-small-area-ids', count);
	let k = 0;
	for (const ring of shape.rings) {
		const n = ring.length;
		for (let i = 0; i < n; i += 2) {
			const j = i + 2 < n ? i + 2 : 0;
			ids[k / 4] = k / 4;
			edges[k++] = ring[i];
			edges[k++] = ring[i + 1];
			edges[k++] = ring[j];
			edges[k++] = ring[j + 1];
		}
	}
	return boundaryOverlap(edges, ids, count, shape, null, index, shape);
}

/**
 * Whether two patches overlap by more than `tolerance` square plane units, or null when either does
 * not wind 0 or 1 everywhere (then the caller clips). Patches that tile share borders, no area.
 */
export function patchesOverlapBy(
	a: PreparedPatch,
	b: PreparedPatch,
	tolerance: number
): boolean | null {
	const ia = a.edgeIndex;
	const ib = b.edgeIndex;
	if (!ia || !ib || ia.axis !== 1 || ib.axis !== 1) return null;
	if (!patchIsSimple(a) || !patchIsSimple(b)) return null;
	const box = {
		minX: Math.max(a.shape.minX, b.shape.minX),
		minY: Math.max(a.shape.minY, b.shape.minY),
		maxX: Math.min(a.shape.maxX, b.shape.maxX),
		maxY: Math.min(a.shape.maxY, b.shape.maxY)
	};
	if (box.minX > box.maxX || box.minY > box.maxY) return false;
	// Only a's edges in the box can be inside b, whose every point is in its own box.
	const ids = scratchInt32('overlap-patch-ids', ia.count);
	const m = ia.edgesInBox(box.minX, box.minY, box.maxX, box.maxY, ids);
	if (m === 0) return false;
	sortIds(ids, m);
	const area = boundaryOverlap(ia.edges, ids, m, null, ia, ib, box);
	return area === null ? null : area > tolerance;
}

/**
 * The area where shape A (edges `ids` of `edgesA`, the only ones that can be inside B) and patch B
 * overlap, by boundary integration, A nudged by (−ε, −ε²); null when a winding count is neither 0
 * nor 1 along a stretch of boundary. A's winding around a point is counted in `shapeA`'s rings or
 * by `indexA`, whichever is given.
 */
function boundaryOverlap(
	edgesA: ArrayLike<number>,
	ids: Int32Array,
	mA: number,
	shapeA: PlaneShape | null,
	indexA: EdgeIndex | null,
	index: EdgeIndex,
	box: { minX: number; minY: number; maxX: number; maxY: number }
): number | null {
	const near = scratchInt32('overlap-near', index.count);
	// None in the box is no matter: then no edge of A crosses B, and the windings say the rest.
	const m = index.edgesInBox(box.minX, box.minY, box.maxX, box.maxY, near);
	// In ring order, so that each edge's end winding carries to the next (see below).
	sortIds(near, m);
	const strips = stripIndex(index.edges, near, m, box.minY, box.maxY);
	const e4 = strips.edges;
	const eBox = strips.boxes;
	const first = strips.first;
	const start = strips.start;
	const items = strips.items;
	// Coordinates from the box's corner: the sums stay small and precise.
	const ox = box.minX;
	const oy = box.minY;
	// Crossings along A's edge in hand, and along the patch's edges (all of them).
	let onA = scratchFloat64('overlap-on-small-area', 64 * F);
	let onB = scratchFloat64('overlap-on-patch', 256 * F);
	let bCount = 0;
	let twice = 0;
	// B's winding at the end of the last edge of A, and where that end is.
	let w = 0;
	let endX = NaN;
	let endY = NaN;
	for (let e = 0; e < mA; e++) {
		const ka = ids[e] * 4;
		const ax = edgesA[ka];
		const ay = edgesA[ka + 1];
		const bx = edgesA[ka + 2];
		const by = edgesA[ka + 3];
		// An edge that starts where the last one ended starts with its winding: one count per
		// run of A's boundary, not one per edge.
		if (ax !== endX || ay !== endY) w = index.windingNudged(ax, ay);
		endX = bx;
		endY = by;
		const dxA = bx - ax;
		const dyA = by - ay;
		const minX = ax < bx ? ax : bx;
		const maxX = ax < bx ? bx : ax;
		const minY = ay < by ? ay : by;
		const maxY = ay < by ? by : ay;
		let aCount = 0;
		// The nearby patch edges in the strips this edge spans, each once (in its first strip).
		const s0 = strips.stripOf(minY);
		const s1 = strips.stripOf(maxY);
		for (let s = s0; s <= s1; s++) {
			for (let i = start[s]; i < start[s + 1]; i++) {
				const q = items[i];
				if (first[q] !== s && s !== s0) continue;
				const kb = q * 4;
				if (eBox[kb + 1] < minX || eBox[kb] > maxX || eBox[kb + 3] < minY || eBox[kb + 2] > maxY)
					continue;
				const cx = e4[kb];
				const cy = e4[kb + 1];
				const dx = e4[kb + 2];
				const dy = e4[kb + 3];
				// Sides of the patch edge's ends against A's edge, A nudged by (−ε, −ε²): on the
				// line, the nudge decides (dxA·ε² − dyA·ε).
				const o1 = orient(ax, ay, bx, by, cx, cy);
				const s1 = o1 !== 0 ? o1 > 0 : dyA !== 0 ? dyA < 0 : dxA > 0;
				const o2 = orient(ax, ay, bx, by, dx, dy);
				const s2 = o2 !== 0 ? o2 > 0 : dyA !== 0 ? dyA < 0 : dxA > 0;
				if (s1 === s2) continue;
				// Sides of A's edge's ends against the patch edge (dyB·ε − dxB·ε²).
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
				// Walking A's edge: from the patch edge's right to its left is inward.
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
		}
		sortRecords(onA, 0, aCount);
		const part = insideIntegral(onA, 0, aCount, w, ax - ox, ay - oy, bx - ox, by - oy);
		if (Number.isNaN(part)) return null;
		twice += part;
		for (let c = 0; c < aCount; c++) w += onA[c * F + 1];
	}
	sortRecords(onB, 0, bCount);
	let c = 0;
	w = 0;
	endX = NaN;
	endY = NaN;
	for (let q = 0; q < m; q++) {
		const from = c;
		while (c < bCount && onB[c * F + 4] === q) c++;
		const k = q * 4;
		const cx = e4[k];
		const cy = e4[k + 1];
		// As above, along the patch's boundary: A's winding, nudged, at the edge's start.
		if (cx !== endX || cy !== endY) {
			w = shapeA ? windingAround(shapeA, cx, cy) : indexA!.winding(cx, cy);
		}
		endX = e4[k + 2];
		endY = e4[k + 3];
		if (w !== 0 || from !== c) {
			const part = insideIntegral(onB, from, c, w, cx - ox, cy - oy, endX - ox, endY - oy);
			if (Number.isNaN(part)) return null;
			twice += part;
			for (let d = from; d < c; d++) w += onB[d * F + 1];
		}
	}
	return twice / 2;
}

/** Sorts ids[0, n) ascending (a few dozen, mostly in runs already). */
function sortIds(ids: Int32Array, n: number): void {
	for (let i = 1; i < n; i++) {
		const id = ids[i];
		let j = i - 1;
		while (j >= 0 && ids[j] > id) {
			ids[j + 1] = ids[j];
			j--;
		}
		ids[j + 1] = id;
	}
}

function grow(name: string, buffer: Float64Array): Float64Array {
	const larger = scratchFloat64(name, buffer.length * 2);
	larger.set(buffer);
	return larger;
}
