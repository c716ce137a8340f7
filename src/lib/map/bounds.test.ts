import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { boundsOf, ENGLAND_AND_WALES, fitTarget, padBounds } from './bounds';
import { northfield, places } from './test-fixtures';

const point = (lon: number, lat: number): FeatureCollection => ({
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} }
	]
});

describe('boundsOf', () => {
	it('covers every collection given', () => {
		expect(boundsOf([northfield, point(-2, 52.5)])).toEqual([
			[-2, 52.41],
			[-1.95, 52.5]
		]);
	});

	it('reads MultiPolygons', () => {
		const fc: FeatureCollection = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: {},
					geometry: {
						type: 'MultiPolygon',
						coordinates: [
							[
								[
									[0, 0],
									[1, 0],
									[1, 1],
									[0, 0]
								]
							],
							[
								[
									[3, 3],
									[4, 3],
									[4, 5],
									[3, 3]
								]
							]
						]
					}
				}
			]
		};
		expect(boundsOf([fc])).toEqual([
			[0, 0],
			[4, 5]
		]);
	});

	it('is null when there is nothing to frame', () => {
		const noGeometry: FeatureCollection = {
			type: 'FeatureCollection',
			features: [{ type: 'Feature', geometry: null as never, properties: {} }]
		};
		expect(boundsOf([])).toBeNull();
		expect(boundsOf([null, undefined, { type: 'FeatureCollection', features: [] }])).toBeNull();
		expect(boundsOf([noGeometry])).toBeNull();
	});

	it('skips coordinates that are not numbers', () => {
		expect(boundsOf([point(Number.NaN, 52), point(-1.9, 52.4)])).toEqual([
			[-1.9, 52.4],
			[-1.9, 52.4]
		]);
	});
});

describe('padBounds', () => {
	it('adds the share of width and height on each side', () => {
		const [[w, s], [e, n]] = padBounds(
			[
				[0, 50],
				[2, 51]
			],
			{ fraction: 0.1 }
		);
		expect(w).toBeCloseTo(-0.2);
		expect(e).toBeCloseTo(2.2);
		expect(s).toBeCloseTo(49.9);
		expect(n).toBeCloseTo(51.1);
	});

	it('gives a single point a box of the minimum span around it', () => {
		const [[w, s], [e, n]] = padBounds(
			[
				[-1.9, 52.4],
				[-1.9, 52.4]
			],
			{ fraction: 0, minSpan: 0.02 }
		);
		expect(e - w).toBeCloseTo(0.02);
		expect(n - s).toBeCloseTo(0.02);
		expect((w + e) / 2).toBeCloseTo(-1.9);
		expect((s + n) / 2).toBeCloseTo(52.4);
	});

	it('stays on the map near the poles and the antimeridian', () => {
		expect(
			padBounds([
				[-180, -85],
				[180, 85]
			])
		).toEqual([
			[-180, -85],
			[180, 85]
		]);
	});
});

describe('fitTarget', () => {
	it('frames the data with padding', () => {
		const [[w, s], [e, n]] = fitTarget([northfield, places]);
		expect(w).toBeLessThan(-1.97);
		expect(e).toBeGreaterThan(-1.95);
		expect(s).toBeLessThan(52.41);
		expect(n).toBeGreaterThan(52.43);
	});

	it('opens on England and Wales when there is no data', () => {
		expect(fitTarget([])).toEqual(ENGLAND_AND_WALES);
	});
});
