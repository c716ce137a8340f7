import { describe, expect, it } from 'vitest';
import { boxParam } from './fetch-small-areas';

describe('boxParam', () => {
	it('writes west, south, east, north to 6 decimal places, as the endpoint reads them', () => {
		expect(boxParam({ minLon: -2.3, minLat: 53.4, maxLon: -2.2812345678, maxLat: 53.45 })).toBe(
			'-2.300000,53.400000,-2.281235,53.450000'
		);
	});
});
