import { pointOnFeature, booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../demo/random';
import { preparePatch, pointInPatch } from './patch';
import { assertLonLat, planeOrigin, projectShape, ringArea, roundHalfUp } from './plane';
import { interiorPoint } from './point';
import { prepareSmallAreas } from './prepare';
import { gridAreas, gridPatch, gridRect, gx, gy } from './test/grid';

describe('assertLonLat', () => {
	it('names the feature and suggests reprojecting British National Grid', () => {
		const grid: GeoJSON.Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[383000, 398000],
					[384000, 398000],
					[384000, 399000],
					[383000, 398000]
				]
			]
		};
		expect(() => assertLonLat(grid, 'Patch "Urmston" (id 4)')).toThrow(
			'Patch "Urmston" (id 4) has a point (383000, 398000) that is not a longitude and latitude. It looks like British National Grid (EPSG:27700) eastings and northings: reproject the file to WGS84 longitude and latitude before sizing.'
		);
		const swapped: GeoJSON.Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[53.4, -200],
					[53.5, -200],
					[53.5, -199],
					[53.4, -200]
				]
			]
		};
		expect(() => assertLonLat(swapped, 'Small area E00000001')).toThrow(
			'Coordinates must be longitude −180 to 180 and latitude −90 to 90 (WGS84).'
		);
	});
});

describe('roundHalfUp', () => {
	/** Values that differ from Math.round if the halves, the zeros or the rounding of value − floor are wrong. */
	const awkward = [
		0, -0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994
	];
	awkward.push(1e-300, -1e-300, 5e-324, -5e-324, -1e-20, -0.9999999999999999, 0.9999999999999999);
	for (let k = 1; k <= 51; k++) {
		const edge = 2 ** k;
		for (const v of [edge, edge + 0.5, edge - 0.5, edge - 0.25, edge + 0.25]) awkward.push(v, -v);
		awkward.push(edge - 2 ** (k - 52), -(edge - 2 ** (k - 52)));
		awkward.push(edge + 0.5 - 2 ** (k - 52), edge - 0.5 - 2 ** (k - 53));
	}

	it('gives exactly what Math.round gives, signed zeros included', () => {
		for (const v of awkward) expect(Object.is(roundHalfUp(v), Math.round(v)), `${v}`).toBe(true);
	});

	it('agrees with Math.round on a million plane coordinates', () => {
		const random = mulberry32(20261207);
		let differ = 0;
		for (let i = 0; i < 1_000_000; i++) {
			// Magnitudes from 1e-9 to 9e9 plane units, either sign, halves one time in eight.
			const v = (random() < 0.5 ? -1 : 1) * 10 ** (random() * 19 - 9);
			const value = i % 8 === 0 ? Math.floor(v) + 0.5 : v;
			if (!Object.is(roundHalfUp(value), Math.round(value))) differ++;
		}
		expect(differ).toBe(0);
	});
});

describe('projectShape', () => {
	it('winds outer rings anticlockwise and holes clockwise, whatever the file did', () => {
		const [outer] = gridRect(0, 0, 3, 3).coordinates;
		const [hole] = gridRect(1, 1, 2, 2).coordinates;
		const shape = projectShape(
			{ type: 'Polygon', coordinates: [[...outer].reverse(), hole] },
			planeOrigin(gx(1.5), gy(1.5))
		);
		expect(ringArea(shape.rings[0])).toBeGreaterThan(0);
		expect(ringArea(shape.rings[1])).toBeLessThan(0);
		expect(shape.area).toBeCloseTo(ringArea(shape.rings[0]) * (8 / 9), -2);
	});
});

describe('pointInPatch', () => {
	it('puts a point on a shared border or corner in exactly one of the patches', () => {
		const prepared = prepareSmallAreas(gridAreas(2, 2));
		const quarters = [
			gridRect(0, 0, 1, 1),
			gridRect(1, 0, 2, 1),
			gridRect(0, 1, 1, 2),
			gridRect(1, 1, 2, 2)
		].map((geometry, i) => preparePatch(prepared, gridPatch(i, `Quarter ${i}`, geometry)));
		// Corner shared by all four, middles of the shared edges, and points just inside.
		const origin = prepared.origin;
		for (const [i, j] of [
			[1, 1],
			[1, 0.5],
			[0.5, 1],
			[1.5, 1],
			[1, 1.5],
			[0.999, 0.999]
		]) {
			const x = Math.round((gx(i) - origin.lon0) * origin.cosLat0 * 1e7);
			const y = Math.round((gy(j) - origin.lat0) * 1e7);
			const count = quarters.filter((q) => pointInPatch(q, x, y)).length;
			expect(count, `point at grid ${i}, ${j}`).toBe(1);
		}
	});
});

describe('interiorPoint', () => {
	it("finds a point strictly inside an L where Turf's pointOnFeature falls back to a vertex", () => {
		const l: GeoJSON.Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[gx(0), gy(0)],
					[gx(3), gy(0)],
					[gx(3), gy(0.5)],
					[gx(0.5), gy(0.5)],
					[gx(0.5), gy(3)],
					[gx(0), gy(3)],
					[gx(0), gy(0)]
				]
			]
		};
		const turfPoint = pointOnFeature(l).geometry.coordinates;
		expect(booleanPointInPolygon(turfPoint, l, { ignoreBoundary: true })).toBe(false);
		const point = interiorPoint(l);
		expect(booleanPointInPolygon(point, l, { ignoreBoundary: true })).toBe(true);
	});

	it("gives Turf's point whenever Turf's point is strictly inside (random polygons)", () => {
		const random = mulberry32(11);
		let checked = 0;
		for (let i = 0; i < 200; i++) {
			const count = 5 + Math.floor(random() * 20);
			const ring: [number, number][] = Array.from({ length: count }, (_, k) => {
				const angle = (2 * Math.PI * k) / count;
				const r = 0.002 + 0.008 * random();
				return [-2.3 + r * Math.cos(angle), 53.45 + r * Math.sin(angle)];
			});
			const polygon: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
			const turfPoint = pointOnFeature(polygon).geometry.coordinates;
			const point = interiorPoint(polygon);
			expect(booleanPointInPolygon(point, polygon, { ignoreBoundary: true }), `polygon ${i}`).toBe(
				true
			);
			if (booleanPointInPolygon(turfPoint, polygon, { ignoreBoundary: true })) {
				expect(point).toEqual(turfPoint);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});

	it("keeps Turf's point when it is inside", () => {
		expect(interiorPoint(gridRect(0, 0, 1, 1))).toEqual(
			pointOnFeature(gridRect(0, 0, 1, 1)).geometry.coordinates
		);
	});
});
