import { describe, expect, it } from 'vitest';
import { scheduleToSessions, sessionToSchedule, type SessionRow } from './schedule';

const row = (over: Partial<SessionRow>): SessionRow => ({
	id: 1,
	frequency: 'weekly',
	weekday: 2,
	weekOfMonth: null,
	anchorDate: null,
	startTime: '10:00',
	endTime: '12:00',
	note: null,
	...over
});

describe('sessionToSchedule', () => {
	it('writes each Patchwork rule as iCalendar-style fields', () => {
		expect(sessionToSchedule(row({}), 's', 'svc')).toMatchObject({
			freq: 'WEEKLY',
			interval: 1,
			byday: 'TU',
			opens_at: '10:00',
			closes_at: '12:00',
			description: 'Every Tuesday, 10:00-12:00'
		});
		expect(
			sessionToSchedule(row({ frequency: 'fortnightly', anchorDate: '2026-11-24' }), 's', 'svc')
		).toMatchObject({ freq: 'WEEKLY', interval: 2, byday: 'TU', dtstart: '2026-11-24' });
		expect(
			sessionToSchedule(row({ frequency: 'monthly', weekday: 5, weekOfMonth: -1 }), 's', 'svc')
		).toMatchObject({ freq: 'MONTHLY', interval: 1, byday: '-1FR' });
	});

	it('leaves out a note it does not have, rather than sending null', () => {
		expect(sessionToSchedule(row({}), 's', 'svc')).not.toHaveProperty('notes');
		expect(sessionToSchedule(row({ note: 'Term time' }), 's', 'svc').notes).toBe('Term time');
	});
});

describe('scheduleToSessions', () => {
	it('reads back every schedule Patchwork writes', () => {
		for (const session of [
			row({}),
			row({ frequency: 'fortnightly', anchorDate: '2026-11-24', note: 'Bring a mug' }),
			row({ frequency: 'monthly', weekday: 1, weekOfMonth: 2 })
		]) {
			const { sessions, warnings } = scheduleToSessions(sessionToSchedule(session, 's', 'v'), 'x');
			expect(warnings).toEqual([]);
			const { id: _id, ...rule } = session;
			expect(sessions).toEqual([rule]);
		}
	});

	it('keeps a description that says more than the rule as the note', () => {
		const schedule = { freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '11:00' };
		const plain = scheduleToSessions(
			{ ...schedule, description: 'Every Monday, 10:00-11:00' },
			'x'
		);
		expect(plain.sessions[0].note).toBeNull();
		const told = scheduleToSessions({ ...schedule, description: 'Not on bank holidays' }, 'x');
		expect(told.sessions[0].note).toBe('Not on bank holidays');
	});

	it('splits several days and accepts seconds and offsets on times', () => {
		const { sessions } = scheduleToSessions(
			{ freq: 'WEEKLY', byday: 'TH,FR', opens_at: '10:00:00', closes_at: '18:00:00Z' },
			'schedule 1'
		);
		expect(sessions.map((s) => [s.weekday, s.startTime, s.endTime])).toEqual([
			[4, '10:00', '18:00'],
			[5, '10:00', '18:00']
		]);
	});

	it('moves a fortnightly start date onto each day it names', () => {
		const { sessions } = scheduleToSessions(
			{
				freq: 'WEEKLY',
				interval: 2,
				byday: 'MO,WE',
				dtstart: '2026-11-24',
				opens_at: '09:00',
				closes_at: '10:00'
			},
			'schedule 1'
		);
		expect(sessions.map((s) => s.anchorDate)).toEqual(['2026-11-23', '2026-11-25']);
	});

	it('drops what Patchwork cannot hold, saying why', () => {
		const cases: [object, string][] = [
			[
				{ freq: 'MONTHLY', bymonthday: '1,15', opens_at: '10:00', closes_at: '11:00' },
				'days of the month'
			],
			[{ freq: 'WEEKLY', byday: 'MO' }, 'no opening and closing times'],
			[
				{ freq: 'WEEKLY', byday: 'MO', opens_at: '22:00', closes_at: '02:00' },
				'closes (02:00) before it opens'
			],
			[{ freq: 'DAILY', byday: 'MO', opens_at: '10:00', closes_at: '11:00' }, 'frequency "DAILY"'],
			[
				{ freq: 'WEEKLY', interval: 2, byday: 'MO', opens_at: '10:00', closes_at: '11:00' },
				'needs a start date'
			],
			[{ freq: 'MONTHLY', byday: '5MO', opens_at: '10:00', closes_at: '11:00' }, '"5MO"'],
			[{ freq: 'WEEKLY', byday: 'Monday', opens_at: '10:00', closes_at: '11:00' }, 'day "Monday"']
		];
		for (const [schedule, why] of cases) {
			const { sessions, warnings } = scheduleToSessions(schedule, 'schedule 3');
			expect(sessions).toEqual([]);
			expect(warnings.join(' ')).toContain(why);
			expect(warnings[0]).toMatch(/^schedule 3/);
		}
	});
});
