import { describe, expect, it } from 'vitest';
import { boundaryMeets, preparePatch, shapeBoundaryMeets } from './patch';
import { prepareSmallAreas } from './prepare';
import { gridAreas, gridPatch, gridRect, gx, gy } from './test/grid';

const prepared = prepareSmallAreas(gridAreas(6, 6));
const cells = prepared.codes.map((code, s) => ({ code, shape: prepared.shapes[s] }));
const polygon = (points: [number, number][]): GeoJSON.Polygon => ({
	type: 'Polygon',
	coordinates: [[...points.map(([i, j]) => [gx(i), gy(j)]), [gx(points[0][0]), gy(points[0][1])]]]
});

describe('shapeBoundaryMeets', () => {
	it('finds the cells a rectangle’s boundary crosses or touches', () => {
		// Sides at x = 1.5 and y = 1.5 cross cells; sides at x = 4 and y = 4 run along cell borders,
		// touching the cells on both sides of them.
		const patch = preparePatch(prepared, gridPatch(1, 'Rectangle', gridRect(1.5, 1.5, 4, 4)));
		const met = cells.filter((cell) => shapeBoundaryMeets(patch.shape, cell.shape));
		expect(met.map((cell) => cell.code).sort()).toEqual(
			[
				...['c1-1', 'c1-2', 'c1-3', 'c1-4'],
				...['c2-1', 'c2-3', 'c2-4'],
				...['c3-1', 'c3-2', 'c3-3', 'c3-4'],
				...['c4-1', 'c4-2', 'c4-3', 'c4-4']
			].sort()
		);
	});

	it('agrees with boundaryMeets, which uses the patch’s edge index, cell by cell', () => {
		const patches = [
			polygon([
				[0.3, 0.2],
				[5.1, 1.7],
				[2.5, 2.5],
				[4.4, 5.6],
				[0.8, 4]
			]),
			// A diamond with corners on cell corners, and a thin sliver along a row of borders.
			polygon([
				[3, 0],
				[6, 3],
				[3, 6],
				[0, 3]
			]),
			polygon([
				[0, 2],
				[6, 2],
				[6, 2.01],
				[0, 2.01]
			])
		].map((geometry, i) => preparePatch(prepared, gridPatch(i, `P${i}`, geometry)));
		for (const patch of patches) {
			const fast = cells.filter((cell) => shapeBoundaryMeets(patch.shape, cell.shape));
			const indexed = cells.filter((cell) => boundaryMeets(patch, cell.shape));
			expect(fast.map((cell) => cell.code)).toEqual(indexed.map((cell) => cell.code));
			expect(fast.length).toBeGreaterThan(0);
			expect(fast.length).toBeLessThan(cells.length);
		}
	});
});
