import { describe, expect, it } from 'vitest';
import { atRange, londonDayStart, parseAuditQuery } from './audit-query';

describe('parseAuditQuery', () => {
	it('reads who, what, dates and page', () => {
		expect(
			parseAuditQuery(new URLSearchParams('who=4&what=user&from=2026-11-01&to=2026-11-30&page=3'))
				.query
		).toEqual({ userId: 4, entity: 'user', from: '2026-11-01', to: '2026-11-30', page: 3 });
	});

	it('ignores what it does not know, and starts at page 1', () => {
		expect(parseAuditQuery(new URLSearchParams('who=abc&what=secrets&page=-2')).query).toEqual({
			userId: null,
			entity: null,
			from: null,
			to: null,
			page: 1
		});
	});

	it('explains a date that is not real, or a range that runs backwards, keeping the other filters', () => {
		const bad = parseAuditQuery(new URLSearchParams('what=patch&from=2026-02-30'));
		expect(bad.errors).toEqual({ from: 'Enter a real "from" date, like 2026-11-25' });
		expect(bad.query).toMatchObject({ entity: 'patch', from: null });
		expect(bad.values.from).toBe('2026-02-30');
		const backwards = parseAuditQuery(new URLSearchParams('from=2026-11-02&to=2026-11-01'));
		expect(backwards.errors.to).toMatch(/same as or after/);
	});
});

describe('London days', () => {
	it('start at midnight in winter and 23:00 UTC the day before in summer', () => {
		expect(londonDayStart('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
		expect(londonDayStart('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
		// The clocks go forward at 01:00 UTC on 29 March 2026: the day itself starts in GMT.
		expect(londonDayStart('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
		expect(londonDayStart('2026-03-30')).toBe('2026-03-29T23:00:00.000Z');
	});

	it('a to date keeps the whole of that day', () => {
		expect(atRange({ from: '2026-11-01', to: '2026-11-01' })).toEqual({
			since: '2026-11-01T00:00:00.000Z',
			before: '2026-11-02T00:00:00.000Z'
		});
	});
});
