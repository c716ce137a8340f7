import { describe, expect, it } from 'vitest';
import { packPatches, unpackPatches } from './pack-patches';
import type { PatchInput } from './types';

const square = (x: number, y: number, s: number) => [
	[x, y],
	[x + s, y],
	[x + s, y + s],
	[x, y + s],
	[x, y]
];

describe('packPatches', () => {
	it('gives back the same patches: polygons with holes, multipolygons, ids and names', () => {
		const patches: PatchInput[] = [
			{
				id: 1,
				name: 'North',
				geometry: {
					type: 'Polygon',
					coordinates: [square(-2.3, 53.4, 0.1), square(-2.28, 53.42, 0.01)]
				}
			},
			{
				id: 'south-2',
				name: 'South',
				geometry: {
					type: 'MultiPolygon',
					coordinates: [
						[square(-2.1, 53.4, 0.05)],
						[square(-2.0, 53.4, 0.05), square(-1.99, 53.41, 0.01)]
					]
				}
			}
		];
		const packed = packPatches(patches)!;
		expect(packed.coords).toBeInstanceOf(Float64Array);
		expect(unpackPatches(structuredClone(packed))).toEqual(patches);
	});

	it('does not pack a patch that is not a polygon of number pairs (it is posted as it is)', () => {
		const line = {
			id: 3,
			name: 'Line',
			geometry: {
				type: 'LineString',
				coordinates: [
					[0, 0],
					[1, 1]
				]
			}
		};
		expect(packPatches([line as unknown as PatchInput])).toBeNull();
		const text = {
			id: 4,
			name: 'Text',
			geometry: { type: 'Polygon', coordinates: [[['0', '0']]] }
		};
		expect(packPatches([text as unknown as PatchInput])).toBeNull();
	});
});
