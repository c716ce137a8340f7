/**
 * Settling a small area against a patch without clipping, when the patch's boundary passes through
 * the small area's bounding box but never touches the small area itself (a border that runs past
 * a corner, or round a bay): then the small area is wholly inside or wholly outside the patch, and
 * Clipper's intersection would return the whole small area or nothing. Exact on integer
 * coordinates, like the clip; anything less clear-cut (a shared vertex, a shared edge, a crossing)
 * is left to the clip.
 */
import { ringBoxInto } from './box-clip';
import { boundaryMeets, pointInPatch, type PreparedPatch } from './patch';
import type { PlaneShape } from './plane';
import { windingAround } from './simple-rings';

/** Each ring's bounding box, [minX, minY, maxX, maxY] per ring, made once per patch. */
const ringBoxes = new WeakMap<PreparedPatch, Float64Array>();

function boxesOf(patch: PreparedPatch): Float64Array {
	let boxes = ringBoxes.get(patch);
	if (boxes) return boxes;
	const rings = patch.shape.rings;
	boxes = new Float64Array(rings.length * 4);
	rings.forEach((ring, r) => ringBoxInto(ring, boxes!, r * 4));
	ringBoxes.set(patch, boxes);
	return boxes;
}

/**
 * 1 when the small area's shape lies wholly inside the patch, 0 when wholly outside, and null
 * when the patch's boundary touches or crosses it (or lies within it), so it must be clipped.
 */
export function wholeOrNone(patch: PreparedPatch, shape: PlaneShape): 0 | 1 | null {
	if (boundaryMeets(patch, shape)) return null;
	// No patch edge touches the small area's boundary, so each patch ring lies wholly inside or
	// wholly outside it: a ring inside (its box within the small area's box) would cut it.
	const boxes = boxesOf(patch);
	const rings = patch.shape.rings;
	for (let r = 0; r < rings.length; r++) {
		const b = r * 4;
		if (
			boxes[b] >= shape.minX &&
			boxes[b + 1] >= shape.minY &&
			boxes[b + 2] <= shape.maxX &&
			boxes[b + 3] <= shape.maxY &&
			windingAround(shape.rings, rings[r][0], rings[r][1]) !== 0
		) {
			return null;
		}
	}
	// The patch's boundary misses the small area, so each of its rings (outer rings, holes and
	// islands) is wholly on one side: one vertex each says which.
	let inside = 0;
	for (const ring of shape.rings) if (pointInPatch(patch, ring[0], ring[1])) inside++;
	if (inside === shape.rings.length) return 1;
	return inside === 0 ? 0 : null;
}
