import { describe, expect, it } from 'vitest';
import { isSimpleUnion, unionBoundary, unionRings } from './rings';

// A 3 x 2 grid of unit squares; vertex id = x + 4y (x 0-3, y 0-2), every square anticlockwise.
const square = (x: number, y: number) => [
	x + 4 * y,
	x + 1 + 4 * y,
	x + 1 + 4 * (y + 1),
	x + 4 * (y + 1)
];

describe('unionBoundary', () => {
	it('cancels the shared edge of two squares, leaving one ring of six vertices', () => {
		const { rings, pinched } = unionBoundary([square(0, 0), square(1, 0)]);
		expect(pinched).toBe(false);
		expect(rings).toEqual([[0, 1, 2, 6, 5, 4]]);
	});

	it('gives two rings for two squares that do not touch', () => {
		expect(unionBoundary([square(0, 0), square(2, 0)]).rings).toHaveLength(2);
	});

	it('reports a pinch when two squares touch only at a corner', () => {
		const result = unionBoundary([square(0, 0), square(1, 1)]);
		expect(result.pinched).toBe(true);
		expect(isSimpleUnion([square(0, 0), square(1, 1)])).toBe(false);
	});

	it('finds a hole: a ring of eight squares around a missing middle gives an outer ring and a hole', () => {
		// A 3 x 3 grid needs ids x + 4y with y up to 3.
		const cells = [];
		for (let x = 0; x < 3; x++)
			for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) cells.push(square(x, y));
		const { rings } = unionBoundary(cells);
		expect(rings).toHaveLength(2);
		expect(isSimpleUnion(cells)).toBe(false);
	});

	it('is simple for a solid block', () => {
		expect(isSimpleUnion([square(0, 0), square(1, 0), square(0, 1), square(1, 1)])).toBe(true);
	});

	it('is not simple when empty', () => {
		expect(isSimpleUnion([])).toBe(false);
	});
});

describe('unionRings', () => {
	it('unions closed GeoJSON rings by their coordinates', () => {
		const a = [
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0]
		];
		const b = [
			[1, 0],
			[2, 0],
			[2, 1],
			[1, 1],
			[1, 0]
		];
		expect(unionRings([a, b])).toEqual([
			[
				[0, 0],
				[1, 0],
				[2, 0],
				[2, 1],
				[1, 1],
				[0, 1],
				[0, 0]
			]
		]);
	});
});
