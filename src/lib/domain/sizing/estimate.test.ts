import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { bandFor, sizingGuidance } from '../bands';
import {
	estimatePatch,
	patchAreaKm2,
	prepareSmallAreas,
	resetSizingStats,
	sizingStats
} from './index';
import { gridAreas, gridPatch, gridRect, gx, gy } from './test/grid';

// 5 columns × 4 rows of small areas, 1,000 people each.
const areas = gridAreas(5, 4);
const prepared = prepareSmallAreas(areas);

describe('estimatePatch', () => {
	it('counts whole small areas without clipping them, and clips only those on the edge', () => {
		// From the middle of column 0 to the middle of column 4, beyond the grid to north and south:
		// columns 1-3 are wholly inside and no patch edge comes near them.
		const patch = gridPatch(1, 'Middle', gridRect(0.5, -1, 4.5, 5));
		resetSizingStats();
		const estimate = estimatePatch(prepared, patch);
		expect(sizingStats.wholeCount).toBe(12);
		// Columns 0 and 4 are crossed by the patch's edge; nothing else is clipped.
		expect(sizingStats.clipCount).toBe(8);
		expect(estimate.areal).toBeCloseTo(16_000, 0);
	});

	it('skips small areas whose box the patch misses, before any polygon test', () => {
		const patch = gridPatch(2, 'Corner', gridRect(0, 0, 1, 1));
		resetSizingStats();
		estimatePatch(prepared, patch);
		// Only the 4 cells whose boxes touch the corner cell's box are looked at at all.
		expect(sizingStats.clipCount + sizingStats.wholeCount + sizingStats.outsideCount).toBe(4);
	});

	it('wires the population by the chosen method into the band and the guidance', () => {
		// Columns 0-2 whole, and 60% of column 3: areal 12,000 + 2,400, centroid 12,000 (the
		// points of column 3 sit at 50% across, inside the patch).
		const patch = gridPatch(3, 'West', gridRect(0, 0, 3.6, 4));
		const areal = estimatePatch(prepared, patch);
		expect(areal.areal).toBeCloseTo(14_400, 0);
		expect(areal.centroid).toBe(16_000);
		expect(areal.difference).toBeCloseTo(-1_600, 0);
		expect(areal.population).toBe(areal.areal);
		expect(areal.band).toBe('above_usual');
		expect(areal.guidance).toEqual(sizingGuidance(areal.areal));
		expect(areal.guidance.message).toBe(
			'Within the limit, but above the usual 12,000: remove about 2,400 people to reach the usual size'
		);

		const centroid = estimatePatch(prepared, patch, { method: 'centroid' });
		expect(centroid.method).toBe('centroid');
		expect(centroid.population).toBe(16_000);
		expect(centroid.band).toBe('over');
		expect(centroid.guidance.message).toBe('Remove about 1,000 people to be under 15,000');
	});

	it("uses the programme's own limits", () => {
		const limits = { smallMin: 2000, usualMin: 3000, usualMax: 4000, max: 5000 };
		const estimate = estimatePatch(prepared, gridPatch(4, 'One column', gridRect(0, 0, 1, 4)), {
			limits
		});
		expect(estimate.population).toBeCloseTo(4000, 6);
		expect(estimate.band).toBe(bandFor(4000, limits));
		expect(estimate.band).toBe('usual');
		expect(estimate.guidance.message).toBe('Within the usual size');
	});

	it('reports area on the sphere and density from it', () => {
		const geometry = gridRect(0, 0, 2, 2);
		const estimate = estimatePatch(prepared, gridPatch(5, 'Square', geometry));
		// From the projected shape, by Turf's own formula, within the 1 mm rounding of its corners.
		expect(estimate.areaKm2).toBeCloseTo(area(geometry) / 1e6, 5);
		expect(patchAreaKm2(geometry)).toBeCloseTo(1.77, 2);
		expect(estimate.densityPerKm2).toBeCloseTo(4000 / estimate.areaKm2, 6);
	});

	it('lists every small area it touches when asked, with people and whether its point is in', () => {
		const estimate = estimatePatch(prepared, gridPatch(6, 'Strip', gridRect(0, 0, 1.25, 1)), {
			withShares: true
		});
		expect(estimate.shares).toEqual([
			{ code: 'c0-0', share: 1, people: 1000, pointInside: true },
			{
				code: 'c1-0',
				share: expect.closeTo(0.25, 4),
				people: expect.closeTo(250, 1),
				pointInside: false
			}
		]);
		expect(
			estimatePatch(prepared, gridPatch(6, 'Strip', gridRect(0, 0, 1, 1))).shares
		).toBeUndefined();
	});

	it('leaves overlaps and moves to the programme check, and reports boundary problems', () => {
		const bowTie = gridPatch(7, 'Bow-tie', {
			type: 'Polygon',
			coordinates: [
				[
					[gx(0), gy(0)],
					[gx(2), gy(2)],
					[gx(2), gy(0)],
					[gx(0), gy(2)],
					[gx(0), gy(0)]
				]
			]
		});
		const estimate = estimatePatch(prepared, bowTie);
		expect(estimate.overlapPeople).toBe(0);
		expect(estimate.overlapsWith).toEqual([]);
		expect(estimate.suggestedMoves).toEqual([]);
		expect(estimate.problems.map((p) => p.message)).toEqual([
			'The boundary crosses itself at 1 point'
		]);
	});

	it('refuses British National Grid coordinates, naming the patch', () => {
		const grid = gridPatch(8, 'Sale Moor', {
			type: 'Polygon',
			coordinates: [
				[
					[378000, 392000],
					[379000, 392000],
					[379000, 393000],
					[378000, 392000]
				]
			]
		});
		expect(() => estimatePatch(prepared, grid)).toThrow(
			/^Patch "Sale Moor" \(id 8\) has a point \(378000, 392000\) that is not a longitude and latitude\. It looks like British National Grid/
		);
	});
});

describe('prepareSmallAreas', () => {
	it('refuses a code used twice, a bad population or a geometry that is not a polygon', () => {
		const [a, b] = gridAreas(2, 1);
		expect(() => prepareSmallAreas([a, { ...b, code: a.code }])).toThrow(
			'Small area c0-0 appears more than once'
		);
		expect(() => prepareSmallAreas([{ ...a, population: -1 }])).toThrow(
			'Small area c0-0 has a population that is not a number from 0 up: -1'
		);
		expect(() =>
			prepareSmallAreas([{ ...a, geometry: { type: 'Point', coordinates: [0, 0] } as never }])
		).toThrow('Small area c0-0 is not a polygon or multipolygon');
	});

	it('keeps a given representative point, and finds one strictly inside when absent', () => {
		const [a] = gridAreas(1, 1);
		const given = prepareSmallAreas([{ ...a, point: [gx(0.1), gy(0.1)] }]);
		expect([...given.lonLatPoints]).toEqual([gx(0.1), gy(0.1)]);
		const found = prepareSmallAreas([a]);
		expect(found.lonLatPoints[0]).toBeCloseTo(gx(0.5), 9);
		expect(found.lonLatPoints[1]).toBeCloseTo(gy(0.5), 9);
		expect(found.totalPopulation).toBe(1000);
	});

	it('works with no small areas at all', () => {
		const empty = prepareSmallAreas([]);
		const estimate = estimatePatch(empty, gridPatch(1, 'Alone', gridRect(0, 0, 1, 1)));
		expect(estimate.areal).toBe(0);
		expect(estimate.band).toBe('under');
	});
});
