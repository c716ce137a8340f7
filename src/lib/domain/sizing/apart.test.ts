import { describe, expect, it } from 'vitest';
import { Clipper, FillRule } from 'clipper2-ts';
import { wholeOrNone } from './apart';
import { preparePatch } from './patch';
import { pathsArea, toPaths } from './plane';
import { prepareSmallAreas } from './prepare';
import { resetSizingStats, shareOf, sizingStats } from './shares';
import { gridPatch, gx, gy } from './test/grid';

// One small area: a diamond inside grid cell (0, 0), touching the middle of each side of the cell.
const diamond: GeoJSON.Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[gx(0.5), gy(0)],
			[gx(1), gy(0.5)],
			[gx(0.5), gy(1)],
			[gx(0), gy(0.5)],
			[gx(0.5), gy(0)]
		]
	]
};
const prepared = prepareSmallAreas([{ code: 'd', population: 1000, geometry: diamond }]);
const shape = prepared.shapes[0];
const polygon = (points: [number, number][]): GeoJSON.Polygon => ({
	type: 'Polygon',
	coordinates: [[...points.map(([i, j]) => [gx(i), gy(j)]), [gx(points[0][0]), gy(points[0][1])]]]
});
/** The share Clipper gives for the whole small area against the whole patch. */
const clipped = (patch: ReturnType<typeof preparePatch>) =>
	pathsArea(Clipper.intersect(toPaths(shape), toPaths(patch.shape), FillRule.NonZero)) / shape.area;

describe('wholeOrNone', () => {
	it('settles a small area that a patch border passes by inside its box, as the clip would', () => {
		// A patch whose corner cuts the cell's corner, missing the diamond: the border crosses the
		// small area's box but not the small area, which lies wholly inside the patch.
		const around = preparePatch(
			prepared,
			gridPatch(
				1,
				'Around',
				polygon([
					[0.1, -1],
					[3, -1],
					[3, 3],
					[-1, 3],
					[-1, 0.1]
				])
			)
		);
		expect(wholeOrNone(around, shape)).toBe(1);
		expect(clipped(around)).toBeCloseTo(1, 12);
		// The cell's corner alone: the diamond is wholly outside.
		const corner = preparePatch(
			prepared,
			gridPatch(
				2,
				'Corner',
				polygon([
					[-1, -1],
					[0.2, -1],
					[-1, 0.2]
				])
			)
		);
		expect(wholeOrNone(corner, shape)).toBe(0);
		expect(clipped(corner)).toBe(0);
		resetSizingStats();
		expect(shareOf(prepared, 0, around).share).toBe(1);
		expect(shareOf(prepared, 0, corner).share).toBe(0);
		expect(sizingStats.clipCount).toBe(0);
	});

	it('leaves to the clip a border that crosses, touches, or lies within the small area', () => {
		const crossing = preparePatch(
			prepared,
			gridPatch(
				3,
				'Half',
				polygon([
					[-1, -1],
					[0.5, -1],
					[0.5, 2],
					[-1, 2]
				])
			)
		);
		expect(wholeOrNone(crossing, shape)).toBeNull();
		// Touching at one corner of the diamond only.
		const touching = preparePatch(
			prepared,
			gridPatch(
				4,
				'Touch',
				polygon([
					[1, 0.5],
					[2, 0],
					[2, 1]
				])
			)
		);
		expect(wholeOrNone(touching, shape)).toBeNull();
		// A small patch wholly inside the diamond: no edges meet, but it takes part of it.
		const island = preparePatch(
			prepared,
			gridPatch(
				5,
				'Island',
				polygon([
					[0.4, 0.4],
					[0.6, 0.4],
					[0.6, 0.6],
					[0.4, 0.6]
				])
			)
		);
		expect(wholeOrNone(island, shape)).toBeNull();
		resetSizingStats();
		expect(shareOf(prepared, 0, island).share).toBeCloseTo(0.08, 6);
		expect(shareOf(prepared, 0, crossing).share).toBeCloseTo(0.5, 6);
		expect(sizingStats.clipCount).toBe(2);
	});
});
