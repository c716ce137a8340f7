import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { boxAround, haversineMetres, isOnGlobe } from './distance';

describe('haversineMetres', () => {
	it('agrees with Turf to the millimetre', () => {
		const pairs: [number, number][][] = [
			[
				[-0.1276, 51.5072],
				[-2.2426, 53.4808]
			],
			[
				[-2.94686, 53.067986],
				[-2.957156, 53.065182]
			],
			[
				[179.9, 0],
				[-179.9, 0]
			]
		];
		for (const [a, b] of pairs) {
			expect(haversineMetres(a, b)).toBeCloseTo(distance(a, b, { units: 'meters' }), 2);
		}
	});

	it('is zero from a point to itself and the same both ways', () => {
		expect(haversineMetres([-1.5, 52.6], [-1.5, 52.6])).toBe(0);
		expect(haversineMetres([-1, 52], [-1.5, 52.6])).toBe(haversineMetres([-1.5, 52.6], [-1, 52]));
	});
});

describe('boxAround', () => {
	it('holds every point on the circle, and not much more', () => {
		const centre: [number, number] = [-1.5, 52.6];
		const box = boxAround(centre, 5000);
		for (let bearing = 0; bearing < 360; bearing += 5) {
			// Walk 4,999 m out along the bearing with a small-step approximation.
			const rad = (bearing * Math.PI) / 180;
			const point: [number, number] = [
				centre[0] + (4999 * Math.sin(rad)) / (111_195 * Math.cos((centre[1] * Math.PI) / 180)),
				centre[1] + (4999 * Math.cos(rad)) / 111_195
			];
			expect(haversineMetres(centre, point)).toBeLessThan(5000.5);
			expect(point[0]).toBeGreaterThanOrEqual(box.minLon);
			expect(point[0]).toBeLessThanOrEqual(box.maxLon);
			expect(point[1]).toBeGreaterThanOrEqual(box.minLat);
			expect(point[1]).toBeLessThanOrEqual(box.maxLat);
		}
		// Corners of the box are outside the circle: it is tight, not the whole map.
		expect(haversineMetres(centre, [box.maxLon, centre[1]])).toBeCloseTo(5000, -1);
		expect(haversineMetres(centre, [centre[0], box.maxLat])).toBeCloseTo(5000, 3);
	});

	it('spans every longitude near a pole or across the 180th meridian', () => {
		expect(boxAround([10, 89.99], 5000)).toMatchObject({ minLon: -180, maxLon: 180, maxLat: 90 });
		expect(boxAround([179.99, 0], 5000)).toMatchObject({ minLon: -180, maxLon: 180 });
	});

	it('refuses places off the globe and negative distances', () => {
		expect(() => boxAround([0, 91], 10)).toThrow(RangeError);
		expect(() => boxAround([0, 0], -1)).toThrow(RangeError);
		expect(isOnGlobe([180, -90])).toBe(true);
		expect(isOnGlobe([Number.NaN, 0])).toBe(false);
	});
});
