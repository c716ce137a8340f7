/**
 * The clipping half of a programme check, for one run of small areas [lo, hi): which patches reach
 * each small area, with what share, and (areal weighting) how the patches meeting there overlap.
 *
 * It keeps no totals: it records, small area by small area, what checkProgramme adds up, in flat
 * typed arrays. Adding the records up in small-area order gives the very same figures whether the
 * runs were scanned one after another or side by side on several threads (floating-point sums
 * depend on their order, so the order is kept). Records hold numbers only, so they can be posted
 * between threads without copying.
 */
import type { Paths64 } from 'clipper2-ts';
import { accountArea, patchesOverlap, type PatchPiece, type SmallAreaInHand } from './accounting';
import { toPaths } from './plane';
import type { PreparedSmallAreas } from './prepare';
import type { ProgrammePatches } from './programme-patches';
import { piecePaths, shareOf, sizingStats } from './shares';

const statsNow = () => ({ ...sizingStats });

/** What one run of small areas contributes to a check, small area by small area. */
export interface ScanRecords {
	lo: number;
	hi: number;
	/** Patches reaching small area lo + i are hits hitStart[i] to hitStart[i + 1] − 1. */
	hitStart: Int32Array;
	hitPatch: Int32Array;
	/** Share of the small area's area inside the patch, 0-1. */
	hitShare: Float64Array;
	/** 1 when the small area's representative point is inside the patch. */
	hitPoint: Uint8Array;
	/** Fraction of each small area covered by any patch (areal accounting only, else empty). */
	covered: Float64Array;
	/** Fraction of each small area covered by two or more patches (areal accounting only). */
	doubled: Float64Array;
	/** Per-patch overlap fractions of small area lo + i: entries perStart[i] to perStart[i + 1] − 1. */
	perStart: Int32Array;
	perPatch: Int32Array;
	perShare: Float64Array;
	/** Pairs of patches sharing part of small area lo + i: pairStart[i] to pairStart[i + 1] − 1. */
	pairStart: Int32Array;
	pairA: Int32Array;
	pairB: Int32Array;
	pairShare: Float64Array;
	/** Clipped, whole and outside counts from this scan (see sizingStats). */
	stats: { clipCount: number; wholeCount: number; outsideCount: number };
}

/** The buffers of a ScanRecords, for posting it to another thread without a copy. */
export function scanBuffers(records: ScanRecords): ArrayBuffer[] {
	const arrays = [
		records.hitStart,
		records.hitPatch,
		records.hitShare,
		records.hitPoint,
		records.covered,
		records.doubled,
		records.perStart,
		records.perPatch,
		records.perShare,
		records.pairStart,
		records.pairA,
		records.pairB,
		records.pairShare
	];
	return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * Scans small areas lo to hi − 1 against the programme's prepared patches (areal weighting).
 * @param account also work out coverage and overlaps (the areal method's totals)
 * @param mayOverlap false for a pair of patches known not to overlap (cached by the caller)
 */
export function scanSmallAreas(
	prepared: PreparedSmallAreas,
	ready: Pick<ProgrammePatches, 'patchAt' | 'index' | 'patchOfItem'>,
	lo: number,
	hi: number,
	account: boolean,
	mayOverlap: (a: number, b: number) => boolean = overlapCache(ready.patchAt)
): ScanRecords {
	const count = Math.max(0, hi - lo);
	const hitStart = new Int32Array(count + 1);
	const perStart = new Int32Array(account ? count + 1 : 1);
	const pairStart = new Int32Array(account ? count + 1 : 1);
	const covered = new Float64Array(account ? count : 0);
	const doubled = new Float64Array(account ? count : 0);
	const hitPatch: number[] = [];
	const hitShare: number[] = [];
	const hitPoint: number[] = [];
	const perPatch: number[] = [];
	const perShare: number[] = [];
	const pairA: number[] = [];
	const pairB: number[] = [];
	const pairShare: number[] = [];
	const before = { ...statsNow() };
	const { patchAt, index, patchOfItem } = ready;
	const pieces: PatchPiece[] = [];
	// The small area in hand as Clipper paths, made at most once (one function, not one per area).
	let currentShape = prepared.shapes[0];
	let currentPaths: Paths64 | undefined;
	const whole = () => (currentPaths ??= toPaths(currentShape));
	const hand: SmallAreaInHand = {
		whole,
		cut: (p) => piecePaths(currentShape, patchAt(p), whole())
	};
	for (let i = 0; i < count; i++) {
		const s = lo + i;
		const shape = prepared.shapes[s];
		const px = prepared.points[s * 2];
		const py = prepared.points[s * 2 + 1];
		pieces.length = 0;
		currentShape = shape;
		currentPaths = undefined;
		const found = index
			? index.search(
					Math.min(shape.minX, px),
					Math.min(shape.minY, py),
					Math.max(shape.maxX, px),
					Math.max(shape.maxY, py)
				)
			: [];
		for (const item of found) {
			const p = patchOfItem[item];
			const result = shareOf(prepared, s, patchAt(p), whole);
			hitPatch.push(p);
			hitShare.push(result.share);
			hitPoint.push(result.pointInside ? 1 : 0);
			if (result.share > 0) pieces.push({ patch: p, share: result.share, piece: result.piece });
		}
		hitStart[i + 1] = hitPatch.length;
		if (!account) continue;
		const result = accountArea(hand, shape.area, pieces, mayOverlap);
		covered[i] = result.covered;
		doubled[i] = result.doubleCounted;
		for (const [p, share] of result.perPatch) {
			perPatch.push(p);
			perShare.push(share);
		}
		perStart[i + 1] = perPatch.length;
		for (const [a, b, share] of result.pairs) {
			pairA.push(a);
			pairB.push(b);
			pairShare.push(share);
		}
		pairStart[i + 1] = pairA.length;
	}
	const after = statsNow();
	return {
		lo,
		hi: lo + count,
		hitStart,
		hitPatch: Int32Array.from(hitPatch),
		hitShare: Float64Array.from(hitShare),
		hitPoint: Uint8Array.from(hitPoint),
		covered,
		doubled,
		perStart,
		perPatch: Int32Array.from(perPatch),
		perShare: Float64Array.from(perShare),
		pairStart,
		pairA: Int32Array.from(pairA),
		pairB: Int32Array.from(pairB),
		pairShare: Float64Array.from(pairShare),
		stats: {
			clipCount: after.clipCount - before.clipCount,
			wholeCount: after.wholeCount - before.wholeCount,
			outsideCount: after.outsideCount - before.outsideCount
		}
	};
}

/** Whether two patches overlap anywhere, worked out once per pair. */
export function overlapCache(
	patchAt: ProgrammePatches['patchAt']
): (a: number, b: number) => boolean {
	const known = new Map<number, boolean>();
	return (a, b) => {
		// Pair keys as one number: patch numbers stay far below 2^26.
		const key = a < b ? a * 67_108_864 + b : b * 67_108_864 + a;
		let found = known.get(key);
		if (found === undefined) {
			found = patchesOverlap(patchAt(a), patchAt(b));
			known.set(key, found);
		}
		return found;
	};
}
