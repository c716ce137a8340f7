import { afterEach, describe, expect, it } from 'vitest';
import { londonDate, nextOccurrence, occurrencesBetween, type SessionRule } from './sessions';

const times = { startTime: '10:00', endTime: '12:00' };
const weekly = (weekday: number): SessionRule => ({ frequency: 'weekly', weekday, ...times });
const monthly = (weekday: number, weekOfMonth: number | null): SessionRule => ({
	frequency: 'monthly',
	weekday,
	weekOfMonth,
	...times
});
const fortnightly = (weekday: number, anchorDate: string | null): SessionRule => ({
	frequency: 'fortnightly',
	weekday,
	anchorDate,
	...times
});
const dayGap = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe('nextOccurrence: weekly', () => {
	it('is the same day when `from` is a meeting day, else the next one', () => {
		// 2026-11-25 is a Wednesday.
		expect(nextOccurrence(weekly(3), '2026-11-25')).toBe('2026-11-25');
		expect(nextOccurrence(weekly(2), '2026-11-25')).toBe('2026-12-01');
		expect(nextOccurrence(weekly(7), '2026-11-25')).toBe('2026-11-29');
		expect(nextOccurrence(weekly(4), '2026-12-31')).toBe('2026-12-31');
		expect(nextOccurrence(weekly(5), '2026-12-31')).toBe('2027-01-01');
	});

	it('reads a Date as its London calendar date, in summer time and winter time', () => {
		// 23:30 UTC on 1 June is 00:30 BST on Tuesday 2 June.
		expect(nextOccurrence(weekly(2), new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-02');
		// 23:30 UTC on 5 January is 23:30 GMT, still Monday 5 January.
		expect(nextOccurrence(weekly(1), new Date('2026-01-05T23:30:00Z'))).toBe('2026-01-05');
	});

	it('refuses dates that are not real', () => {
		expect(() => nextOccurrence(weekly(1), '2026-02-29')).toThrow(RangeError);
		expect(() => nextOccurrence(weekly(1), '25/11/2026')).toThrow(RangeError);
		expect(() => nextOccurrence(weekly(1), new Date('nonsense'))).toThrow(RangeError);
	});
});

describe('nextOccurrence: fortnightly', () => {
	it('keeps the anchor week parity across a month end and a year end', () => {
		const thursday = fortnightly(4, '2026-01-01');
		expect(occurrencesBetween(thursday, '2025-12-01', '2026-02-13')).toEqual([
			'2025-12-04',
			'2025-12-18',
			'2026-01-01',
			'2026-01-15',
			'2026-01-29',
			'2026-02-12'
		]);
	});

	it('skips the off week', () => {
		const thursday = fortnightly(4, '2026-01-01');
		expect(nextOccurrence(thursday, '2026-01-02')).toBe('2026-01-15');
		expect(nextOccurrence(thursday, '2026-01-09')).toBe('2026-01-15');
		expect(nextOccurrence(thursday, '2026-01-16')).toBe('2026-01-29');
	});

	it('counts through a leap day', () => {
		// 15 and 29 February 2028 are Tuesdays; 2028 is a leap year.
		const tuesday = fortnightly(2, '2028-02-15');
		expect(occurrencesBetween(tuesday, '2028-02-02', '2028-03-31')).toEqual([
			'2028-02-15',
			'2028-02-29',
			'2028-03-14',
			'2028-03-28'
		]);
	});

	it('works from an anchor in the future as well as the past', () => {
		expect(nextOccurrence(fortnightly(4, '2027-01-07'), '2026-12-20')).toBe('2026-12-24');
		expect(nextOccurrence(fortnightly(4, '2027-01-07'), '2026-12-25')).toBe('2027-01-07');
	});

	it('stays exactly 14 days apart for ten years and meets on the anchor', () => {
		const dates = occurrencesBetween(fortnightly(2, '2030-06-04'), '2026-01-01', '2035-12-31');
		expect(dates).toContain('2030-06-04');
		const gaps = new Set(dates.slice(1).map((d, i) => dayGap(dates[i], d)));
		expect([...gaps]).toEqual([14]);
	});

	it('uses the week of an anchor on another weekday (an unchecked row)', () => {
		// Anchor Monday 5 January 2026: it meets in that week, on the Thursday.
		expect(nextOccurrence(fortnightly(4, '2026-01-05'), '2026-01-01')).toBe('2026-01-08');
	});

	it('cannot say without an anchor date', () => {
		expect(nextOccurrence(fortnightly(4, null), '2026-01-01')).toBeNull();
		expect(occurrencesBetween(fortnightly(4, null), '2026-01-01', '2026-12-31')).toEqual([]);
	});
});

describe('nextOccurrence: monthly', () => {
	it('finds the first Monday of next month when this month has passed', () => {
		expect(nextOccurrence(monthly(1, 1), '2026-11-25')).toBe('2026-12-07');
		expect(nextOccurrence(monthly(1, 1), '2026-12-07')).toBe('2026-12-07');
	});

	it('tells the last Friday from the fourth in a month with five Fridays', () => {
		// May 2026 has Fridays on 1, 8, 15, 22 and 29.
		expect(nextOccurrence(monthly(5, -1), '2026-05-01')).toBe('2026-05-29');
		expect(nextOccurrence(monthly(5, 4), '2026-05-01')).toBe('2026-05-22');
		// June 2026 has four: the last is the fourth.
		expect(nextOccurrence(monthly(5, -1), '2026-06-01')).toBe('2026-06-26');
		expect(nextOccurrence(monthly(5, 4), '2026-06-01')).toBe('2026-06-26');
	});

	it('takes the last day of the month when it is that weekday', () => {
		expect(nextOccurrence(monthly(6, -1), '2026-01-01')).toBe('2026-01-31');
		expect(nextOccurrence(monthly(2, -1), '2028-02-01')).toBe('2028-02-29');
	});

	it('moves to next year after the last one of December', () => {
		expect(nextOccurrence(monthly(5, -1), '2026-12-26')).toBe('2027-01-29');
	});

	it('meets twelve times a year, once in each month', () => {
		const dates = occurrencesBetween(monthly(3, 2), '2026-01-01', '2026-12-31');
		expect(dates.map((d) => d.slice(5, 7))).toEqual([
			'01',
			'02',
			'03',
			'04',
			'05',
			'06',
			'07',
			'08',
			'09',
			'10',
			'11',
			'12'
		]);
		expect(dates.every((d) => Number(d.slice(8)) >= 8 && Number(d.slice(8)) <= 14)).toBe(true);
	});

	it('cannot say without a week of the month', () => {
		expect(nextOccurrence(monthly(1, null), '2026-01-01')).toBeNull();
		expect(nextOccurrence(monthly(1, 5), '2026-01-01')).toBeNull();
	});
});

describe('British Summer Time', () => {
	it('does not shift Sunday sessions across the clock changes', () => {
		// Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
		expect(occurrencesBetween(weekly(7), '2026-03-15', '2026-04-12')).toEqual([
			'2026-03-15',
			'2026-03-22',
			'2026-03-29',
			'2026-04-05',
			'2026-04-12'
		]);
		expect(occurrencesBetween(weekly(7), '2026-10-18', '2026-11-01')).toEqual([
			'2026-10-18',
			'2026-10-25',
			'2026-11-01'
		]);
	});

	it('reads instants either side of the changes as the right London day', () => {
		expect(londonDate(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29');
		expect(londonDate(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28');
		// 23:30 UTC on 24 October is 00:30 BST on the 25th; 23:30 UTC on the 25th is 23:30 GMT.
		expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
		expect(londonDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
	});

	describe('whatever time zone the server runs in', () => {
		const original = process.env.TZ;
		afterEach(() => {
			process.env.TZ = original;
		});

		it('gives the same dates in UTC+14 and UTC-8', () => {
			for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
				process.env.TZ = zone;
				expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
				expect(occurrencesBetween(weekly(7), '2026-03-22', '2026-04-05')).toEqual([
					'2026-03-22',
					'2026-03-29',
					'2026-04-05'
				]);
				expect(nextOccurrence(monthly(5, -1), '2026-10-01')).toBe('2026-10-30');
				expect(londonDate(new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-02');
			}
		});
	});
});

describe('occurrencesBetween', () => {
	it('includes both ends', () => {
		expect(occurrencesBetween(weekly(2), '2026-12-01', '2026-12-15')).toEqual([
			'2026-12-01',
			'2026-12-08',
			'2026-12-15'
		]);
	});

	it('is empty when `to` is before `from` or no meeting falls between', () => {
		expect(occurrencesBetween(weekly(2), '2026-12-15', '2026-12-01')).toEqual([]);
		expect(occurrencesBetween(weekly(2), '2026-12-02', '2026-12-07')).toEqual([]);
	});

	it('takes Dates as London days', () => {
		const from = new Date('2026-06-01T23:30:00Z'); // Tuesday 2 June in London
		const to = new Date('2026-06-09T00:30:00Z'); // Tuesday 9 June in London
		expect(occurrencesBetween(weekly(2), from, to)).toEqual(['2026-06-02', '2026-06-09']);
	});
});
