import { Clipper, FillRule, type Paths64 } from 'clipper2-ts';
import { describe, expect, it } from 'vitest';
import { accountArea, type PatchPiece, type SmallAreaInHand } from './accounting';

const rect = (x0: number, y0: number, x1: number, y1: number): Paths64 => [
	[
		{ x: x0, y: y0 },
		{ x: x1, y: y0 },
		{ x: x1, y: y1 },
		{ x: x0, y: y1 }
	]
];

/** A 300 × 100 small area and patches given as rectangles; pieces are clipped only when asked. */
function inHand(patches: Paths64[]) {
	const whole = rect(0, 0, 300, 100);
	const asked: number[] = [];
	const hand: SmallAreaInHand = {
		whole: () => whole,
		cut: (p) => {
			asked.push(p);
			return Clipper.intersect(whole, patches[p], FillRule.NonZero);
		}
	};
	const pieces: PatchPiece[] = patches.map((paths, patch) => ({
		patch,
		share: Clipper.areaPaths(Clipper.intersect(whole, paths, FillRule.NonZero)) / 30_000,
		piece: null
	}));
	return { hand, pieces, asked };
}

describe('accountArea', () => {
	it('adds up three patches that tile a small area without clipping their pieces', () => {
		const { hand, pieces, asked } = inHand([
			rect(-10, -10, 100, 110),
			rect(100, -10, 200, 110),
			rect(200, -10, 310, 110)
		]);
		const account = accountArea(hand, 30_000, pieces, () => false);
		expect(account).toEqual({ covered: 1, doubleCounted: 0, pairs: [], perPatch: new Map() });
		expect(asked).toEqual([]);
	});

	it('leaves a gap uncovered when three tiling patches do not reach across', () => {
		const { hand, pieces } = inHand([
			rect(-10, -10, 90, 110),
			rect(100, -10, 200, 110),
			rect(200, -10, 310, 110)
		]);
		const account = accountArea(hand, 30_000, pieces, () => false);
		expect(account.covered).toBeCloseTo(29 / 30, 12);
		expect(account.doubleCounted).toBe(0);
	});

	it('clips the pieces of patches that may overlap, and finds their overlap', () => {
		const { hand, pieces, asked } = inHand([
			rect(-10, -10, 120, 110),
			rect(100, -10, 200, 110),
			rect(200, -10, 310, 110)
		]);
		// Only patches 0 and 1 may overlap (they do, from x = 100 to 120: a fifteenth).
		const account = accountArea(hand, 30_000, pieces, (a, b) => a + b === 1);
		expect(account.covered).toBe(1);
		expect(account.doubleCounted).toBeCloseTo(1 / 15, 12);
		expect(account.pairs).toEqual([[0, 1, expect.closeTo(1 / 15, 12)]]);
		expect([...account.perPatch.keys()].sort()).toEqual([0, 1]);
		expect(asked.sort()).toEqual([0, 1, 2]);
	});
});
