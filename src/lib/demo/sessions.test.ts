import { describe, expect, it } from 'vitest';
import { Random } from './random';
import { addDays, isoWeekday, parseSessions, REFERENCE_DATE } from './sessions';

describe('calendar helpers', () => {
	it('counts days across month and year ends', () => {
		expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays(REFERENCE_DATE, -365)).toBe('2025-11-01');
	});

	it('knows 1 November 2026 is a Sunday and 2 November a Monday', () => {
		expect(isoWeekday('2026-11-01')).toBe(7);
		expect(isoWeekday('2026-11-02')).toBe(1);
	});
});

describe('parseSessions', () => {
	it('reads weekly, monthly and last-of-month patterns', () => {
		const rng = new Random(1);
		expect(parseSessions('w2 10:00-12:00 + m1:3 14:00-16:00 + m-1:5 19:00-21:00', rng)).toEqual([
			{ frequency: 'weekly', weekday: 2, startTime: '10:00', endTime: '12:00' },
			{ frequency: 'monthly', weekday: 3, weekOfMonth: 1, startTime: '14:00', endTime: '16:00' },
			{ frequency: 'monthly', weekday: 5, weekOfMonth: -1, startTime: '19:00', endTime: '21:00' }
		]);
	});

	it('anchors fortnightly sessions on their own weekday, before the reference date', () => {
		const rng = new Random(2);
		for (let i = 0; i < 50; i++) {
			const [session] = parseSessions('f* 10:00-11:00', rng);
			expect(session.weekday).toBeGreaterThanOrEqual(1);
			expect(session.weekday).toBeLessThanOrEqual(5);
			expect(isoWeekday(session.anchorDate as string)).toBe(session.weekday);
			expect(session.anchorDate! < REFERENCE_DATE).toBe(true);
		}
	});

	it('rejects a pattern it cannot read', () => {
		expect(() => parseSessions('every tuesday', new Random(1))).toThrow('bad session pattern');
	});
});
