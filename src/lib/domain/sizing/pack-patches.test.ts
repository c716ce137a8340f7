import { describe, expect, it } from 'vitest';
import { arraySource, packedSource, packPatches, unpackPatches } from './pack-patches';
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

	it('packs into the memory it is given when that is large enough', () => {
		const patches: PatchInput[] = [
			{ id: 1, name: 'A', geometry: { type: 'Polygon', coordinates: [square(-2.3, 53.4, 0.1)] } }
		];
		const memory = new Float64Array(new SharedArrayBuffer(8 * 64)).fill(7);
		const packed = packPatches(patches, memory)!;
		expect(packed.coords.buffer).toBe(memory.buffer);
		expect(packed.coords).toHaveLength(10);
		expect(unpackPatches(packed)).toEqual(patches);
		const small = new Float64Array(4);
		expect(packPatches(patches, small)!.coords.buffer).not.toBe(small.buffer);
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

describe('packedSource', () => {
	const patches: PatchInput[] = [
		{ id: 1, name: 'A', geometry: { type: 'Polygon', coordinates: [square(-2.3, 53.4, 0.1)] } },
		{ id: 2, name: 'Empty', geometry: { type: 'Polygon', coordinates: [] } },
		{
			id: 3,
			name: 'B',
			geometry: {
				type: 'MultiPolygon',
				coordinates: [[square(-2.1, 53.4, 0.05)], [square(-2.0, 53.5, 0.05)]]
			}
		}
	];

	it('gives each patch alone, and its extent, as the array would', () => {
		const packed = packedSource(packPatches(patches)!);
		const plain = arraySource(patches);
		expect(packed.count).toBe(3);
		for (const p of [2, 0, 1]) {
			expect(packed.at(p)).toEqual(patches[p]);
			expect(packed.lonLatBox(p)).toEqual(plain.lonLatBox(p));
		}
		expect(packed.lonLatBox(2)).toEqual([-2.1, 53.4, -1.95, 53.55]);
		expect(packed.lonLatBox(1)).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
	});

	it('gives the rings of each patch flat, read in place from the packed coordinates', () => {
		const packed = packPatches(patches)!;
		const source = packedSource(packed);
		const plain = arraySource(patches);
		for (const p of [0, 1, 2]) {
			const rings = source.rings(p)!.map((polygon) => polygon.map((ring) => Array.from(ring)));
			expect(rings).toEqual(plain.rings(p));
		}
		expect(source.rings(2)).toHaveLength(2);
		expect(source.rings(1)).toEqual([[]]);
		expect(Array.from(source.rings(0)![0][0]).slice(0, 4)).toEqual(
			square(-2.3, 53.4, 0.1).slice(0, 2).flat()
		);
		// A view, not a copy: the same memory as the packed coordinates.
		expect((source.rings(0)![0][0] as Float64Array).buffer).toBe(packed.coords.buffer);
		const line = { id: 5, name: 'Line', geometry: { type: 'LineString', coordinates: [] } };
		expect(arraySource([line as unknown as PatchInput]).rings(0)).toBeNull();
	});

	it('gives no extent for a patch with a point that is not a longitude and latitude', () => {
		const grid: PatchInput = {
			id: 4,
			name: 'Grid',
			geometry: { type: 'Polygon', coordinates: [square(380000, 390000, 100)] }
		};
		expect(packedSource(packPatches([grid])!).lonLatBox(0)).toBeNull();
		expect(arraySource([grid]).lonLatBox(0)).toBeNull();
	});
});
