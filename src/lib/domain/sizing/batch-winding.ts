/**
 * Point-in-patch for many points at once, without building an edge index: the points are sorted by
 * y, and each edge visits only the points in its y-range (found by binary search). Used by the
 * centroid method's single pass over the patches, where building an index for one batch of ~80
 * points cost more than the test itself. Same half-open rule and exact integer arithmetic as
 * EdgeIndex.winding, so it gives the same answers as pointInPatch.
 */
import type { Coords } from './plane';
import { scratchFloat64, scratchInt32 } from './scratch';

/**
 * Winding numbers of points [xs[i], ys[i]] (i < count) around closed flat rings.
 * @returns an Int32Array of at least `count` winding numbers (reused: read it before the next call)
 */
export function windingNumbers(
	rings: readonly Coords[],
	xs: Float64Array,
	ys: Float64Array,
	count: number
): Int32Array {
	const winding = scratchInt32('batch-winding', count, true);
	if (count === 0) return winding;
	// Sort by y with a native numeric sort of packed keys: (y − lowest y) × 2^16 + point number.
	// Exact while a patch is under about 1.3° tall and holds under 65,536 points; else compare.
	let lowY = Infinity;
	let highY = -Infinity;
	for (let i = 0; i < count; i++) {
		if (ys[i] < lowY) lowY = ys[i];
		if (ys[i] > highY) highY = ys[i];
	}
	const order = scratchInt32('batch-winding-order', count);
	if (count < 2 ** 16 && (highY - lowY) * 2 ** 16 < 2 ** 53) {
		const keys = scratchFloat64('batch-winding-keys', count).subarray(0, count);
		for (let i = 0; i < count; i++) keys[i] = (ys[i] - lowY) * 2 ** 16 + i;
		keys.sort();
		for (let i = 0; i < count; i++) order[i] = keys[i] % 2 ** 16;
	} else {
		const sorted = Array.from({ length: count }, (_, i) => i).sort((a, b) => ys[a] - ys[b]);
		for (let i = 0; i < count; i++) order[i] = sorted[i];
	}
	const sortedY = scratchFloat64('batch-winding-y', count);
	for (let i = 0; i < count; i++) sortedY[i] = ys[order[i]];
	for (const ring of rings) {
		const n = ring.length;
		for (let k = 0; k < n; k += 2) {
			const x1 = ring[k];
			const y1 = ring[k + 1];
			const x2 = ring[(k + 2) % n];
			const y2 = ring[(k + 3) % n];
			if (y1 === y2) continue;
			const low = y1 < y2 ? y1 : y2;
			const high = y1 < y2 ? y2 : y1;
			// First point with y ≥ low.
			let lo = 0;
			let hi = count;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (sortedY[mid] < low) lo = mid + 1;
				else hi = mid;
			}
			for (let i = lo; i < count && sortedY[i] < high; i++) {
				const p = order[i];
				const x = xs[p];
				const y = ys[p];
				const side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
				if (y1 <= y) {
					if (side > 0) winding[p]++;
				} else if (side < 0) {
					winding[p]--;
				}
			}
		}
	}
	return winding;
}
