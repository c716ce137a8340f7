/**
 * A patch made ready for sizing: projected into the small areas' plane, with an index of its edges
 * (edge-index.ts). The edge index answers the two questions that let most small areas skip
 * clipping: does any patch edge pass through this small area's bounding box, and is this point
 * inside the patch.
 */
import type { Path64, Paths64 } from 'clipper2-ts';
import { EdgeIndex } from './edge-index';
import { segmentsMeet } from './segment-pairs';
import type { PatchInput } from './types';
import { assertLonLat, projectShape, type PlaneShape } from './plane';
import { projectFlatShape, type FlatPolygon } from './plane-flat';
import type { PreparedSmallAreas } from './prepare';

export interface PreparedPatch {
	readonly index: number;
	readonly input: PatchInput;
	readonly shape: PlaneShape;
	/** Edges banded along y; null when the patch has no ring left after projection. */
	readonly edgeIndex: EdgeIndex | null;
	/** Clipper paths, made on first use (the centroid method never clips). */
	paths: Paths64 | null;
}

/**
 * The patch as Clipper paths, kept with the patch. Made here rather than by toPaths: V8 notes that
 * the points made at one place in the code live long and then makes every point made there in
 * the old generation, where the small areas' short-lived paths (toPaths) would pile up as garbage
 * until a full collection (a worker thread's heap grew to several times what it held).
 */
export function patchPaths(patch: PreparedPatch): Paths64 {
	return (patch.paths ??= patch.shape.rings.map((ring) => {
		const path: Path64 = new Array(ring.length / 2);
		for (let i = 0, k = 0; i < ring.length; i += 2, k++) path[k] = { x: ring[i], y: ring[i + 1] };
		return path;
	}));
}

/** 'Patch "North" (id 3)', for messages. */
export function describePatch(patch: PatchInput): string {
	return `Patch "${patch?.name ?? ''}" (id ${patch?.id})`;
}

/**
 * A patch's projected shape, from its rings given flat (packed, read in place) or else from its
 * GeoJSON. Throws, naming the patch, when its coordinates are not longitude and latitude (British
 * National Grid must be reprojected before it reaches the engine).
 */
export function patchShape(
	prepared: PreparedSmallAreas,
	patch: PatchInput,
	rings?: FlatPolygon[] | null
): PlaneShape {
	if (rings) return projectFlatShape(rings, prepared.origin, () => describePatch(patch));
	assertLonLat(patch?.geometry, describePatch(patch));
	return projectShape(patch.geometry, prepared.origin);
}

/** Projects a patch and indexes its edges (throws as patchShape does). */
export function preparePatch(
	prepared: PreparedSmallAreas,
	patch: PatchInput,
	index = 0
): PreparedPatch {
	return indexPatch(patch, patchShape(prepared, patch), index);
}

/** The projected patch with its edges indexed. */
export function indexPatch(patch: PatchInput, shape: PlaneShape, index: number): PreparedPatch {
	let count = 0;
	for (const ring of shape.rings) count += ring.length / 2;
	// A plain array, not a typed one: see Coords in plane.ts.
	const edges = new Array<number>(count * 4).fill(0);
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
	const edgeIndex = count > 0 ? new EdgeIndex(edges, 1, 2) : null;
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

/**
 * boundaryMeets for a patch projected but not indexed: each of its edges is tested against the
 * shape's box, then against the shape's edges. Indexing a patch's 300 edges cost more than the one
 * or two tests suggested moves ask of most neighbours.
 */
export function shapeBoundaryMeets(patch: PlaneShape, shape: PlaneShape): boolean {
	const { minX, minY, maxX, maxY } = shape;
	if (patch.maxX < minX || patch.minX > maxX || patch.maxY < minY || patch.minY > maxY)
		return false;
	for (const ring of patch.rings) {
		const n = ring.length;
		for (let i = 0; i < n; i += 2) {
			const x1 = ring[i];
			const y1 = ring[i + 1];
			const x2 = ring[(i + 2) % n];
			const y2 = ring[(i + 3) % n];
			if (Math.max(x1, x2) < minX || Math.min(x1, x2) > maxX) continue;
			if (Math.max(y1, y2) < minY || Math.min(y1, y2) > maxY) continue;
			for (const other of shape.rings) {
				const m = other.length;
				for (let j = 0; j < m; j += 2) {
					const ax = other[j];
					const ay = other[j + 1];
					const bx = other[(j + 2) % m];
					const by = other[(j + 3) % m];
					if (segmentsMeet(ax, ay, bx, by, x1, y1, x2, y2)) return true;
				}
			}
		}
	}
	return false;
}

/** Whether the patch's boundary meets (crosses or touches) the boundary of a small area's shape. */
export function boundaryMeets(patch: PreparedPatch, shape: PlaneShape): boolean {
	const index = patch.edgeIndex;
	if (!index || !index.some(shape.minX, shape.minY, shape.maxX, shape.maxY)) return false;
	for (const ring of shape.rings) {
		const n = ring.length;
		for (let i = 0; i < n; i += 2) {
			const ax = ring[i];
			const ay = ring[i + 1];
			const bx = ring[(i + 2) % n];
			const by = ring[(i + 3) % n];
			if (index.meetsSegment(ax, ay, bx, by)) return true;
		}
	}
	return false;
}
