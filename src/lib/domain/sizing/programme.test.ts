import { describe, expect, it } from 'vitest';
import {
	checkProgramme,
	prepareSmallAreas,
	resetSizingStats,
	sizingStats,
	type ProgrammeCheck
} from './index';
import { gridAreas, gridPatch, gridRect } from './test/grid';

// 6 columns × 4 rows of small areas with different populations (so errors cannot cancel out).
const areas = gridAreas(6, 4, (i, j) => 500 + 100 * i + 37 * j);
const prepared = prepareSmallAreas(areas);
const total = areas.reduce((sum, a) => sum + a.population, 0);

// Overlapping and gappy patches with edges through small areas; no point is in all three.
const patches = [
	gridPatch(1, 'North-west', gridRect(0, 1.5, 3.3, 4)),
	gridPatch(2, 'South-west', gridRect(0, 0, 2.6, 2.2)),
	gridPatch(3, 'East', gridRect(2.8, 0.7, 6, 3.6))
];

function sumOfPatches(check: ProgrammeCheck): number {
	return check.patches.reduce((sum, p) => sum + p.population, 0);
}

describe('checkProgramme: overlap accounting', () => {
	for (const method of ['areal', 'centroid'] as const) {
		it(`adds up by the ${method} method: covered + uncovered = population, patches = covered + double-counted`, () => {
			const check = checkProgramme(prepared, patches, { method });
			const { population, covered, uncovered, doubleCounted } = check.totals;
			expect(population).toBe(total);
			expect(covered + uncovered).toBeCloseTo(population, 6);
			// No point is in three patches here, so each double-counted person is counted twice.
			expect(sumOfPatches(check)).toBeCloseTo(covered + doubleCounted, 3);
			expect(doubleCounted).toBeGreaterThan(0);
			expect(uncovered).toBeGreaterThan(0);
			const listed = check.uncoveredAreas.reduce((sum, a) => sum + a.people, 0);
			expect(listed).toBeCloseTo(uncovered, 6);
			const pairs = check.overlaps.reduce((sum, o) => sum + o.people, 0);
			expect(pairs).toBeCloseTo(doubleCounted, 3);
			for (const estimate of check.patches) {
				const shared = estimate.overlapsWith.reduce((sum, o) => sum + o.people, 0);
				expect(estimate.overlapPeople).toBeCloseTo(shared, 3);
			}
		});
	}

	it('names both patches of an overlap and how many people they share', () => {
		// Column 1 rows 0-1 (600 and 637 people) are in both; 40% of column 2 rows 0-1 too.
		const pair = [
			gridPatch(10, 'Left', gridRect(0, 0, 3, 2)),
			gridPatch(11, 'Right', gridRect(1, 0, 2.4, 2))
		];
		const check = checkProgramme(prepared, pair);
		const shared = 600 + 637 + 0.4 * (700 + 737);
		expect(check.overlaps).toEqual([
			{ a: 10, b: 11, aName: 'Left', bName: 'Right', people: expect.closeTo(shared, 1) }
		]);
		expect(check.patches[0].overlapsWith).toEqual([
			{ id: 11, name: 'Right', people: expect.closeTo(shared, 1) }
		]);
		expect(check.patches[1].overlapPeople).toBeCloseTo(shared, 1);
	});

	it('counts people in three patches once in the double-counted total', () => {
		const three = [1, 2, 3].map((id) => gridPatch(id, `Copy ${id}`, gridRect(0, 0, 1, 1)));
		const check = checkProgramme(prepared, three);
		expect(check.totals.doubleCounted).toBeCloseTo(500, 6);
		expect(check.totals.covered).toBeCloseTo(500, 6);
		expect(check.overlaps).toHaveLength(3);
		for (const estimate of check.patches) expect(estimate.overlapPeople).toBeCloseTo(500, 6);
	});

	it('finds people in no patch, by small area', () => {
		const check = checkProgramme(prepared, [
			gridPatch(1, 'All but the last column', gridRect(0, 0, 5.5, 4))
		]);
		const lastColumn = [0, 1, 2, 3].map((j) => 500 + 500 + 37 * j);
		expect(check.uncoveredAreas.map((a) => a.code)).toEqual(['c5-0', 'c5-1', 'c5-2', 'c5-3']);
		expect(check.totals.uncovered).toBeCloseTo(lastColumn.reduce((s, p) => s + p, 0) / 2, 3);
	});

	it('runs the centroid method without clipping anything when not asked to compare', () => {
		resetSizingStats();
		const check = checkProgramme(prepared, patches, { method: 'centroid', compare: false });
		expect(sizingStats.clipCount).toBe(0);
		expect(check.patches[0].areal).toBeNaN();
		expect(check.patches[0].difference).toBeNaN();
		const compared = checkProgramme(prepared, patches, { method: 'centroid' });
		expect(check.patches.map((p) => p.centroid)).toEqual(compared.patches.map((p) => p.centroid));
		expect(check.totals).toEqual(compared.totals);
		expect(compared.patches[0].areal).not.toBeNaN();
	});

	it('gives every patch both estimates and its difference', () => {
		const check = checkProgramme(prepared, patches);
		for (const estimate of check.patches) {
			expect(estimate.difference).toBeCloseTo(estimate.areal - estimate.centroid, 9);
			expect(estimate.population).toBe(estimate.areal);
		}
	});

	it('counts everyone as uncovered when there are no patches', () => {
		const check = checkProgramme(prepared, []);
		expect(check.patches).toEqual([]);
		expect(check.totals).toEqual({
			population: total,
			covered: 0,
			uncovered: total,
			doubleCounted: 0
		});
		expect(check.uncoveredAreas).toHaveLength(areas.length);
	});

	it('refuses two patches with the same id', () => {
		expect(() =>
			checkProgramme(prepared, [
				gridPatch(1, 'A', gridRect(0, 0, 1, 1)),
				gridPatch(1, 'B', gridRect(1, 0, 2, 1))
			])
		).toThrow('Patch "B" (id 1) has the same id as another patch');
	});

	it('counts a small area whose point lies on the border of two patches in exactly one', () => {
		// Every point here sits on a border: the middles of the cells are on the lines x = i + 0.5.
		const halves = [
			gridPatch(1, 'West', gridRect(-1, -1, 2.5, 5)),
			gridPatch(2, 'East', gridRect(2.5, -1, 7, 5))
		];
		const check = checkProgramme(prepared, halves, { method: 'centroid' });
		expect(check.totals.doubleCounted).toBe(0);
		expect(check.totals.uncovered).toBe(0);
		expect(check.patches[0].centroid + check.patches[1].centroid).toBe(total);
	});
});
