import { describe, expect, it } from 'vitest';
import {
	describeSession,
	isIsoDate,
	sortSessions,
	timeOfDay,
	timeOfDayLabel,
	weekdayName,
	type SessionRule
} from './sessions';
import { sessionRuleSchema } from './session-rule-schema';

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

describe('describeSession', () => {
	it('says when a session meets in plain English, as in the issue', () => {
		expect(describeSession(weekly(2))).toBe('Every Tuesday, 10:00-12:00');
		expect(
			describeSession({ ...fortnightly(4, '2026-01-01'), startTime: '18:30', endTime: '20:00' })
		).toBe('Every other Thursday, 18:30-20:00');
		expect(describeSession({ ...monthly(1, 1), startTime: '19:00', endTime: '21:00' })).toBe(
			'First Monday of the month, 19:00-21:00'
		);
		expect(describeSession({ ...monthly(5, -1), startTime: '14:00', endTime: '16:00' })).toBe(
			'Last Friday of the month, 14:00-16:00'
		);
	});

	it('names the second, third and fourth weeks, and Sunday as weekday 7', () => {
		expect(describeSession(monthly(3, 2))).toBe('Second Wednesday of the month, 10:00-12:00');
		expect(describeSession(monthly(6, 3))).toBe('Third Saturday of the month, 10:00-12:00');
		expect(describeSession(monthly(7, 4))).toBe('Fourth Sunday of the month, 10:00-12:00');
		expect(describeSession(weekly(7))).toBe('Every Sunday, 10:00-12:00');
	});

	it('says it in Welsh, mutating "dydd" after "ail"', () => {
		expect(describeSession(weekly(2), 'cy')).toBe('Bob dydd Mawrth, 10:00-12:00');
		expect(describeSession(fortnightly(2, '2026-11-24'), 'cy')).toBe(
			'Bob yn ail ddydd Mawrth, 10:00-12:00'
		);
		expect(describeSession(monthly(1, 1), 'cy')).toBe('Dydd Llun cyntaf y mis, 10:00-12:00');
		expect(describeSession(monthly(1, 2), 'cy')).toBe('Ail ddydd Llun y mis, 10:00-12:00');
		expect(describeSession(monthly(4, 3), 'cy')).toBe('Trydydd dydd Iau y mis, 10:00-12:00');
		expect(describeSession(monthly(6, 4), 'cy')).toBe('Pedwerydd dydd Sadwrn y mis, 10:00-12:00');
		expect(describeSession(monthly(5, -1), 'cy')).toBe('Dydd Gwener olaf y mis, 10:00-12:00');
	});

	it('takes a database row as it is, with nulls and extra columns', () => {
		const row = {
			id: 7,
			assetId: 3,
			frequency: 'weekly' as const,
			weekday: 5,
			weekOfMonth: null,
			anchorDate: null,
			startTime: '09:30',
			endTime: '11:00',
			note: null
		};
		expect(describeSession(row)).toBe('Every Friday, 09:30-11:00');
	});

	it('describes a monthly row with no week rather than failing the page', () => {
		expect(describeSession(monthly(1, null))).toBe('Once a month on a Monday, 10:00-12:00');
		expect(describeSession(monthly(1, 5), 'cy')).toBe('Unwaith y mis ar ddydd Llun, 10:00-12:00');
	});

	it('refuses a weekday outside 1-7', () => {
		expect(() => describeSession(weekly(0))).toThrow(RangeError);
		expect(() => describeSession(weekly(8))).toThrow(RangeError);
		expect(() => describeSession(weekly(2.5))).toThrow(RangeError);
	});
});

describe('weekdayName and timeOfDayLabel', () => {
	it('names every weekday in both languages', () => {
		const en = [1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(d));
		const cy = [1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(d, 'cy'));
		expect(en).toEqual([
			'Monday',
			'Tuesday',
			'Wednesday',
			'Thursday',
			'Friday',
			'Saturday',
			'Sunday'
		]);
		expect(cy).toEqual([
			'dydd Llun',
			'dydd Mawrth',
			'dydd Mercher',
			'dydd Iau',
			'dydd Gwener',
			'dydd Sadwrn',
			'dydd Sul'
		]);
	});

	it('labels the parts of the day', () => {
		expect(timeOfDayLabel('morning')).toBe('Morning');
		expect(timeOfDayLabel('afternoon', 'cy')).toBe('Prynhawn');
		expect(timeOfDayLabel('evening', 'cy')).toBe("Gyda'r nos");
	});
});

describe('sortSessions', () => {
	it('orders by weekday, then start time, then end time, without changing its input', () => {
		const sessions = [
			{ id: 'a', weekday: 3, startTime: '09:00', endTime: '10:00' },
			{ id: 'b', weekday: 1, startTime: '18:00', endTime: '20:00' },
			{ id: 'c', weekday: 1, startTime: '09:30', endTime: '12:00' },
			{ id: 'd', weekday: 7, startTime: '08:00', endTime: '09:00' },
			{ id: 'e', weekday: 1, startTime: '09:30', endTime: '11:00' }
		];
		expect(sortSessions(sessions).map((s) => s.id)).toEqual(['e', 'c', 'b', 'a', 'd']);
		expect(sessions.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
	});
});

describe('timeOfDay', () => {
	it.each([
		['00:00', 'morning'],
		['11:59', 'morning'],
		['12:00', 'afternoon'],
		['16:59', 'afternoon'],
		['17:00', 'evening'],
		['23:59', 'evening']
	])('%s is %s', (time, part) => {
		expect(timeOfDay(time)).toBe(part);
	});

	it('refuses times not written HH:MM', () => {
		expect(() => timeOfDay('9:30')).toThrow(RangeError);
		expect(() => timeOfDay('24:00')).toThrow(RangeError);
	});
});

describe('isIsoDate', () => {
	it('accepts real dates only', () => {
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2026-02-29')).toBe(false);
		expect(isIsoDate('2026-13-01')).toBe(false);
		expect(isIsoDate('2026-1-01')).toBe(false);
	});
});

describe('sessionRuleSchema', () => {
	const messages = (input: unknown) => {
		const result = sessionRuleSchema.safeParse(input);
		return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
	};

	it('accepts each kind of rule, with numbers from a form as strings', () => {
		expect(sessionRuleSchema.parse({ frequency: 'weekly', weekday: '2', ...times })).toEqual({
			frequency: 'weekly',
			weekday: 2,
			weekOfMonth: null,
			anchorDate: null,
			...times
		});
		expect(
			sessionRuleSchema.parse({ frequency: 'monthly', weekday: 5, weekOfMonth: '-1', ...times })
		).toMatchObject({ weekOfMonth: -1, anchorDate: null });
		expect(
			sessionRuleSchema.parse({
				frequency: 'fortnightly',
				weekday: 4,
				anchorDate: '2026-01-01',
				weekOfMonth: '',
				...times
			})
		).toMatchObject({ anchorDate: '2026-01-01', weekOfMonth: null });
	});

	it('clears fields that do not apply to the frequency', () => {
		const parsed = sessionRuleSchema.parse({
			frequency: 'weekly',
			weekday: 2,
			weekOfMonth: 3,
			anchorDate: '2026-11-24',
			...times
		});
		expect(parsed).toMatchObject({ weekOfMonth: null, anchorDate: null });
	});

	it('says when the end time is not after the start time', () => {
		const base = { frequency: 'weekly', weekday: 2 };
		expect(messages({ ...base, startTime: '12:00', endTime: '10:00' })).toEqual([
			['endTime', 'End time must be after the start time']
		]);
		expect(messages({ ...base, startTime: '10:00', endTime: '10:00' })).toEqual([
			['endTime', 'End time must be after the start time']
		]);
	});

	it('asks which week of the month for a monthly rule', () => {
		expect(messages({ frequency: 'monthly', weekday: 1, ...times })).toEqual([
			['weekOfMonth', 'Choose which week of the month']
		]);
		expect(messages({ frequency: 'monthly', weekday: 1, weekOfMonth: 5, ...times })).toEqual([
			['weekOfMonth', 'Choose which week of the month']
		]);
	});

	it('needs a real anchor date on the right weekday for a fortnightly rule', () => {
		expect(messages({ frequency: 'fortnightly', weekday: 4, anchorDate: '', ...times })).toEqual([
			['anchorDate', 'Enter a date it meets on, so we know which weeks it meets']
		]);
		expect(
			messages({ frequency: 'fortnightly', weekday: 4, anchorDate: '2026-02-30', ...times })
		).toEqual([['anchorDate', 'Enter a real date it meets on, like 2026-11-25']]);
		expect(
			messages({ frequency: 'fortnightly', weekday: 2, anchorDate: '2026-01-01', ...times })
		).toEqual([['anchorDate', 'The date it meets on must be a Tuesday']]);
	});

	it('reports every problem at once', () => {
		expect(
			messages({
				frequency: 'monthly',
				weekday: '9',
				startTime: '9:30',
				endTime: '25:00'
			})
		).toEqual([
			['weekday', 'Choose a day of the week'],
			['startTime', 'Enter a start time, like 09:30'],
			['endTime', 'Enter an end time, like 11:00'],
			['weekOfMonth', 'Choose which week of the month']
		]);
		expect(messages({})).toContainEqual(['frequency', 'Choose how often it meets']);
	});
});
