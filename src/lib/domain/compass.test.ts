import { describe, expect, it } from 'vitest';
import { bearingDegrees, compassPoint, compassWord } from './compass';

describe('compass directions', () => {
	it('measures bearings clockwise from north, allowing for the narrower degrees of longitude', () => {
		expect(bearingDegrees([-2.3, 53.4], [-2.3, 53.41])).toBeCloseTo(0);
		expect(bearingDegrees([-2.3, 53.4], [-2.29, 53.4])).toBeCloseTo(90);
		expect(bearingDegrees([-2.3, 53.4], [-2.3, 53.39])).toBeCloseTo(180);
		// 0.01° of longitude is about 0.6 of 0.01° of latitude here: not 45° but about 31°.
		expect(bearingDegrees([-2.3, 53.4], [-2.29, 53.41])).toBeCloseTo(30.8, 0);
		expect(bearingDegrees([-2.3, 53.4], [-2.3, 53.4])).toBeNull();
	});

	it('names the nearest of eight points, in English or Welsh', () => {
		expect(compassPoint(0)).toBe('north');
		expect(compassPoint(22)).toBe('north');
		expect(compassPoint(23)).toBe('north-east');
		expect(compassPoint(300)).toBe('north-west');
		expect(compassPoint(359)).toBe('north');
		expect(compassWord('south-east', 'cy')).toBe('de-ddwyrain');
		expect(compassWord('south-east')).toBe('south-east');
	});
});
