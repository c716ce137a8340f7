import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../geometry';
import { validatePatchGeometry } from '../sizing';
import { edgesThrough, whereItCrosses } from './crossings';

const crossingOf = (geometry: AreaGeometry) =>
	validatePatchGeometry(geometry).find((problem) => problem.kind === 'self_intersection')!;

describe('where a boundary crosses itself', () => {
	it('names the place and the two edges of a bow tie', () => {
		const bowTie: AreaGeometry = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[0.02, 0.01],
					[0.02, 0],
					[0, 0.01],
					[0, 0]
				]
			]
		};
		expect(whereItCrosses(bowTie, crossingOf(bowTie))).toBe(
			": near 0.00500, 0.01000 (latitude, longitude), where the outer ring's edge from point 1 to point 2 and the outer ring's edge from point 3 to point 4 cross"
		);
	});

	it('names the part and the hole in a multipolygon, with the closing edge back to point 1', () => {
		const geometry: AreaGeometry = {
			type: 'MultiPolygon',
			coordinates: [
				[
					[
						[10, 10],
						[10.01, 10],
						[10.01, 10.01],
						[10, 10]
					]
				],
				[
					[
						[0, 0],
						[0.1, 0],
						[0.1, 0.1],
						[0, 0.1],
						[0, 0]
					],
					[
						[0.02, 0.02],
						[0.06, 0.06],
						[0.06, 0.02],
						[0.02, 0.06],
						[0.02, 0.02]
					]
				]
			]
		};
		expect(edgesThrough(geometry, [0.04, 0.04])).toEqual([
			"part 2's hole 1's edge from point 1 to point 2",
			"part 2's hole 1's edge from point 3 to point 4"
		]);
		expect(edgesThrough(geometry, [0, 0.05])).toEqual([
			"part 2's outer ring's edge from point 4 to point 1"
		]);
	});

	it('lists three places and counts the rest', () => {
		const problem = {
			kind: 'self_intersection' as const,
			message: 'The boundary crosses itself at 5 points',
			at: [0, 1, 2, 3, 4].map((i) => [i, 50] as [number, number])
		};
		const square: AreaGeometry = {
			type: 'Polygon',
			coordinates: [
				[
					[-20, -20],
					[-19, -20],
					[-19, -19],
					[-20, -20]
				]
			]
		};
		expect(whereItCrosses(square, problem)).toBe(
			': near 50.00000, 0.00000 (latitude, longitude); near 50.00000, 1.00000 (latitude, longitude); near 50.00000, 2.00000 (latitude, longitude); and 2 more'
		);
	});
});
