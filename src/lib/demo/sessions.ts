/**
 * Session patterns for the demo ("w2 10:00-12:00"), and the calendar sums the generator needs,
 * all counted from a fixed reference date so that no run depends on the day it runs.
 */
import type { DemoAssets } from '../domain/schemas/demo-borough';
import type { Random } from './random';

type Session = DemoAssets[number]['sessions'][number];

/** "Today" for the demo: every date in data/demo is counted back from here. */
export const REFERENCE_DATE = '2026-11-01';

/** Adds (or with a negative number, subtracts) days from an ISO date. */
export function addDays(isoDate: string, days: number): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const utc = (iso: string) => {
		const [y, m, d] = iso.split('-').map(Number);
		return Date.UTC(y, m - 1, d);
	};
	return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * How many days the demo's dates move forward when it is loaded on `today`, so that "last checked
 * 3 months ago" stays 3 months ago however long after the reference date someone tries the demo (and
 * the daily auto-archive takes only the few entries meant to be that old). Never backwards.
 * @example demoDateShift('2026-12-06') // 35
 */
export const demoDateShift = (today: string): number =>
	Math.max(0, daysBetween(REFERENCE_DATE, today));

/** ISO weekday (1 = Monday … 7 = Sunday) of an ISO date. */
export function isoWeekday(isoDate: string): number {
	const [y, m, d] = isoDate.split('-').map(Number);
	return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

const PATTERN = /^([wfm])(-1|[1-4])?:?([1-7*])\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/;

/**
 * Turns a pattern into sessions. "*" picks a weekday from Monday to Friday; a fortnightly session gets
 * an anchor date on its weekday within four weeks before the reference date.
 * @example parseSessions('m-1:5 19:00-21:00', rng) // last Friday of the month
 */
export function parseSessions(pattern: string, rng: Random): Session[] {
	return pattern.split('+').map((part) => {
		const match = PATTERN.exec(part.trim());
		if (!match) throw new Error(`bad session pattern "${part}"`);
		const [, kind, week, day, startTime, endTime] = match;
		const weekday = day === '*' ? rng.int(1, 5) : Number(day);
		if (kind === 'w') return { frequency: 'weekly', weekday, startTime, endTime };
		if (kind === 'f') {
			const monday = addDays(REFERENCE_DATE, -28 - ((isoWeekday(REFERENCE_DATE) + 6) % 7));
			const anchorDate = addDays(monday, weekday - 1 + 7 * rng.int(0, 3));
			return { frequency: 'fortnightly', weekday, anchorDate, startTime, endTime };
		}
		const weekOfMonth = Number(week) as 1 | 2 | 3 | 4 | -1;
		return { frequency: 'monthly', weekday, weekOfMonth, startTime, endTime };
	});
}
