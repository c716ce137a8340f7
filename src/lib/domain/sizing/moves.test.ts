import { describe, expect, it } from 'vitest';
import { bandFor } from '../bands';
import { checkProgramme, MAX_MOVES, prepareSmallAreas } from './index';
import { gridAreas, gridPatch, gridRect } from './test/grid';

// 8 columns × 4 rows, 1,000 people each (column 3 a little lighter, so moves have an order).
const areas = gridAreas(8, 4, (i, j) => (i === 3 ? 1000 - 10 * j : 1000));
const prepared = prepareSmallAreas(areas);
const people = new Map(areas.map((a) => [a.code, a.population]));

describe('suggested moves', () => {
	it('moves edge small areas from a patch over the limit to a small neighbour, fixing both', () => {
		// Big: columns 0-3 (15,940 people, over the limit); Little: columns 4-5 (8,000, small).
		const check = checkProgramme(prepared, [
			gridPatch(1, 'Big', gridRect(0, 0, 4, 4)),
			gridPatch(2, 'Little', gridRect(4, 0, 6, 4))
		]);
		const [big, little] = check.patches;
		expect(big.band).toBe('over');
		expect(little.band).toBe('small');
		// Only column 3 touches Little; the heaviest go first. 15,940 − 3,940 = 12,000 and
		// 8,000 + 3,940 = 11,940: both usual.
		expect(big.suggestedMoves.map((m) => m.code)).toEqual(['c3-0', 'c3-1', 'c3-2', 'c3-3']);
		for (const move of big.suggestedMoves) {
			expect(move).toMatchObject({ neighbourId: 2, neighbourName: 'Little', direction: 'out' });
			expect(move.people).toBeCloseTo(people.get(move.code)!, 6);
		}
		const moved = big.suggestedMoves.reduce((sum, m) => sum + m.people, 0);
		expect(bandFor(big.population - moved)).toBe('usual');
		expect(bandFor(little.population + moved)).toBe('usual');

		// From the small patch's side: bring in just enough from Big's edge to reach the usual size
		// (8,000 + 1,000 + 990 = 9,990 is still small; + 980 = 10,970).
		expect(little.suggestedMoves.map((m) => [m.code, m.direction, m.neighbourName])).toEqual([
			['c3-0', 'in', 'Big'],
			['c3-1', 'in', 'Big'],
			['c3-2', 'in', 'Big']
		]);
		const brought = little.suggestedMoves.reduce((sum, m) => sum + m.people, 0);
		expect(bandFor(little.population + brought)).toBe('usual');
	});

	it('never pushes a neighbour out of the usual size', () => {
		// Big: columns 0-3 (15,940); Full: columns 4-7 rows 0-2 (12,000, the top of usual).
		const check = checkProgramme(prepared, [
			gridPatch(1, 'Big', gridRect(0, 0, 4, 4)),
			gridPatch(2, 'Full', gridRect(4, 0, 8, 3))
		]);
		expect(check.patches[1].band).toBe('usual');
		expect(check.patches[0].suggestedMoves).toEqual([]);
	});

	it('suggests nothing for a patch within the usual size', () => {
		const check = checkProgramme(prepared, [
			gridPatch(1, 'Usual', gridRect(0, 0, 3, 4)),
			gridPatch(2, 'Small', gridRect(3, 0, 5, 4))
		]);
		expect(check.patches[0].band).toBe('usual');
		expect(check.patches[0].suggestedMoves).toEqual([]);
	});

	it(`lists at most ${MAX_MOVES} moves`, () => {
		// Two columns of 20: West 20 × 100 = 2,000 people, East 20 × 10 = 200. With a usual size of
		// 1,000-1,400, West needs 6 moves out and East 8 in; each list stops at the cap.
		const limits = { smallMin: 500, usualMin: 1000, usualMax: 1400, max: 1800 };
		const tall = prepareSmallAreas(gridAreas(2, 20, (i) => (i === 0 ? 100 : 10)));
		const check = checkProgramme(
			tall,
			[gridPatch(1, 'West', gridRect(0, 0, 1, 20)), gridPatch(2, 'East', gridRect(1, 0, 2, 20))],
			{ limits }
		);
		expect(check.patches.map((p) => p.band)).toEqual(['over', 'under']);
		expect(check.patches[0].suggestedMoves).toHaveLength(MAX_MOVES);
		expect(check.patches[1].suggestedMoves).toHaveLength(MAX_MOVES);
	});

	it('suggests moves by the centroid method too', () => {
		const check = checkProgramme(
			prepared,
			[gridPatch(1, 'Big', gridRect(0, 0, 4, 4)), gridPatch(2, 'Little', gridRect(4, 0, 6, 4))],
			{ method: 'centroid', compare: false }
		);
		expect(check.patches[0].suggestedMoves).toHaveLength(4);
	});
});
