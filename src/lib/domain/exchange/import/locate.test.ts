import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { interiorPoint, locateGeometry, locateGrid, locatePair } from './locate';

const crescent: GeoJSON.Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[0, 0],
			[4, 0],
			[4, 4],
			[0, 4],
			[0, 3],
			[3, 3],
			[3, 1],
			[0, 1],
			[0, 0]
		]
	]
};

describe('locateGeometry', () => {
	it('keeps a point, and says which coordinate system the file uses', () => {
		expect(locateGeometry({ type: 'Point', coordinates: [-2.3, 53.4, 12] }, null)).toMatchObject({
			ok: true,
			point: [-2.3, 53.4],
			crs: 'WGS84',
			fromArea: false
		});
	});

	it('places an area at a point inside it, not at its centroid', () => {
		const located = locateGeometry(crescent, 'WGS84');
		expect(located.ok && located.fromArea).toBe(true);
		if (!located.ok) return;
		expect(booleanPointInPolygon(located.point, crescent, { ignoreBoundary: true })).toBe(true);
	});

	it('reprojects British National Grid', () => {
		const located = locateGeometry({ type: 'Point', coordinates: [383000, 398000] }, null);
		expect(located).toMatchObject({ ok: true, crs: 'BNG', point: [-2.2576154, 53.4784467] });
	});

	it.each([
		[{ type: 'Point', coordinates: [101, 100] }, 'has coordinates off the globe (101, 100)'],
		[{ type: 'Point', coordinates: [53.4, -2.3] }, 'look like latitude then longitude'],
		[
			{
				type: 'LineString',
				coordinates: [
					[0, 0],
					[1, 1]
				]
			},
			'is a LineString'
		],
		[{ type: 'Circle', coordinates: [0, 0] }, 'has an unknown geometry type "Circle"'],
		[{ type: 'Point', coordinates: ['0', '0'] }, 'has a position that is not a pair of numbers'],
		[null, 'has no geometry']
	])('rejects %j', (geometry, problem) => {
		const located = locateGeometry(geometry, null);
		expect(located.ok).toBe(false);
		expect(!located.ok && located.problem).toContain(problem);
	});

	it('refuses a feature over the vertex limit without reading the rest of it', () => {
		const ring = Array.from({ length: 30 }, (_, i) => [Math.cos(i), Math.sin(i)]);
		const located = locateGeometry({ type: 'Polygon', coordinates: [ring] }, 'WGS84', 20);
		expect(!located.ok && located.problem).toBe(
			'has more than 20 vertices, the most one feature may have: simplify it, or give its point'
		);
	});

	it('keeps a British National Grid file on the grid', () => {
		expect(locateGeometry({ type: 'Point', coordinates: [-2.3, 53.4] }, 'BNG')).toMatchObject({
			ok: false,
			problem: expect.stringContaining('outside the British National Grid')
		});
	});
});

describe('interiorPoint', () => {
	it('moves off a boundary vertex into the area', () => {
		const sliver: GeoJSON.Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[10, 0],
					[10, 0.001],
					[5, 0.0005],
					[0, 0.001],
					[0, 0]
				]
			]
		};
		const point = interiorPoint(sliver);
		expect(booleanPointInPolygon(point, sliver, { ignoreBoundary: true })).toBe(true);
	});
});

describe('coordinates from two columns', () => {
	it('checks longitude and latitude, and easting and northing', () => {
		expect(locatePair(-2.3, 53.4)).toMatchObject({ ok: true, point: [-2.3, 53.4] });
		expect(locatePair(-2.3, 123)).toMatchObject({ ok: false });
		expect(locateGrid(383000, 398000)).toMatchObject({ ok: true, point: [-2.2576154, 53.4784467] });
		expect(locateGrid(-5, 10)).toMatchObject({ ok: false });
	});
});
