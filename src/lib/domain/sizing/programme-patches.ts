/**
 * The patches of a programme check, made ready in one of two ways.
 *
 * Areal weighting walks the small areas and needs every patch at hand, so all are prepared and
 * kept. The centroid method alone needs each patch once: it is projected into reused buffers, its
 * small areas' points are tested together (batch-winding.ts), and it is dropped. Keeping 5,000
 * prepared patches (about 100 MB of arrays) set off full collections of the whole heap, with its
 * 189,000 small areas, during the check (about a second each here). A patch needed again later
 * (for suggested moves) is prepared again, on demand.
 */
import Flatbush from 'flatbush';
import { describePatch, indexPatch, patchShape, preparePatch, type PreparedPatch } from './patch';
import { assertLonLat, planeAreaKm2, projectPoint, type PlaneShape } from './plane';
import { arraySource, type PatchSource } from './pack-patches';
import { findPointOwners, mergeOwners, type PointOwners } from './point-owners';
import type { PreparedSmallAreas } from './prepare';
import type { PatchInput } from './types';

export interface ProgrammePatches {
	/** Patch p, prepared (kept, or prepared on first use and then kept). */
	patchAt: (p: number) => PreparedPatch;
	/** Patch p projected, its edges not indexed (kept, as patchAt). */
	shapeAt: (p: number) => PlaneShape;
	/** Bounding boxes of the patches that have any area; item i is patch patchOfItem[i]. */
	index: Flatbush | null;
	patchOfItem: number[];
	/** For the centroid method alone: the first patch holding each small area's point (−1: none). */
	firstOwner: Int32Array;
	/** Any further patches holding a small area's point, in patch order. */
	moreOwners: Map<number, number[]>;
	/** Each patch's area in km², from its projected shape. */
	areaKm2: Float64Array;
	/** Each patch's projected box, minX, minY, maxX, maxY (Infinity when it has no area): no need to prepare it. */
	boxes: [number, number, number, number][];
}

/** Throws, naming the second, when two patches share an id. */
export function checkIds(patches: PatchInput[]): void {
	const seen = new Set<string>();
	for (const patch of patches) {
		const key = String(patch?.id);
		if (seen.has(key))
			throw new RangeError(`${describePatch(patch)} has the same id as another patch`);
		seen.add(key);
	}
}

/**
 * The patches indexed by their bounding boxes alone, each prepared when first needed: for a thread
 * that scans some of the small areas (scan.ts) and so needs only the patches near them. Projection
 * keeps the order of longitudes and of latitudes, so each box is the projected shape's box (or
 * a little larger: a patch found that does not reach a small area gets share 0 and no point).
 * forgetUnused drops the prepared patches not asked for since its last call: between runs of
 * small areas, a thread then holds only the patches near its current run.
 */
export function lazyPatches(
	prepared: PreparedSmallAreas,
	source: PatchSource
): Pick<ProgrammePatches, 'patchAt' | 'index' | 'patchOfItem'> & { forgetUnused(): void } {
	let kept = new Map<number, PreparedPatch>();
	let used = new Map<number, PreparedPatch>();
	const patchOfItem: number[] = [];
	const boxes: number[] = [];
	for (let p = 0; p < source.count; p++) {
		const box = source.lonLatBox(p);
		if (!box) {
			const patch = source.at(p);
			assertLonLat(patch?.geometry, describePatch(patch));
			continue;
		}
		if (!Number.isFinite(box[0])) continue;
		const [minX, minY] = projectPoint(box[0], box[1], prepared.origin);
		const [maxX, maxY] = projectPoint(box[2], box[3], prepared.origin);
		patchOfItem.push(p);
		// projectPoint rounds in a different order from projectShape: a unit of margin each way.
		boxes.push(minX - 2, minY - 2, maxX + 2, maxY + 2);
	}
	let index: Flatbush | null = null;
	if (patchOfItem.length > 0) {
		index = new Flatbush(patchOfItem.length);
		for (let i = 0; i < boxes.length; i += 4) {
			index.add(boxes[i], boxes[i + 1], boxes[i + 2], boxes[i + 3]);
		}
		index.finish();
	}
	const patchAt = (p: number) => {
		let found = used.get(p);
		if (!found) {
			found = kept.get(p) ?? preparePatch(prepared, source.at(p), p);
			used.set(p, found);
		}
		return found;
	};
	const forgetUnused = () => {
		kept = used;
		used = new Map();
	};
	return { patchAt, index, patchOfItem, forgetUnused };
}

/**
 * Prepares a programme's patches.
 * @param keep true to keep every patch prepared (areal weighting); false to pass over them once,
 *   finding which small areas' points each holds (the centroid method alone)
 */
export function preparePatches(
	prepared: PreparedSmallAreas,
	patches: PatchInput[],
	keep: boolean
): ProgrammePatches {
	if (!keep) {
		const runs = [findPointOwners(prepared, arraySource(patches), 0, patches.length)];
		return fromOwners(prepared, patches, runs);
	}
	const kept: (PreparedPatch | undefined)[] = new Array(patches.length);
	const boxes: [number, number, number, number][] = [];
	const areaKm2 = new Float64Array(patches.length);
	patches.forEach((patch, p) => {
		const prepatch = preparePatch(prepared, patch, p);
		kept[p] = prepatch;
		const { minX, minY, maxX, maxY, area } = prepatch.shape;
		boxes.push([minX, minY, maxX, maxY]);
		areaKm2[p] = planeAreaKm2(area);
	});
	const patchAt = (p: number) => (kept[p] ??= preparePatch(prepared, patches[p], p));
	return {
		patchAt,
		shapeAt: (p) => patchAt(p).shape,
		...indexBoxes(boxes),
		firstOwner: new Int32Array(0),
		moreOwners: new Map(),
		areaKm2,
		boxes
	};
}

/**
 * The centroid method's patches from runs of findPointOwners (in patch order, perhaps found on
 * other threads): each patch is prepared again only if a later step needs it.
 * @param packed the same patches packed, to prepare them from (read in place)
 */
export function fromOwners(
	prepared: PreparedSmallAreas,
	patches: PatchInput[],
	runs: PointOwners[],
	packed?: PatchSource
): ProgrammePatches {
	const { boxes, areaKm2, firstOwner, moreOwners } = mergeOwners(
		prepared.count,
		patches.length,
		runs
	);
	const kept: (PreparedPatch | undefined)[] = new Array(patches.length);
	const shapes: (PlaneShape | undefined)[] = new Array(patches.length);
	// From the packed rings when given (the pool packs them for its workers): no GeoJSON is read.
	const shapeAt = (p: number) => (shapes[p] ??= patchShape(prepared, patches[p], packed?.rings(p)));
	const patchAt = (p: number) => (kept[p] ??= indexPatch(patches[p], shapeAt(p), p));
	return { patchAt, shapeAt, ...indexBoxes(boxes), firstOwner, moreOwners, areaKm2, boxes };
}

function indexBoxes(boxes: [number, number, number, number][]) {
	const patchOfItem = boxes.flatMap((box, p) => (Number.isFinite(box[0]) ? [p] : []));
	let index: Flatbush | null = null;
	if (patchOfItem.length > 0) {
		index = new Flatbush(patchOfItem.length);
		for (const p of patchOfItem) index.add(...boxes[p]);
		index.finish();
	}
	return { index, patchOfItem };
}
