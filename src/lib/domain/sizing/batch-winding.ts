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
	// About one point per bucket of y: an edge's first point is found from its bucket in a step or
	// two (a binary search per edge took a third of the time).
	const buckets = count;
	const bucketHeight = (highY - lowY) / buckets || 1;
	const bucketStart = scratchInt32('batch-winding-buckets', buckets + 1);
	for (let b = 0, i = 0; b <= buckets; b++) {
		const from = lowY + b * bucketHeight;
		while (i < count && sortedY[i] < from) i++;
		bucketStart[b] = i;
	}
	for (const ring of rings) {
		const n = ring.length;
		// Each edge from the point before it (the first from the last): the same edges as in order.
		let x1 = ring[n - 2];
		let y1 = ring[n - 1];
		for (let k = 0; k < n; k += 2) {
			const x2 = ring[k];
			const y2 = ring[k + 1];
			const fromX = x1;
			const fromY = y1;
			x1 = x2;
			y1 = y2;
			if (fromY === y2) continue;
			const low = fromY < y2 ? fromY : y2;
			const high = fromY < y2 ? y2 : fromY;
			if (high <= lowY || low > highY) continue;
			// First point with y ≥ low: from low's bucket onwards (back a step or two only if rounding
			// put low in the bucket above its own).
			let i =
				low <= lowY ? 0 : bucketStart[Math.min(buckets, Math.floor((low - lowY) / bucketHeight))];
			while (i > 0 && sortedY[i - 1] >= low) i--;
			while (i < count && sortedY[i] < low) i++;
			for (; i < count && sortedY[i] < high; i++) {
				const p = order[i];
				const x = xs[p];
				const y = ys[p];
				const side = (x2 - fromX) * (y - fromY) - (x - fromX) * (y2 - fromY);
				if (fromY <= y) {
					if (side > 0) winding[p]++;
				} else if (side < 0) {
					winding[p]--;
				}
			}
		}
	}
	return winding;
}
