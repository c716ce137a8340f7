import { kinks } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../demo/random';
import { validatePatchGeometry } from './index';
import { packedSource, packPatches } from './pack-patches';
import { validatePatchRings } from './validate';
import { gridRect, gx, gy } from './test/grid';

const square = gridRect(0, 0, 1, 1);
const ring = (points: [number, number][]): GeoJSON.Position[] => [...points, points[0]];

/** A closed ring of n points around (lon, lat), radius in degrees, in the order given by `angle`. */
function star(n: number, radius: number, random: () => number, jumble: boolean): GeoJSON.Polygon {
	const points: [number, number][] = [];
	for (let k = 0; k < n; k++) {
		const angle = (2 * Math.PI * (k + (jumble ? 3 * random() : 0.4 * random()))) / n;
		const r = radius * (0.4 + 0.6 * random());
		points.push([-2.3 + r * Math.cos(angle), 53.45 + 0.6 * r * Math.sin(angle)]);
	}
	return { type: 'Polygon', coordinates: [ring(points)] };
}

describe('validatePatchGeometry', () => {
	it('finds nothing wrong with a plain square', () => {
		expect(validatePatchGeometry(square)).toEqual([]);
	});

	it('finds the crossing of a bow-tie, where Turf kinks puts it', () => {
		const bowTie: GeoJSON.Polygon = {
			type: 'Polygon',
			coordinates: [
				ring([
					[gx(0), gy(0)],
					[gx(2), gy(1)],
					[gx(2), gy(0)],
					[gx(0), gy(1)]
				])
			]
		};
		const problems = validatePatchGeometry(bowTie);
		expect(problems).toEqual([
			{
				kind: 'self_intersection',
				message: 'The boundary crosses itself at 1 point',
				at: [kinks(bowTie).features[0].geometry.coordinates]
			}
		]);
	});

	it('agrees with Turf kinks on 300 random polygons, crossed or not', () => {
		const random = mulberry32(20260601);
		let crossed = 0;
		for (let i = 0; i < 300; i++) {
			const polygon = star(6 + Math.floor(random() * 40), 0.01, random, i % 2 === 0);
			const expected = kinks(polygon).features.length > 0;
			const found = validatePatchGeometry(polygon).some((p) => p.kind === 'self_intersection');
			expect(found, `polygon ${i}`).toBe(expected);
			if (expected) crossed++;
		}
		// Both kinds were really tried.
		expect(crossed).toBeGreaterThan(50);
		expect(crossed).toBeLessThan(250);
	});

	it('ignores repeated points, which Turf kinks would report as crossings', () => {
		const repeated: GeoJSON.Polygon = {
			type: 'Polygon',
			coordinates: [
				ring([
					[gx(0), gy(0)],
					[gx(1), gy(0)],
					[gx(1), gy(0)],
					[gx(1), gy(1)],
					[gx(0), gy(1)]
				])
			]
		};
		expect(kinks(repeated).features.length).toBeGreaterThan(0);
		expect(validatePatchGeometry(repeated)).toEqual([]);
	});

	it('does not look for crossings beyond the vertex cap, and says so', () => {
		const points: [number, number][] = [];
		for (let k = 0; k < 6000; k++) {
			const angle = (2 * Math.PI * k) / 6000;
			points.push([-2.3 + 0.02 * Math.cos(angle), 53.45 + 0.012 * Math.sin(angle)]);
		}
		const circle: GeoJSON.Polygon = { type: 'Polygon', coordinates: [ring(points)] };
		const problems = validatePatchGeometry(circle);
		expect(problems).toEqual([
			{
				kind: 'too_many_vertices',
				message:
					'The boundary has 6,000 points, more than the 5,000 that can be checked for crossings: simplify it and check again',
				at: [circle.coordinates[0][0]]
			}
		]);
		expect(validatePatchGeometry(circle, { maxVertices: 10_000 })).toEqual([]);
	});

	it('finds slivers: a tiny part, a thin strip, a tiny hole, but not a long thin real patch', () => {
		const metreLat = 1 / 111_200;
		const metreLon = 1 / (111_320 * Math.cos((53.44 * Math.PI) / 180));
		const box = (w: number, h: number, dx = 0, dy = 0): GeoJSON.Position[] =>
			ring([
				[gx(0) + dx * metreLon, gy(0) + dy * metreLat],
				[gx(0) + (dx + w) * metreLon, gy(0) + dy * metreLat],
				[gx(0) + (dx + w) * metreLon, gy(0) + (dy + h) * metreLat],
				[gx(0) + dx * metreLon, gy(0) + (dy + h) * metreLat]
			]);
		const only = (geometry: GeoJSON.Polygon) =>
			validatePatchGeometry(geometry).map((p) => p.message);
		expect(only({ type: 'Polygon', coordinates: [box(8, 8)] })).toEqual([
			'A part of the patch covers only 64 m², which is usually a stray point or a drawing mistake'
		]);
		expect(only({ type: 'Polygon', coordinates: [box(1000, 2)] })).toEqual([
			'A part of the patch is a sliver about 2 metres wide, which is usually a drawing mistake'
		]);
		// 10 km by 300 m along a canal: compactness 0.09, a real (if odd) patch.
		expect(only({ type: 'Polygon', coordinates: [box(10_000, 300)] })).toEqual([]);
		expect(only({ type: 'Polygon', coordinates: [box(500, 500), box(5, 5, 100, 100)] })).toEqual([
			'A hole in the patch covers only 25 m², which is usually a stray point or a drawing mistake'
		]);
	});

	it('finds parts that do not touch, and accepts parts that share an edge or a corner', () => {
		const parts = (...polygons: GeoJSON.Polygon[]): GeoJSON.MultiPolygon => ({
			type: 'MultiPolygon',
			coordinates: polygons.map((p) => p.coordinates)
		});
		expect(validatePatchGeometry(parts(gridRect(0, 0, 1, 1), gridRect(1, 0, 2, 1)))).toEqual([]);
		expect(validatePatchGeometry(parts(gridRect(0, 0, 1, 1), gridRect(1, 1, 2, 2)))).toEqual([]);
		expect(
			validatePatchGeometry(parts(gridRect(0, 0, 1, 1), gridRect(2, 0, 3, 1), gridRect(4, 0, 5, 1)))
		).toEqual([
			{
				kind: 'disconnected_parts',
				message: 'The patch is in 3 pieces that do not touch each other',
				at: [
					[gx(0), gy(0)],
					[gx(2), gy(0)],
					[gx(4), gy(0)]
				]
			}
		]);
	});

	it('finds parts that overlap, by crossing or by one lying inside another', () => {
		const crossing: GeoJSON.MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [gridRect(0, 0, 2, 2).coordinates, gridRect(1, 1, 3, 3).coordinates]
		};
		expect(validatePatchGeometry(crossing).map((p) => p.message)).toEqual([
			'Parts of the patch overlap each other, crossing at 2 points'
		]);
		const nested: GeoJSON.MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [gridRect(0, 0, 3, 3).coordinates, gridRect(1, 1, 2, 2).coordinates]
		};
		expect(validatePatchGeometry(nested).map((p) => p.message)).toEqual([
			'One part of the patch lies inside another part'
		]);
		// An island in a hole is a separate piece, not an overlap.
		const island: GeoJSON.MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [
				[gridRect(0, 0, 5, 5).coordinates[0], gridRect(1, 1, 4, 4).coordinates[0]],
				gridRect(2, 2, 3, 3).coordinates
			]
		};
		expect(validatePatchGeometry(island).map((p) => p.kind)).toEqual(['disconnected_parts']);
	});

	it('finds the same problems in packed rings, read in place as a worker thread does', () => {
		const random = mulberry32(7);
		const bowTie = star(12, 0.01, random, true);
		const shapes: GeoJSON.Polygon[] = [
			bowTie,
			star(40, 0.02, random, false),
			gridRect(0, 0, 1, 1),
			// A sliver hole and a repeated point.
			{
				type: 'Polygon',
				coordinates: [
					gridRect(0, 0, 4, 4).coordinates[0],
					ring([
						[gx(1), gy(1)],
						[gx(1), gy(1)],
						[gx(3), gy(1)],
						[gx(3), gy(1) + 1e-7]
					])
				]
			}
		];
		const multi: GeoJSON.MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [gridRect(0, 0, 2, 2).coordinates, gridRect(5, 5, 6, 6).coordinates]
		};
		const patches = [...shapes, multi].map((geometry, id) => ({ id, name: `P${id}`, geometry }));
		const packed = packedSource(packPatches(patches)!);
		const expected = patches.map((patch) => validatePatchGeometry(patch.geometry));
		expect(patches.map((_, p) => validatePatchRings(packed.rings(p)!))).toEqual(expected);
		expect(expected.map((found) => found.map((problem) => problem.kind))).toEqual([
			['self_intersection'],
			[],
			[],
			['sliver'],
			['disconnected_parts']
		]);
	});

	it('refuses a geometry that is not a polygon', () => {
		expect(() => validatePatchGeometry({ type: 'Point', coordinates: [0, 0] } as never)).toThrow(
			'A patch boundary must be a Polygon or MultiPolygon'
		);
	});
});
