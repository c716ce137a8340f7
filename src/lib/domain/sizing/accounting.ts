/**
 * Where patches meet inside one small area: how much of it is covered at all, how much by two or
 * more patches, and how much each pair shares. Works on the shares from shares.ts; the pieces
 * themselves (Clipper paths) are made only where two patches' pieces may overlap, and only small
 * areas that two such patches both reach are clipped again.
 */
import { Clipper, FillRule, type Paths64 } from 'clipper2-ts';
import { clipRingsToBox } from './box-clip';
import { overlapStats, patchesOverlapBy } from './overlap-area';
import type { PreparedPatch } from './patch';
import { pathsArea } from './plane';
import { sizingStats } from './shares';

/**
 * Shares of a small area this small are rounding along a shared border (clipped corners land on
 * 1 mm integers), not real gaps or overlaps: 1e-4 of a 300-person Output Area is 0.03 people.
 */
export const COVER_NOISE = 1e-4;

/**
 * Whether two patches overlap anywhere (more than rounding). Patches that tile (the usual case)
 * share borders but no area; knowing that once per pair saves clipping their two pieces of every
 * small area along the border against each other.
 */
export function patchesOverlap(a: PreparedPatch, b: PreparedPatch): boolean {
	const tolerance = 1e-9 * Math.min(a.shape.area, b.shape.area);
	// Measured from the boundaries when both patches are simple (overlap-area.ts), else clipped.
	const exact = patchesOverlapBy(a, b, tolerance);
	if (exact !== null) {
		overlapStats.pairsExact++;
		return exact;
	}
	overlapStats.pairsFallback++;
	const box = {
		minX: Math.max(a.shape.minX, b.shape.minX) - 4,
		minY: Math.max(a.shape.minY, b.shape.minY) - 4,
		maxX: Math.min(a.shape.maxX, b.shape.maxX) + 4,
		maxY: Math.min(a.shape.maxY, b.shape.maxY) + 4
	};
	if (box.minX > box.maxX || box.minY > box.maxY) return false;
	const nearA = clipRingsToBox(a.shape.rings, box);
	const nearB = clipRingsToBox(b.shape.rings, box);
	if (nearA.length === 0 || nearB.length === 0) return false;
	sizingStats.clipCount++;
	const shared = pathsArea(Clipper.intersect(nearA, nearB, FillRule.NonZero));
	return shared > tolerance;
}

export interface PatchPiece {
	/** The patch's number in the programme. */
	patch: number;
	/** 0 < share ≤ 1. */
	share: number;
	/** The clipped part when share < 1: null until needed (SmallAreaInHand.cut makes it). */
	piece: Paths64 | null;
}

/** The small area being accounted for, as Clipper paths, made only when asked for. */
export interface SmallAreaInHand {
	/** The small area's own paths (the piece of a patch that covers it wholly). */
	whole: () => Paths64;
	/** The part of the small area inside patch p (a number in the programme). */
	cut: (patch: number) => Paths64;
}

export interface AreaAccount {
	/** Fraction of the small area in at least one patch. */
	covered: number;
	/** Fraction in two or more patches (counted once). */
	doubleCounted: number;
	/** Fraction each pair of patches shares, [a, b, share] with a < b. */
	pairs: [number, number, number][];
	/** Fraction of each patch's part that another patch also covers, by patch number. */
	perPatch: Map<number, number>;
}

const clean = (share: number) => (share < COVER_NOISE ? 0 : Math.min(1, share));

// Module-level helpers rather than closures made per small area: this runs for every small area a
// patch border crosses (hundreds of thousands in an England-sized check).
const shapeOf = (p: PatchPiece, hand: SmallAreaInHand) =>
	p.share < 1 ? (p.piece ??= hand.cut(p.patch)) : hand.whole();

/** The share two patches' pieces have in common, and its shape when it had to be clipped. */
function intersection(
	a: PatchPiece,
	b: PatchPiece,
	hand: SmallAreaInHand,
	area: number,
	mayOverlap: (a: number, b: number) => boolean
): { share: number; paths: Paths64 | null } {
	if (a.share === 1) return { share: b.share, paths: null };
	if (b.share === 1) return { share: a.share, paths: null };
	if (!mayOverlap(a.patch, b.patch)) return { share: 0, paths: null };
	sizingStats.clipCount++;
	const paths = Clipper.intersect(shapeOf(a, hand), shapeOf(b, hand), FillRule.NonZero);
	return { share: pathsArea(paths) / area, paths };
}

const always = () => true;

/**
 * Accounts for the patches that reach one small area.
 * @param hand the small area's paths and pieces, made when needed
 * @param area the small area's planar area
 * @param mayOverlap false for a pair of patches known not to overlap anywhere
 */
export function accountArea(
	hand: SmallAreaInHand,
	area: number,
	pieces: PatchPiece[],
	mayOverlap: (a: number, b: number) => boolean = always
): AreaAccount {
	const perPatch = new Map<number, number>();
	if (pieces.length === 0) return { covered: 0, doubleCounted: 0, pairs: [], perPatch };
	if (pieces.length === 1) {
		const covered = 1 - pieces[0].share < COVER_NOISE ? 1 : pieces[0].share;
		return { covered, doubleCounted: 0, pairs: [], perPatch };
	}
	const pairs: [number, number, number][] = [];
	const overlapShapes: Paths64[] = [];
	for (let i = 0; i < pieces.length; i++) {
		for (let j = i + 1; j < pieces.length; j++) {
			const a = pieces[i];
			const b = pieces[j];
			const { share, paths } = intersection(a, b, hand, area, mayOverlap);
			const shared = clean(share);
			if (shared === 0) continue;
			pairs.push(a.patch < b.patch ? [a.patch, b.patch, shared] : [b.patch, a.patch, shared]);
			overlapShapes.push(paths ?? shapeOf(a.share === 1 ? b : a, hand));
		}
	}
	if (pieces.length === 2) {
		const shared = pairs.length > 0 ? pairs[0][2] : 0;
		for (const p of pieces) if (shared > 0) perPatch.set(p.patch, shared);
		const covered = pieces[0].share + pieces[1].share - shared;
		return {
			covered: 1 - covered < COVER_NOISE ? 1 : clean(covered),
			doubleCounted: shared,
			pairs,
			perPatch
		};
	}
	return accountMany(hand, area, pieces, pairs, overlapShapes, perPatch, mayOverlap);
}

/** Three or more patches reach one small area: rare, so plain unions are fine. */
function accountMany(
	hand: SmallAreaInHand,
	area: number,
	pieces: PatchPiece[],
	pairs: [number, number, number][],
	overlapShapes: Paths64[],
	perPatch: Map<number, number>,
	mayOverlap: (a: number, b: number) => boolean
): AreaAccount {
	if (
		pieces.every(
			(p, i) => p.share < 1 && pieces.every((o, j) => j <= i || !mayOverlap(p.patch, o.patch))
		)
	) {
		// No two of the pieces may overlap (patches that tile): they cover the sum of their shares,
		// as the union would find up to rounding, and share nothing (no pair, no per-patch overlap).
		let sum = 0;
		for (const p of pieces) sum += p.share;
		return { covered: 1 - sum < COVER_NOISE ? 1 : clean(sum), doubleCounted: 0, pairs, perPatch };
	}
	sizingStats.clipCount++;
	const covered = pieces.some((p) => p.share === 1)
		? 1
		: pathsArea(
				Clipper.union(
					pieces.flatMap((p) => shapeOf(p, hand)),
					FillRule.NonZero
				)
			) / area;
	const doubleCounted =
		overlapShapes.length === 0
			? 0
			: pathsArea(Clipper.union(overlapShapes.flat(), FillRule.NonZero)) / area;
	for (const p of pieces) {
		// A patch whose pieces here share nothing with the others' (no pair listed above, and none
		// that may overlap at all) has no overlap here: the clip would find only rounding.
		if (
			!pieces.some(
				(o) => o !== p && (o.share === 1 || p.share === 1 || mayOverlap(o.patch, p.patch))
			)
		)
			continue;
		const others = pieces.filter((o) => o !== p).flatMap((o) => shapeOf(o, hand));
		const shared = pathsArea(Clipper.intersect(shapeOf(p, hand), others, FillRule.NonZero)) / area;
		if (clean(shared) > 0) perPatch.set(p.patch, clean(shared));
	}
	return {
		covered: 1 - covered < COVER_NOISE ? 1 : clean(covered),
		doubleCounted: clean(doubleCounted),
		pairs,
		perPatch
	};
}
