/**
 * A patch made ready for sizing: projected into the small areas' plane, with an index of its edges
 * (edge-index.ts). The edge index answers the two questions that let most small areas skip
 * clipping: does any patch edge pass through this small area's bounding box, and is this point
 * inside the patch.
 */
import type { Paths64 } from 'clipper2-ts';
import { EdgeIndex } from './edge-index';
import type { PatchInput } from './types';
import { assertLonLat, coordinateCount, projectShape, toPaths, type PlaneShape } from './plane';
import type { PreparedSmallAreas } from './prepare';
import { scratchFloat64 } from './scratch';

export interface PreparedPatch {
	readonly index: number;
	readonly input: PatchInput;
	readonly shape: PlaneShape;
	/** Edges banded along y; null when the patch has no ring left after projection. */
	readonly edgeIndex: EdgeIndex | null;
	/** Clipper paths, made on first use (the centroid method never clips). */
	paths: Paths64 | null;
}

/** The patch as Clipper paths. */
export function patchPaths(patch: PreparedPatch): Paths64 {
	return (patch.paths ??= toPaths(patch.shape));
}

/** 'Patch "North" (id 3)', for messages. */
export function describePatch(patch: PatchInput): string {
	return `Patch "${patch?.name ?? ''}" (id ${patch?.id})`;
}

/**
 * Projects a patch and indexes its edges. Throws, naming the patch, when its coordinates are not
 * longitude and latitude (British National Grid must be reprojected before it reaches the engine).
 * @param transient build in reused buffers: nothing is allocated, but the result is only good until
 *   the next transient call (for a pass that handles one patch at a time)
 */
export function preparePatch(
	prepared: PreparedSmallAreas,
	patch: PatchInput,
	index = 0,
	{ transient = false }: { transient?: boolean } = {}
): PreparedPatch {
	assertLonLat(patch?.geometry, describePatch(patch));
	const arena = transient
		? { buffer: scratchFloat64('patch-rings', coordinateCount(patch.geometry)), used: 0 }
		: undefined;
	const shape = projectShape(patch.geometry, prepared.origin, arena);
	let count = 0;
	for (const ring of shape.rings) count += ring.length / 2;
	// Plain arrays for patches that are kept, not typed ones: see Coords in plane.ts.
	const edges = transient
		? scratchFloat64('patch-edges', count * 4).subarray(0, count * 4)
		: new Array<number>(count * 4).fill(0);
	let k = 0;
	for (const ring of shape.rings) {
		const n = ring.length;
		for (let i = 0; i < n; i += 2) {
			const x1 = ring[i];
			const y1 = ring[i + 1];
			const x2 = ring[(i + 2) % n];
			const y2 = ring[(i + 3) % n];
			edges[k++] = x1;
			edges[k++] = y1;
			edges[k++] = x2;
			edges[k++] = y2;
		}
	}
	const edgeIndex = count > 0 ? new EdgeIndex(edges, 1, 1, transient) : null;
	return { index, input: patch, shape, edgeIndex, paths: null };
}

/** True when some edge of the patch has a bounding box meeting the box. */
export function edgeInBox(
	patch: PreparedPatch,
	minX: number,
	minY: number,
	maxX: number,
	maxY: number
): boolean {
	return patch.edgeIndex !== null && patch.edgeIndex.some(minX, minY, maxX, maxY);
}

/**
 * Whether a plane point is inside the patch, by winding number (NonZero, like the clipping), using
 * only the edges that cross the ray from the point eastwards.
 *
 * Exact on integer coordinates. A point exactly on an edge is decided half-open, as in the classic
 * crossing test: it belongs to the patch on its east side (or north side, on an east-west edge), so
 * a point on the border of two patches that share that border is counted in exactly one of them.
 */
export function pointInPatch(patch: PreparedPatch, x: number, y: number): boolean {
	return patch.edgeIndex !== null && patch.edgeIndex.winding(x, y) !== 0;
}

/** Orientation of c against the line a→b: 1 left, −1 right, 0 on the line. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
	return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(
	ax: number,
	ay: number,
	bx: number,
	by: number,
	cx: number,
	cy: number
): boolean {
	return (
		Math.min(ax, bx) <= cx &&
		cx <= Math.max(ax, bx) &&
		Math.min(ay, by) <= cy &&
		cy <= Math.max(ay, by)
	);
}

/** Whether segments ab and cd share any point (crossing, touching or overlapping). */
export function segmentsMeet(
	ax: number,
	ay: number,
	bx: number,
	by: number,
	cx: number,
	cy: number,
	dx: number,
	dy: number
): boolean {
	const o1 = orient(ax, ay, bx, by, cx, cy);
	const o2 = orient(ax, ay, bx, by, dx, dy);
	const o3 = orient(cx, cy, dx, dy, ax, ay);
	const o4 = orient(cx, cy, dx, dy, bx, by);
	if (o1 !== o2 && o3 !== o4) return true;
	if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return true;
	if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return true;
	if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return true;
	return o4 === 0 && onSegment(cx, cy, dx, dy, bx, by);
}

/** Whether the patch's boundary meets (crosses or touches) the boundary of a small area's shape. */
export function boundaryMeets(patch: PreparedPatch, shape: PlaneShape): boolean {
	const index = patch.edgeIndex;
	if (!index || !index.some(shape.minX, shape.minY, shape.maxX, shape.maxY)) return false;
	const edges = index.edges;
	for (const ring of shape.rings) {
		const n = ring.length;
		for (let i = 0; i < n; i += 2) {
			const ax = ring[i];
			const ay = ring[i + 1];
			const bx = ring[(i + 2) % n];
			const by = ring[(i + 3) % n];
			const hit = index.some(
				Math.min(ax, bx),
				Math.min(ay, by),
				Math.max(ax, bx),
				Math.max(ay, by),
				(e) => {
					const k = e * 4;
					return segmentsMeet(ax, ay, bx, by, edges[k], edges[k + 1], edges[k + 2], edges[k + 3]);
				}
			);
			if (hit) return true;
		}
	}
	return false;
}
