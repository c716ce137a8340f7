import { describe, expect, it } from 'vitest';
import {
	calendarDate,
	formatArea,
	formatDate,
	formatDateTime,
	formatDistance,
	formatNumber,
	formatPercent,
	freshnessLabel,
	isStale
} from './format';

describe('formatNumber', () => {
	it('groups thousands with commas and rounds to whole numbers', () => {
		expect(formatNumber(12345)).toBe('12,345');
		expect(formatNumber(0)).toBe('0');
		expect(formatNumber(999)).toBe('999');
		expect(formatNumber(1234567)).toBe('1,234,567');
		expect(formatNumber(12345.6)).toBe('12,346');
		expect(formatNumber(-8000)).toBe('-8,000');
	});

	it('keeps decimal places when asked, and writes Welsh the same way', () => {
		expect(formatNumber(1234.567, { fractionDigits: 1 })).toBe('1,234.6');
		expect(formatNumber(1234.5, { fractionDigits: 2 })).toBe('1,234.5');
		expect(formatNumber(12345, { lang: 'cy' })).toBe('12,345');
	});

	it('refuses values that are not numbers a person could read', () => {
		expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
		expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});
});

describe('formatDate', () => {
	it('writes dates as GOV.UK does, without a leading zero', () => {
		expect(formatDate('2026-11-25')).toBe('25 November 2026');
		expect(formatDate('2026-03-01')).toBe('1 March 2026');
		expect(formatDate('2026-11-25', 'cy')).toBe('25 Tachwedd 2026');
		expect(formatDate('2028-02-29', 'cy')).toBe('29 Chwefror 2028');
	});

	it('matches what Node ICU prints for every month, in English and Welsh', () => {
		for (const [lang, locale] of [
			['en', 'en-GB'],
			['cy', 'cy']
		] as const) {
			const intl = new Intl.DateTimeFormat(locale, {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			});
			for (let month = 0; month < 12; month++) {
				const date = new Date(Date.UTC(2026, month, 25));
				expect(formatDate(date.toISOString().slice(0, 10), lang)).toBe(intl.format(date));
			}
		}
	});

	it('shows Dates and database timestamps as their London day', () => {
		expect(formatDate(new Date('2026-06-01T23:30:00Z'))).toBe('2 June 2026');
		expect(formatDate('2026-06-01T23:30:00.000Z')).toBe('2 June 2026');
		expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('31 December 2026');
		expect(formatDate(new Date('2026-10-24T23:30:00Z'), 'cy')).toBe('25 Hydref 2026');
	});

	it('does not shift a plain calendar date', () => {
		expect(calendarDate('2026-03-29')).toBe('2026-03-29');
		expect(calendarDate('2026-10-25')).toBe('2026-10-25');
	});

	it('refuses things that are not dates', () => {
		expect(() => formatDate('2026-02-30')).toThrow(RangeError);
		expect(() => formatDate('25/11/2026')).toThrow(RangeError);
		expect(() => formatDate(new Date('nonsense'))).toThrow(RangeError);
	});
});

describe('formatDateTime', () => {
	it('gives London time in summer and winter, on the 24-hour clock', () => {
		expect(formatDateTime('2026-06-01T13:05:00Z')).toBe('1 June 2026 at 14:05');
		expect(formatDateTime(new Date('2026-11-25T13:05:00Z'))).toBe('25 November 2026 at 13:05');
		expect(formatDateTime('2026-06-01T23:00:00.000Z')).toBe('2 June 2026 at 00:00');
	});

	it('says it in Welsh', () => {
		expect(formatDateTime('2026-11-25T13:05:00Z', 'cy')).toBe('25 Tachwedd 2026 am 13:05');
	});

	it('refuses a date without a time, and nonsense', () => {
		expect(() => formatDateTime('2026-11-25')).toThrow(RangeError);
		expect(() => formatDateTime('2026-11-25Tnoon')).toThrow(RangeError);
	});
});

describe('formatDistance', () => {
	it.each([
		[0, '0 metres'],
		[4, '0 metres'],
		[5, '10 metres'],
		[347, '350 metres'],
		[994, '990 metres'],
		[995, '1 km'],
		[1000, '1 km'],
		[1049, '1 km'],
		[1050, '1.1 km'],
		[1234, '1.2 km'],
		[9949, '9.9 km'],
		[9950, '10 km'],
		[12_345, '12 km'],
		[1_234_567, '1,235 km']
	])('%d metres reads "%s"', (metres, text) => {
		expect(formatDistance(metres)).toBe(text);
	});

	it('says metres in Welsh', () => {
		expect(formatDistance(347, 'cy')).toBe('350 metr');
		expect(formatDistance(1234, 'cy')).toBe('1.2 km');
	});

	it('refuses negative and missing distances', () => {
		expect(() => formatDistance(-1)).toThrow(RangeError);
		expect(() => formatDistance(Number.NaN)).toThrow(RangeError);
	});
});

describe('formatArea', () => {
	it.each([
		[0, '0 km²'],
		[0.0456, '0.046 km²'],
		[0.45, '0.45 km²'],
		[1, '1 km²'],
		[3.42, '3.4 km²'],
		[9.94, '9.9 km²'],
		[9.96, '10 km²'],
		[12.3, '12 km²'],
		[1234.5, '1,235 km²']
	])('%d km² reads "%s"', (km2, text) => {
		expect(formatArea(km2)).toBe(text);
	});

	it('refuses a negative area', () => {
		expect(() => formatArea(-0.1)).toThrow(RangeError);
	});
});

describe('formatPercent', () => {
	it('turns a share into a percentage', () => {
		expect(formatPercent(0.123)).toBe('12%');
		expect(formatPercent(0)).toBe('0%');
		expect(formatPercent(1)).toBe('100%');
		expect(formatPercent(0.1234, { fractionDigits: 1 })).toBe('12.3%');
		expect(formatPercent(0.1234, { fractionDigits: 1, lang: 'cy' })).toBe('12.3%');
	});

	it('refuses a share that is not a number', () => {
		expect(() => formatPercent(Number.NaN)).toThrow(RangeError);
	});
});

describe('isStale', () => {
	it('is stale one day after 12 months, not on the day', () => {
		expect(isStale('2025-11-25', '2026-11-25')).toBe(false);
		expect(isStale('2025-11-24', '2026-11-25')).toBe(true);
		expect(isStale('2026-11-25', '2026-11-25')).toBe(false);
		expect(isStale('2027-01-01', '2026-11-25')).toBe(false);
	});

	it('is stale when never checked', () => {
		expect(isStale(null, '2026-11-25')).toBe(true);
		expect(isStale(undefined, '2026-11-25')).toBe(true);
		expect(isStale('', '2026-11-25')).toBe(true);
	});

	it('counts calendar months through leap days and short months', () => {
		// 12 months before 28 February 2025 is 28 February 2024.
		expect(isStale('2024-02-28', '2025-02-28')).toBe(false);
		expect(isStale('2024-02-27', '2025-02-28')).toBe(true);
		// 12 months before 29 February 2024 is 28 February 2023.
		expect(isStale('2023-02-28', '2024-02-29')).toBe(false);
		expect(isStale('2023-02-27', '2024-02-29')).toBe(true);
		// 1 month before 31 March is 28 February; 1 month before 15 January is 15 December.
		expect(isStale('2026-02-28', '2026-03-31', 1)).toBe(false);
		expect(isStale('2026-02-27', '2026-03-31', 1)).toBe(true);
		expect(isStale('2025-12-15', '2026-01-15', 1)).toBe(false);
		expect(isStale('2025-12-14', '2026-01-15', 1)).toBe(true);
	});

	it('takes Dates and timestamps as London days', () => {
		// 23:30 UTC on 24 November is still 24 November in London (GMT).
		expect(isStale('2025-11-24', new Date('2026-11-24T23:30:00Z'))).toBe(false);
		// 23:30 UTC on 24 June is 25 June in London (BST).
		expect(isStale('2025-06-24', new Date('2026-06-24T23:30:00Z'))).toBe(true);
		expect(isStale('2025-11-24T23:30:00.000Z', '2026-11-24')).toBe(false);
	});

	it('refuses a period that is not a whole number of months', () => {
		expect(() => isStale('2026-01-01', '2026-11-25', 0)).toThrow(RangeError);
		expect(() => isStale('2026-01-01', '2026-11-25', 1.5)).toThrow(RangeError);
	});
});

describe('freshnessLabel', () => {
	it('says when it was last checked while fresh', () => {
		expect(freshnessLabel('2026-11-25', '2026-12-01')).toBe('Last checked 25 November 2026');
		expect(freshnessLabel('2026-11-25', '2026-12-01', 'cy')).toBe(
			'Gwiriwyd ddiwethaf ar 25 Tachwedd 2026'
		);
	});

	it('says it is overdue once stale', () => {
		expect(freshnessLabel('2024-01-10', '2026-12-01')).toBe('Not checked for over 12 months');
		expect(freshnessLabel('2024-01-10', '2026-12-01', 'cy')).toBe('Heb ei wirio ers dros 12 mis');
		expect(freshnessLabel('2026-05-01', '2026-12-01', 'en', 6)).toBe(
			'Not checked for over 6 months'
		);
		expect(freshnessLabel('2026-10-01', '2026-12-01', 'en', 1)).toBe(
			'Not checked for over 1 month'
		);
	});

	it('says when it has never been checked', () => {
		expect(freshnessLabel(null, '2026-12-01')).toBe('Not checked yet');
		expect(freshnessLabel(null, '2026-12-01', 'cy')).toBe('Heb ei wirio eto');
	});
});
