/**
 * How much of one small area lies in one patch: the kernel of areal weighting.
 *
 * A small area whose bounding box no patch edge passes through is wholly inside or wholly outside
 * the patch, and one point-in-polygon test says which: no clipping. Only small areas that a patch
 * edge may cross are measured: by boundary integration (overlap-area.ts) when both shapes are simple
 * enough, else with Clipper2, clipped against the part of the patch inside their bounding box.
 */
import { Clipper, FillRule, type Paths64 } from 'clipper2-ts';
import { wholeOrNone } from './apart';
import { clipRingsToBox } from './box-clip';
import { edgeInBox, patchPaths, pointInPatch, type PreparedPatch } from './patch';
import { overlapArea, overlapStats } from './overlap-area';
import { pathsArea, toPaths, type PlaneShape } from './plane';
import type { PreparedSmallAreas } from './prepare';
import { windsOnce } from './simple-rings';

/** Shares this close to 0 or 1 are rounding in the clipped coordinates, not real slivers. */
export const SHARE_EPSILON = 1e-9;

/**
 * Counters for tests and the benchmark: how many small areas were measured against a patch edge
 * (clipCount: by overlap-area.ts or by Clipper, see overlapStats; it also counts Clipper's unions
 * and pair clips in accounting.ts) or settled without.
 */
export const sizingStats = { clipCount: 0, wholeCount: 0, outsideCount: 0 };

/** Sets the counters in sizingStats back to 0. */
export function resetSizingStats(): void {
	sizingStats.clipCount = 0;
	sizingStats.wholeCount = 0;
	sizingStats.outsideCount = 0;
	overlapStats.exact = 0;
	overlapStats.fallback = 0;
	overlapStats.pairsExact = 0;
	overlapStats.pairsFallback = 0;
}

export interface AreaShare {
	/** Fraction of the small area's area inside the patch, 0-1. */
	share: number;
	/** Whether the representative point is inside the patch. */
	pointInside: boolean;
	/** Whether a patch edge may cross the small area (its bounding box meets a patch edge). */
	onEdge: boolean;
	/**
	 * The part inside the patch when Clipper made it (0 < share < 1), for overlap accounting; null
	 * otherwise (piecePaths makes it when accounting needs it).
	 */
	piece: Paths64 | null;
}

/** Whether the small area's representative point is inside the patch. */
export function pointOfAreaInside(
	prepared: PreparedSmallAreas,
	area: number,
	patch: PreparedPatch
): boolean {
	return pointInPatch(patch, prepared.points[area * 2], prepared.points[area * 2 + 1]);
}

/**
 * Whether small area `area` winds 0 or 1 everywhere, worked out once per small area and kept in
 * prepared.simple (two threads may both work it out: they write the same value).
 */
function areaIsSimple(prepared: PreparedSmallAreas, area: number): boolean {
	const known = prepared.simple;
	if (known[area] === 0) known[area] = windsOnce(prepared.shapes[area].rings) ? 1 : 2;
	return known[area] === 1;
}

/** The part of a patch near a small area: cutting to a box is linear, Clipper's full clip is not. */
function patchNear(patch: PreparedPatch, shape: PlaneShape): Paths64 {
	if ((patch.edgeIndex?.count ?? 0) <= 64) return patchPaths(patch);
	// A margin of a few units keeps the box's own rounded corners clear of the small area.
	const box = {
		minX: shape.minX - 4,
		minY: shape.minY - 4,
		maxX: shape.maxX + 4,
		maxY: shape.maxY + 4
	};
	return clipRingsToBox(patch.shape.rings, box);
}

/**
 * The share of one small area inside one patch, by area, and whether its point is inside.
 * @param pathsOf the small area as Clipper paths, made on first call (the caller may cache them)
 */
export function shareOf(
	prepared: PreparedSmallAreas,
	area: number,
	patch: PreparedPatch,
	pathsOf: () => Paths64 = () => toPaths(prepared.shapes[area])
): AreaShare {
	const shape = prepared.shapes[area];
	const pointInside = pointOfAreaInside(prepared, area, patch);
	if (shape.rings.length === 0 || shape.area <= 0) {
		// No area to weight by: the point decides, as in the centroid method.
		return { share: pointInside ? 1 : 0, pointInside, onEdge: false, piece: null };
	}
	if (!edgeInBox(patch, shape.minX, shape.minY, shape.maxX, shape.maxY)) {
		// No patch edge comes near: the whole box is on one side, so any vertex decides.
		const inside = pointInPatch(patch, shape.rings[0][0], shape.rings[0][1]);
		if (inside) sizingStats.wholeCount++;
		else sizingStats.outsideCount++;
		return { share: inside ? 1 : 0, pointInside, onEdge: false, piece: null };
	}
	const settled = wholeOrNone(patch, shape);
	if (settled !== null) {
		if (settled === 1) sizingStats.wholeCount++;
		else sizingStats.outsideCount++;
		return { share: settled, pointInside, onEdge: true, piece: null };
	}
	sizingStats.clipCount++;
	const inside = areaIsSimple(prepared, area) ? overlapArea(shape, patch) : null;
	let piece: Paths64 | null = null;
	if (inside !== null) overlapStats.exact++;
	else {
		overlapStats.fallback++;
		piece = piecePaths(shape, patch, pathsOf());
	}
	let share = (inside ?? pathsArea(piece!)) / shape.area;
	if (share < SHARE_EPSILON) share = 0;
	else if (share > 1 - SHARE_EPSILON) share = 1;
	return { share, pointInside, onEdge: true, piece: share > 0 && share < 1 ? piece : null };
}

/**
 * The part of a small area inside a patch, clipped by Clipper (NonZero).
 * @param paths the small area as Clipper paths
 */
export function piecePaths(shape: PlaneShape, patch: PreparedPatch, paths: Paths64): Paths64 {
	const near = patchNear(patch, shape);
	return near.length === 0 ? [] : Clipper.intersect(paths, near, FillRule.NonZero);
}
