import { Clipper, FillRule, type Paths64 } from 'clipper2-ts';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../demo/random';
import { EdgeIndex } from './edge-index';
import { overlapArea, patchesOverlapBy } from './overlap-area';
import type { PreparedPatch } from './patch';
import { pathsArea, ringArea, type PlaneShape } from './plane';
import { windsOnce } from './simple-rings';

type Ring = [number, number][];

/** A plane shape from rings given as points, wound as plane.ts winds them (holes after outers). */
function shapeOf(polygons: Ring[][]): PlaneShape {
	const rings: number[][] = [];
	let area = 0;
	for (const polygon of polygons) {
		polygon.forEach((points, index) => {
			let ring = points.flat();
			const signed = ringArea(ring);
			if (index === 0 ? signed < 0 : signed > 0) ring = points.slice().reverse().flat();
			area += Math.abs(signed) * (index === 0 ? 1 : -1);
			rings.push(ring);
		});
	}
	const xs = rings.flatMap((r) => r.filter((_, i) => i % 2 === 0));
	const ys = rings.flatMap((r) => r.filter((_, i) => i % 2 === 1));
	return {
		rings,
		minX: Math.min(...xs),
		minY: Math.min(...ys),
		maxX: Math.max(...xs),
		maxY: Math.max(...ys),
		area
	};
}

/** A patch as preparePatch makes one, from a plane shape. */
function patchOf(shape: PlaneShape): PreparedPatch {
	const edges: number[] = [];
	for (const ring of shape.rings) {
		const n = ring.length;
		for (let i = 0; i < n; i += 2)
			edges.push(ring[i], ring[i + 1], ring[(i + 2) % n], ring[(i + 3) % n]);
	}
	const input = { id: 1, name: 'Test', geometry: { type: 'Polygon' as const, coordinates: [] } };
	return { index: 0, input, shape, edgeIndex: new EdgeIndex(edges, 1, 2), paths: null };
}

/** Clipper's NonZero intersection area, on a grid `scale` times finer than the shapes' own. */
function clipperArea(a: PlaneShape, b: PlaneShape, scale = 1): number {
	const paths = (s: PlaneShape): Paths64 =>
		s.rings.map((ring) => {
			const path = [];
			for (let i = 0; i < ring.length; i += 2)
				path.push({ x: ring[i] * scale, y: ring[i + 1] * scale });
			return path;
		});
	return pathsArea(Clipper.intersect(paths(a), paths(b), FillRule.NonZero)) / scale / scale;
}

const square = (x0: number, y0: number, x1: number, y1: number): Ring => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1]
];

/** A star-shaped ring (concave, never crossing itself) round (cx, cy), radii within [r0, r1]. */
function star(random: () => number, cx: number, cy: number, r0: number, r1: number): Ring {
	const n = 5 + Math.floor(random() * 30);
	const angles = Array.from({ length: n }, () => random() * 2 * Math.PI).sort((p, q) => p - q);
	const ring: Ring = [];
	for (const angle of angles) {
		const r = r0 + random() * (r1 - r0);
		const point: [number, number] = [
			Math.round(cx + r * Math.cos(angle)),
			Math.round(cy + r * Math.sin(angle))
		];
		const last = ring[ring.length - 1];
		if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
	}
	return ring;
}

/** A random polygon or multipolygon with holes, in a 10,000-unit square. */
function randomShape(random: () => number): Ring[][] {
	const parts = random() < 0.3 ? 2 : 1;
	const polygons: Ring[][] = [];
	for (let p = 0; p < parts; p++) {
		// Two parts sit in separate halves, so they never overlap.
		const cx = parts === 1 ? 5000 + (random() - 0.5) * 2000 : 2500 + p * 5000;
		const cy = 5000 + (random() - 0.5) * 2000;
		const size = parts === 1 ? 2000 + random() * 2500 : 1000 + random() * 1400;
		const polygon = [star(random, cx, cy, size * 0.6, size)];
		if (random() < 0.4) polygon.push(star(random, cx, cy, size * 0.1, size * 0.5));
		polygons.push(polygon);
	}
	return polygons;
}

describe('overlapArea', () => {
	it('agrees with Clipper on 500 random pairs of concave shapes with holes and parts', () => {
		const random = mulberry32(20261207);
		let compared = 0;
		for (let pair = 0; pair < 500; pair++) {
			const a = shapeOf(randomShape(random));
			const b = shapeOf(randomShape(random));
			if (!windsOnce(a.rings) || !windsOnce(b.rings)) continue;
			const area = overlapArea(a, patchOf(b));
			expect(area).not.toBeNull();
			// Clipper rounds each crossing to its grid: on a grid 10,000 times finer, each crossing
			// moves the area by at most the shapes' width (10,000) times 1/10,000.
			const reference = clipperArea(a, b, 10_000);
			const crossings = a.rings.length * 40 + b.rings.length * 40;
			expect(Math.abs(area! - reference)).toBeLessThanOrEqual(crossings * 1 + 1e-9 * a.area);
			compared++;
		}
		// Some stars come out touching themselves after rounding: those are left to Clipper.
		expect(compared).toBeGreaterThan(400);
	});

	it('agrees with Clipper exactly where every crossing is a grid point', () => {
		const random = mulberry32(7);
		for (let pair = 0; pair < 200; pair++) {
			// Rectangles on a 100-unit grid: all crossings are grid points, so Clipper is exact too.
			const box = () => {
				const x = Math.floor(random() * 10) * 100;
				const y = Math.floor(random() * 10) * 100;
				return square(
					x,
					y,
					x + 100 + Math.floor(random() * 5) * 100,
					y + 100 + Math.floor(random() * 5) * 100
				);
			};
			const a = shapeOf([[box()]]);
			const b = shapeOf([[box()]]);
			expect(overlapArea(a, patchOf(b))).toBeCloseTo(clipperArea(a, b), 6);
		}
	});

	const cell = shapeOf([[square(0, 0, 100, 100)]]);
	const cases: [string, Ring[][], number][] = [
		['a patch beside it, sharing an edge', [[square(100, 0, 200, 100)]], 0],
		['a patch across it, sharing its top and bottom edges', [[square(50, 0, 150, 100)]], 5000],
		['a patch sharing one corner', [[square(100, 100, 200, 200)]], 0],
		['a patch that holds it', [[square(-50, -50, 150, 150)]], 10_000],
		['a patch inside it', [[square(20, 20, 40, 60)]], 800],
		['a patch far away', [[square(500, 500, 600, 600)]], 0],
		[
			'a triangle touching its edge with a corner, from outside',
			[
				[
					[
						[50, 100],
						[80, 150],
						[20, 150]
					]
				]
			],
			0
		],
		[
			'a triangle touching its edge with a corner, from inside',
			[
				[
					[
						[50, 100],
						[20, 50],
						[80, 50]
					]
				]
			],
			1500
		],
		['a patch running along its edges', [[square(0, 50, 100, 300)]], 5000],
		[
			'a patch with a hole that is the small area',
			[[square(-100, -100, 200, 200), square(0, 0, 100, 100)]],
			0
		],
		[
			'a patch whose edge runs through its corners',
			[
				[
					[
						[0, 0],
						[100, 100],
						[-100, 100]
					]
				]
			],
			5000
		],
		[
			'a patch meeting it at its corners from both sides',
			[
				[
					[
						[100, 0],
						[200, 50],
						[100, 100],
						[150, 50]
					]
				]
			],
			0
		]
	];
	for (const [what, patch, expected] of cases) {
		it(`measures ${what} as ${expected}, as Clipper does`, () => {
			const b = shapeOf(patch);
			const area = overlapArea(cell, patchOf(b));
			expect(area).not.toBeNull();
			expect(area!).toBeCloseTo(expected, 6);
			expect(clipperArea(cell, b)).toBeCloseTo(expected, 6);
		});
	}

	it('leaves a bow-tie patch to Clipper (null), whose NonZero rule fills both triangles', () => {
		const bowTie = shapeOf([
			[
				[
					[0, 0],
					[200, 100],
					[200, 0],
					[0, 100]
				]
			]
		]);
		const wide = shapeOf([[square(0, 0, 200, 100)]]);
		expect(overlapArea(wide, patchOf(bowTie))).toBeNull();
		expect(clipperArea(wide, bowTie)).toBeCloseTo(10_000, 6);
	});

	it('leaves to Clipper a patch whose two parts overlap (winding 2 where they do)', () => {
		const doubled = shapeOf([[square(0, 0, 60, 100)], [square(40, 0, 100, 100)]]);
		expect(overlapArea(cell, patchOf(doubled))).toBeNull();
	});
});

describe('patchesOverlapBy', () => {
	const west = patchOf(
		shapeOf([
			[
				[
					[0, 0],
					[100, 0],
					[120, 50],
					[100, 100],
					[0, 100]
				]
			]
		])
	);
	const east = patchOf(
		shapeOf([
			[
				[
					[100, 0],
					[200, 0],
					[200, 100],
					[100, 100],
					[120, 50]
				]
			]
		])
	);
	const over = patchOf(shapeOf([[square(90, 0, 200, 100)]]));

	it('finds no overlap between patches that share a bent border', () => {
		expect(patchesOverlapBy(west, east, 1e-6)).toBe(false);
		expect(patchesOverlapBy(east, west, 1e-6)).toBe(false);
	});

	it('finds the overlap of patches that do overlap, more than the tolerance only', () => {
		// West and Over share the strip from x = 90 to the bent edge: 10 × 100 + 20 × 100 / 2 = 2,000.
		expect(patchesOverlapBy(west, over, 1999)).toBe(true);
		expect(patchesOverlapBy(west, over, 2001)).toBe(false);
	});

	it('leaves a bow-tie patch to Clipper (null)', () => {
		const bowTie = patchOf(
			shapeOf([
				[
					[
						[0, 0],
						[200, 100],
						[200, 0],
						[0, 100]
					]
				]
			])
		);
		expect(patchesOverlapBy(west, bowTie, 1)).toBeNull();
	});
});
