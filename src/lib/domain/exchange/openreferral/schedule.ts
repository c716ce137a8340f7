/**
 * Sessions <-> HSDS schedules. Patchwork holds three rules (weekly, fortnightly from an anchor date,
 * the nth or last weekday of the month); HSDS uses iCalendar-like fields (freq, interval, byday,
 * dtstart, opens_at, closes_at). Every Patchwork rule has an exact schedule; schedules Patchwork
 * cannot hold (by day of the month, every third week, overnight) are dropped with a warning.
 */
import { describeSession } from '../../sessions';
import type { DraftSession } from '../asset-draft';
import type { HsdsSchedule } from './types';

/** iCalendar weekday codes, Monday first, so index + 1 is the ISO weekday. */
export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type DayCode = (typeof DAY_CODES)[number];

export interface SessionRow {
	id: number;
	frequency: 'weekly' | 'fortnightly' | 'monthly';
	weekday: number;
	weekOfMonth: number | null;
	anchorDate: string | null;
	startTime: string;
	endTime: string;
	note: string | null;
}

/** The ISO weekday (1-7) of a day code, or null. */
export function weekdayOfCode(code: string): number | null {
	const index = DAY_CODES.indexOf(code.toUpperCase() as DayCode);
	return index < 0 ? null : index + 1;
}

/**
 * One session as an HSDS schedule. Times are HH:MM Europe/London wall-clock times with no offset:
 * the profile asks for an offset, but a weekly 10:00 is +00:00 in winter and +01:00 in summer, so any
 * one offset would be wrong for half the year.
 * @example sessionToSchedule({ frequency: 'monthly', weekday: 5, weekOfMonth: -1, ... }, id, serviceId)
 * // { freq: 'MONTHLY', interval: 1, byday: '-1FR', ... }
 */
export function sessionToSchedule(
	session: SessionRow,
	id: string,
	serviceId: string
): HsdsSchedule {
	const day = DAY_CODES[session.weekday - 1];
	const base = {
		id,
		service_id: serviceId,
		opens_at: session.startTime,
		closes_at: session.endTime,
		description: describeSession(session),
		...(session.note ? { notes: session.note } : {})
	};
	if (session.frequency === 'monthly') {
		return { ...base, freq: 'MONTHLY', interval: 1, byday: `${session.weekOfMonth ?? ''}${day}` };
	}
	if (session.frequency === 'fortnightly') {
		return {
			...base,
			freq: 'WEEKLY',
			interval: 2,
			byday: day,
			...(session.anchorDate ? { dtstart: session.anchorDate } : {})
		};
	}
	return { ...base, freq: 'WEEKLY', interval: 1, byday: day };
}

/** A schedule as it may arrive in a feed: any field may be missing or the wrong type. */
export interface IncomingSchedule {
	freq?: unknown;
	interval?: unknown;
	byday?: unknown;
	bymonthday?: unknown;
	dtstart?: unknown;
	opens_at?: unknown;
	closes_at?: unknown;
	description?: unknown;
	notes?: unknown;
}

type SessionInput = Omit<DraftSession, 'note'> & { note: string | null };

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const BYDAY_PART = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/i;

function clock(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const match = TIME.exec(value.trim());
	return match ? `${match[1].padStart(2, '0')}:${match[2]}` : null;
}

const text = (value: unknown) =>
	typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : null;

function addDays(iso: string, days: number): string {
	const date = new Date(`${iso}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/**
 * The sessions an HSDS schedule describes, with a warning for each part Patchwork cannot hold.
 * `label` names the schedule in warnings, e.g. 'schedule 2'.
 */
export function scheduleToSessions(
	schedule: IncomingSchedule,
	label: string
): { sessions: SessionInput[]; warnings: string[] } {
	const warnings: string[] = [];
	const drop = (why: string) => ({ sessions: [], warnings: [`${label} dropped: ${why}`] });
	const freq = typeof schedule.freq === 'string' ? schedule.freq.trim().toUpperCase() : '';
	const rawInterval =
		schedule.interval == null || schedule.interval === '' ? 1 : Number(schedule.interval);
	const interval = Number.isInteger(rawInterval) && rawInterval > 0 ? rawInterval : 1;
	const byday = typeof schedule.byday === 'string' ? schedule.byday.trim() : '';
	const startTime = clock(schedule.opens_at);
	const endTime = clock(schedule.closes_at);

	if (!byday) {
		return drop(
			schedule.bymonthday
				? 'days of the month (bymonthday) are not supported'
				: 'it has no days (byday)'
		);
	}
	if (freq && freq !== 'WEEKLY' && freq !== 'MONTHLY')
		return drop(`frequency "${freq}" is not supported`);
	if (!startTime || !endTime) return drop('it has no opening and closing times');
	if (endTime <= startTime) return drop(`it closes (${endTime}) before it opens (${startTime})`);
	if (schedule.bymonthday) warnings.push(`${label}: days of the month (bymonthday) were ignored`);

	const notes = text(schedule.notes);
	const description = text(schedule.description);
	const dtstart =
		typeof schedule.dtstart === 'string' && /^\d{4}-\d{2}-\d{2}/.test(schedule.dtstart)
			? schedule.dtstart.slice(0, 10)
			: null;
	const sessions: SessionInput[] = [];
	for (const part of byday
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean)) {
		const match = BYDAY_PART.exec(part);
		if (!match) {
			warnings.push(`${label}: day "${part}" is not a day code like MO or 2TU`);
			continue;
		}
		const weekday = weekdayOfCode(match[2])!;
		const ordinal = match[1] === undefined ? null : Number(match[1]);
		const rule = { weekday, startTime, endTime, note: notes, weekOfMonth: null, anchorDate: null };
		if (freq === 'MONTHLY') {
			if (ordinal === null && interval === 1) {
				// A plain day code every month means every such day: weekly.
				sessions.push({ ...rule, frequency: 'weekly' });
			} else if (ordinal !== null && [1, 2, 3, 4, -1].includes(ordinal) && interval === 1) {
				sessions.push({
					...rule,
					frequency: 'monthly',
					weekOfMonth: ordinal as 1 | 2 | 3 | 4 | -1
				});
			} else {
				warnings.push(`${label}: "${part}" every ${interval} month(s) is not supported`);
			}
		} else if (ordinal !== null) {
			warnings.push(`${label}: "${part}" has a week of the month but the schedule is weekly`);
		} else if (interval === 1) {
			sessions.push({ ...rule, frequency: 'weekly' });
		} else if (interval === 2 && dtstart) {
			// The anchor must fall on this weekday: move dtstart to this day of its week.
			const startWeekday = ((new Date(`${dtstart}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
			const anchorDate = addDays(dtstart, weekday - startWeekday);
			sessions.push({ ...rule, frequency: 'fortnightly', anchorDate });
		} else {
			warnings.push(
				interval === 2
					? `${label}: every other ${part} needs a start date (dtstart) to know which weeks`
					: `${label}: every ${interval} weeks is not supported`
			);
		}
	}
	// A description is kept as the note unless it only says what the rule says (as Patchwork writes).
	const withNotes = sessions.map((session) =>
		session.note || !description || description === describeSession(session)
			? session
			: { ...session, note: description }
	);
	return { sessions: withNotes, warnings };
}
