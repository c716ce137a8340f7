import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { kinks } from '@turf/turf';
import { estimatePatch, prepareSmallAreas } from '../domain/sizing';
import { bandFor } from '../domain/bands';
import { bandMargin } from './patches';
import { segmentsMeet, sharedRun, straightenSharedBoundary } from './street-boundary';
import { generatedDemo } from './test-fixture';
import type { XY } from './plane';

describe('sharedRun', () => {
	it('finds the edges two neighbours share, in the first ring’s order, even across its end', () => {
		// Two squares side by side, both anticlockwise: 0-1-2-3 and 1-4-5-2 share 1-2.
		expect(sharedRun([0, 1, 2, 3], [1, 4, 5, 2])).toEqual([1, 2]);
		// The shared run 3-0-1 wraps round the end of the first ring.
		expect(sharedRun([0, 1, 2, 3], [1, 0, 3, 9])).toEqual([3, 0, 1]);
		expect(sharedRun([0, 1, 2], [5, 6, 7])).toEqual([]);
	});
});

describe('segmentsMeet', () => {
	it('says whether two segments cross or touch', () => {
		expect(segmentsMeet([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
		expect(segmentsMeet([0, 0], [2, 0], [1, 0], [1, 3])).toBe(true);
		expect(segmentsMeet([0, 0], [1, 1], [2, 2], [3, 5])).toBe(false);
	});
});

describe('straightenSharedBoundary', () => {
	// Two patches stacked: the lower one 0..5 (anticlockwise), the upper one above it; they share
	// a zigzag edge 1-2-3-4 from (4,0) back to (0,0)... here from right to left along y≈1.
	const points: XY[] = [
		[0, 0], // 0
		[4, 0], // 1
		[4, 1], // 2 shared
		[3, 1.3], // 3 shared
		[2, 0.8], // 4 shared
		[1, 1.2], // 5 shared
		[0, 1], // 6 shared
		[4, 3], // 7
		[0, 3] // 8
	];
	const lower = [0, 1, 2, 3, 4, 5, 6];
	const upper = [2, 7, 8, 6, 5, 4, 3];
	const at = (v: number) => points[v];

	it('replaces the zigzag with one straight street, dropping its corners from both rings', () => {
		const street = straightenSharedBoundary([lower, upper], at, { maxEdges: 8, minOffset: 0.1 });
		expect(street).toEqual({
			pair: [0, 1],
			rings: [
				[0, 1, 2, 6],
				[2, 7, 8, 6]
			],
			street: [2, 6],
			replaced: [3, 4, 5]
		});
	});

	it('keeps to shorter stretches when told, and skips pairs it must not touch', () => {
		const street = straightenSharedBoundary([lower, upper], at, { maxEdges: 2, minOffset: 0.1 });
		expect(street?.replaced).toHaveLength(1);
		expect(
			straightenSharedBoundary([lower, upper], at, {
				maxEdges: 8,
				minOffset: 0.1,
				skip: new Set([1])
			})
		).toBeNull();
	});

	it('never draws a street that crosses another edge of either ring', () => {
		// The lower patch has a slot cut up from its bottom edge to y = 1.5; the shared edge bumps up
		// from (3, 1) over (2, 2) and (1, 2) to (0, 1). The street from (3, 1) to (0, 1) would cross
		// the slot, so only a shorter one, clear above it, is drawn.
		const xy: XY[] = [
			[0, 0],
			[1.4, 0],
			[1.4, 1.5],
			[1.6, 1.5],
			[1.6, 0],
			[3, 0],
			[3, 1],
			[2, 2],
			[1, 2],
			[0, 1],
			[3, 3],
			[0, 3]
		];
		const slotted = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
		const above = [6, 10, 11, 9, 8, 7];
		expect(
			straightenSharedBoundary([slotted, above], (v) => xy[v], { maxEdges: 8, minOffset: 0.1 })
		).toEqual({
			pair: [0, 1],
			rings: [
				[0, 1, 2, 3, 4, 5, 6, 8, 9],
				[6, 10, 11, 9, 8]
			],
			street: [6, 8],
			replaced: [7]
		});
	});
});

describe('the demo borough', () => {
	const demo = generatedDemo();
	const patches = demo.patches.features as Feature<Polygon, { slug: string; name: string }>[];
	const prepared = prepareSmallAreas(
		demo.smallAreas.features.map((f) => ({
			code: f.properties.code,
			population: f.properties.population,
			geometry: f.geometry as Polygon
		}))
	);
	const estimates = patches.map((f) =>
		estimatePatch(prepared, {
			id: f.properties.slug,
			name: f.properties.name,
			geometry: f.geometry
		})
	);

	it('has a patch boundary along a street, where areal and centroid figures differ', () => {
		const differing = estimates.filter((e) => Math.abs(e.areal - e.centroid) >= 1);
		// The two patches that meet along the street; the other six follow small-area edges only.
		expect(differing).toHaveLength(2);
		// The street is on the basemap, as a road, and both its ends are corners of the patches.
		const road = demo.basemap.split('\n').find((line) => line.includes('"name":"Long Causeway"'));
		expect(road).toBeDefined();
		const [from, to] = (JSON.parse(road!.replace(/,$/, '')) as Feature<GeoJSON.LineString>).geometry
			.coordinates;
		const cornerOf = (p: number[]) =>
			differing.every((e) =>
				patches
					.find((f) => f.properties.slug === e.id)!
					.geometry.coordinates[0].some(([x, y]) => x === p[0] && y === p[1])
			);
		expect(cornerOf(from) && cornerOf(to)).toBe(true);
	});

	it('keeps every patch simple, in its band by both methods, at least 300 people from its edge', () => {
		for (const [k, e] of estimates.entries()) {
			expect(kinks(patches[k]).features, e.id as string).toHaveLength(0);
			expect(bandFor(e.areal), e.id as string).toBe(bandFor(e.centroid));
			expect(bandMargin(Math.round(e.areal)), e.id as string).toBeGreaterThanOrEqual(300);
		}
	});
});
