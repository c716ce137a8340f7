import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../demo/random';
import { createArena, planeOrigin, projectShape } from './plane';
import { flatPolygons, projectFlatShape } from './plane-flat';

const origin = planeOrigin(-2.35, 53.42);
const named = () => 'Patch "North" (id 3)';

/** A jagged closed ring around (lon, lat), wound as asked, with a repeated point in it. */
function jagged(lon: number, lat: number, size: number, seed: number, clockwise: boolean) {
	const random = mulberry32(seed);
	const ring: GeoJSON.Position[] = [];
	for (let k = 0; k < 40; k++) {
		const angle = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / 40;
		const r = size * (0.6 + 0.4 * random());
		ring.push([lon + r * Math.cos(angle), lat + 0.6 * r * Math.sin(angle)]);
		if (k === 7) ring.push(ring[ring.length - 1]);
	}
	return [...ring, ring[0]];
}

describe('projectFlatShape', () => {
	it('gives exactly what projectShape gives from GeoJSON: points, winding, area and box', () => {
		const geometries: GeoJSON.Geometry[] = [
			{ type: 'Polygon', coordinates: [jagged(-2.3, 53.4, 0.02, 1, false)] },
			// Wound the other way, with a hole wound the same way as its outer ring.
			{
				type: 'Polygon',
				coordinates: [jagged(-2.3, 53.4, 0.05, 2, true), jagged(-2.3, 53.4, 0.01, 3, true)]
			},
			{
				type: 'MultiPolygon',
				coordinates: [
					[jagged(-2.2, 53.45, 0.01, 4, false)],
					// Too few points to be a ring: left out by both.
					[
						[
							[-2.1, 53.4],
							[-2.1, 53.41],
							[-2.1, 53.4]
						]
					]
				]
			}
		];
		for (const geometry of geometries) {
			const polygon = geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
			const expected = projectShape(polygon, origin);
			expect(projectFlatShape(flatPolygons(polygon), origin, named)).toEqual(expected);
			// In an arena the rings are views into it, with the same numbers.
			const arena = createArena(1000);
			const inArena = projectFlatShape(flatPolygons(polygon), origin, named, arena);
			expect(inArena.rings.map((ring) => Array.from(ring))).toEqual(expected.rings);
			expect({ ...inArena, rings: [] }).toEqual({ ...expected, rings: [] });
			expect(arena.used).toBe(expected.rings.reduce((sum, ring) => sum + ring.length, 0));
		}
	});

	it('names the patch and the point when a point is not a longitude and latitude', () => {
		const grid = [
			[
				[380000, 390000],
				[380100, 390000],
				[380100, 390100],
				[380000, 390000]
			]
		];
		expect(() =>
			projectFlatShape(flatPolygons({ type: 'Polygon', coordinates: grid }), origin, named)
		).toThrow(
			'Patch "North" (id 3) has a point (380000, 390000) that is not a longitude and latitude. It looks like British National Grid'
		);
		// A point the plane cannot reach comes first, but the point that is not lon/lat is named.
		const both = [
			[
				[170, 53],
				[-2.3, 53.4],
				[-2.3, 95],
				[170, 53]
			]
		];
		expect(() =>
			projectFlatShape(flatPolygons({ type: 'Polygon', coordinates: both }), origin, named)
		).toThrow('Patch "North" (id 3) has a point (-2.3, 95) that is not a longitude and latitude.');
	});
});
