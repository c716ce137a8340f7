import { describe, expect, it } from 'vitest';
import { usesSingleVenue } from './presence';

describe('usesSingleVenue', () => {
	it('flags a week spent at one venue, however many sessions', () => {
		expect(usesSingleVenue([{ venueId: 4 }])).toBe(true);
		expect(usesSingleVenue([{ venueId: 4 }, { venueId: 4 }, { venueId: 4 }])).toBe(true);
	});

	it('does not flag a week across venues, or an empty week', () => {
		expect(usesSingleVenue([{ venueId: 4 }, { venueId: 5 }])).toBe(false);
		expect(usesSingleVenue([])).toBe(false);
	});
});
