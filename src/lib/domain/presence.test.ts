import { describe, expect, it } from 'vitest';
import { checkPresenceForm, growBox, usesSingleVenue, weekdayOf } from './presence';

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

describe('checkPresenceForm', () => {
	const today = '2026-11-25'; // a Wednesday
	const weekly = {
		venueId: '4',
		repeat: 'weekly',
		weekday: '2',
		startTime: '10:00',
		endTime: '12:00'
	};

	it('accepts a weekly time at a venue', () => {
		expect(checkPresenceForm({ ...weekly, note: ' Ask at reception ' }, today)).toEqual({
			ok: true,
			data: {
				venueId: 4,
				weekday: 2,
				onDate: null,
				startTime: '10:00',
				endTime: '12:00',
				note: 'Ask at reception'
			}
		});
	});

	it('needs the end after the start', () => {
		expect(checkPresenceForm({ ...weekly, endTime: '10:00' }, today)).toEqual({
			ok: false,
			errors: { endTime: 'The end time must be after the start time' }
		});
		expect(checkPresenceForm({ ...weekly, endTime: '09:00' }, today)).toMatchObject({ ok: false });
	});

	it('reads times only as HH:MM on the 24-hour clock', () => {
		expect(checkPresenceForm({ ...weekly, startTime: '9am' }, today)).toEqual({
			ok: false,
			errors: { startTime: 'Enter a start time like 09:30' }
		});
		expect(checkPresenceForm({ ...weekly, endTime: '24:00' }, today)).toMatchObject({ ok: false });
	});

	it('needs a day for a weekly time and a venue always', () => {
		expect(checkPresenceForm({ ...weekly, weekday: '' }, today)).toEqual({
			ok: false,
			errors: { weekday: 'Choose a day' }
		});
		expect(checkPresenceForm({ ...weekly, venueId: '' }, today)).toMatchObject({
			ok: false,
			errors: { venueId: 'Choose a venue' }
		});
	});

	it('reports every problem at once', () => {
		expect(
			checkPresenceForm(
				{ repeat: 'once', weekday: '1', startTime: '14:00', endTime: '13:00', onDate: '' },
				today
			)
		).toEqual({
			ok: false,
			errors: {
				venueId: 'Choose a venue',
				endTime: 'The end time must be after the start time',
				onDate: 'Enter the date of the one-off time'
			}
		});
	});

	it('takes the day of a one-off from its date, and refuses a day that does not match', () => {
		const once = { ...weekly, repeat: 'once', weekday: '', onDate: '2026-12-01' };
		expect(checkPresenceForm(once, today)).toMatchObject({
			ok: true,
			data: { weekday: 2, onDate: '2026-12-01' }
		});
		expect(checkPresenceForm({ ...once, weekday: '2' }, today)).toMatchObject({ ok: true });
		expect(checkPresenceForm({ ...once, weekday: '3' }, today)).toEqual({
			ok: false,
			errors: {
				weekday: '1 December 2026 is a Tuesday: choose Tuesday, or another date'
			}
		});
	});

	it('needs a real date, today or later, for a one-off', () => {
		const once = { ...weekly, repeat: 'once', weekday: '' };
		expect(checkPresenceForm(once, today)).toMatchObject({
			errors: { onDate: 'Enter the date of the one-off time' }
		});
		expect(checkPresenceForm({ ...once, onDate: '2026-02-30' }, today)).toMatchObject({
			errors: { onDate: 'Enter a real date, like 2026-11-25' }
		});
		expect(checkPresenceForm({ ...once, onDate: '2026-11-24' }, today)).toMatchObject({
			errors: { onDate: 'The date must be today or in the future' }
		});
		expect(checkPresenceForm({ ...once, onDate: today }, today)).toMatchObject({ ok: true });
	});

	it('knows the weekday of a date', () => {
		expect(weekdayOf('2026-11-23')).toBe(1);
		expect(weekdayOf('2026-11-29')).toBe(7);
	});
});

describe('growBox', () => {
	it('grows a box by a distance on every side, wider in longitude away from the equator', () => {
		const box = growBox({ minLon: -3, minLat: 53, maxLon: -2.9, maxLat: 53.1 }, 1000);
		expect(box.minLat).toBeCloseTo(53 - 0.008983, 5);
		expect(box.maxLat).toBeCloseTo(53.1 + 0.008983, 5);
		// At 53.1° north a kilometre is about 0.01497° of longitude.
		expect(box.minLon).toBeCloseTo(-3 - 0.01497, 4);
		expect(box.maxLon).toBeCloseTo(-2.9 + 0.01497, 4);
	});
});
