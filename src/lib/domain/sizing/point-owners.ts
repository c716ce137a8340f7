/**
 * The centroid method's pass over the patches: each patch is projected into reused buffers (read in
 * place from packed arrays on worker threads), the small areas' points in its box are tested
 * together (batch-winding.ts), and the patch is dropped.
 * findPointOwners does it for a run of patches and records, in flat arrays, which points each
 * holds; mergeOwners takes the runs in patch order, so runs done on several threads give exactly
 * what one pass gives.
 */
import { windingNumbers } from './batch-winding';
import { describePatch } from './patch';
import { planeAreaKm2 } from './plane';
import { projectFlatShape } from './plane-flat';
import type { PreparedSmallAreas } from './prepare';
import { scratchFloat64 } from './scratch';
import type { PatchSource } from './pack-patches';

/** What patches lo to hi − 1 hold. */
export interface PointOwners {
	lo: number;
	hi: number;
	/** minX, minY, maxX, maxY of each patch's projected shape (Infinity for an empty shape). */
	boxes: Float64Array;
	areaKm2: Float64Array;
	/** Patch lo + i holds the points of small areas owned[ownedStart[i] … ownedStart[i + 1]). */
	ownedStart: Int32Array;
	owned: Int32Array;
}

/** Finds which small areas' representative points patches lo to hi − 1 hold. */
export function findPointOwners(
	prepared: Pick<PreparedSmallAreas, 'origin' | 'points' | 'pointIndex'>,
	patches: PatchSource,
	lo: number,
	hi: number
): PointOwners {
	const count = Math.max(0, hi - lo);
	const boxes = new Float64Array(count * 4);
	const areaKm2 = new Float64Array(count);
	const ownedStart = new Int32Array(count + 1);
	const owned: number[] = [];
	for (let i = 0; i < count; i++) {
		const describe = () => describePatch(patches.at(lo + i));
		const polygons = patches.rings(lo + i);
		if (!polygons) throw new TypeError(`${describe()} is not a polygon or multipolygon`);
		let values = 0;
		for (const polygon of polygons) for (const ring of polygon) values += ring.length;
		const arena = { buffer: scratchFloat64('patch-rings', values), used: 0 };
		const shape = projectFlatShape(polygons, prepared.origin, describe, arena);
		const { minX, minY, maxX, maxY } = shape;
		boxes.set([minX, minY, maxX, maxY], i * 4);
		areaKm2[i] = planeAreaKm2(shape.area);
		if (prepared.pointIndex && shape.rings.length > 0) {
			const found = prepared.pointIndex.search(minX, minY, maxX, maxY);
			const xs = scratchFloat64('owners-x', found.length);
			const ys = scratchFloat64('owners-y', found.length);
			found.forEach((s, k) => {
				xs[k] = prepared.points[s * 2];
				ys[k] = prepared.points[s * 2 + 1];
			});
			const winding = windingNumbers(shape.rings, xs, ys, found.length);
			found.forEach((s, k) => {
				if (winding[k] !== 0) owned.push(s);
			});
		}
		ownedStart[i + 1] = owned.length;
	}
	return { lo, hi: lo + count, boxes, areaKm2, ownedStart, owned: Int32Array.from(owned) };
}

/** Runs of findPointOwners, covering every patch in order, as first and further owners. */
export function mergeOwners(
	smallAreaCount: number,
	patchCount: number,
	runs: PointOwners[]
): {
	boxes: [number, number, number, number][];
	areaKm2: Float64Array;
	firstOwner: Int32Array;
	moreOwners: Map<number, number[]>;
} {
	const boxes: [number, number, number, number][] = [];
	const areaKm2 = new Float64Array(patchCount);
	const firstOwner = new Int32Array(smallAreaCount).fill(-1);
	const moreOwners = new Map<number, number[]>();
	for (const run of runs) {
		if (run.lo !== boxes.length) {
			throw new RangeError(`The runs of patches miss patch number ${boxes.length + 1}`);
		}
		for (let p = run.lo; p < run.hi; p++) {
			const i = p - run.lo;
			const b = run.boxes;
			boxes.push([b[i * 4], b[i * 4 + 1], b[i * 4 + 2], b[i * 4 + 3]]);
			areaKm2[p] = run.areaKm2[i];
			for (let k = run.ownedStart[i]; k < run.ownedStart[i + 1]; k++) {
				const s = run.owned[k];
				if (firstOwner[s] < 0) firstOwner[s] = p;
				else moreOwners.set(s, [...(moreOwners.get(s) ?? []), p]);
			}
		}
	}
	if (boxes.length !== patchCount) {
		throw new RangeError(`The runs of patches miss patch number ${boxes.length + 1}`);
	}
	return { boxes, areaKm2, firstOwner, moreOwners };
}
