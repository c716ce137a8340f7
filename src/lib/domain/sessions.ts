/**
 * Sessions: when an asset meets (weekly, fortnightly, or the nth weekday of the month), in plain words
 * and as calendar dates. Dates are plain Europe/London calendar dates ('YYYY-MM-DD'), never instants,
 * so British Summer Time can never move a session to another day.
 */
import type { SessionFrequency } from './vocabulary';

export type Lang = 'en' | 'cy';
/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** Which week of the month a monthly session meets in; -1 is the last. */
export type WeekOfMonth = 1 | 2 | 3 | 4 | -1;
export type TimeOfDay = 'morning' | 'afternoon' | 'evening';

/**
 * A session rule as stored. Numbers are loose (`number`, not the literal unions) so database rows
 * (`AssetSession`, `PresenceSession`) can be passed in as they are; the functions check them.
 */
export interface SessionRule {
	frequency: SessionFrequency;
	/** ISO weekday, 1 (Monday) to 7 (Sunday). */
	weekday: number;
	/** Monthly only: 1-4, or -1 for the last. */
	weekOfMonth?: number | null;
	/** Fortnightly only: a date ('YYYY-MM-DD') it meets on; other meetings are whole fortnights away. */
	anchorDate?: string | null;
	startTime: string;
	endTime: string;
}

/** All the wording, one table per language. `{day}` is the weekday name without "dydd" in Welsh. */
const WORDS = {
	en: {
		weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
		weekdayName: '{day}',
		weekly: 'Every {day}',
		fortnightly: 'Every other {day}',
		monthly: {
			1: 'First {day} of the month',
			2: 'Second {day} of the month',
			3: 'Third {day} of the month',
			4: 'Fourth {day} of the month',
			'-1': 'Last {day} of the month'
		},
		monthlyUnknownWeek: 'Once a month on a {day}',
		session: '{when}, {start}-{end}',
		timesOfDay: { morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' }
	},
	cy: {
		weekdays: ['Llun', 'Mawrth', 'Mercher', 'Iau', 'Gwener', 'Sadwrn', 'Sul'],
		weekdayName: 'dydd {day}',
		// "bob" (soft-mutated "pob") as an adverb of time; "ail" soft-mutates "dydd" to "ddydd".
		weekly: 'Bob dydd {day}',
		fortnightly: 'Bob yn ail ddydd {day}',
		monthly: {
			1: 'Dydd {day} cyntaf y mis',
			2: 'Ail ddydd {day} y mis',
			3: 'Trydydd dydd {day} y mis',
			4: 'Pedwerydd dydd {day} y mis',
			'-1': 'Dydd {day} olaf y mis'
		},
		monthlyUnknownWeek: 'Unwaith y mis ar ddydd {day}',
		session: '{when}, {start}-{end}',
		timesOfDay: { morning: 'Bore', afternoon: 'Prynhawn', evening: "Gyda'r nos" }
	}
} as const;

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// ---- Calendar dates: whole days since 1970-01-01, worked out in UTC, which has no clock changes ----

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, or null if it is not a real date. */
function dayNumberOrNull(iso: string): number | null {
	const match = ISO_DATE.exec(iso);
	if (!match) return null;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const ms = Date.UTC(y, m - 1, d);
	const back = new Date(ms);
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
		return null;
	return ms / DAY_MS;
}

function dayToIso(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1970-01-01 was a Thursday (4). */
export function weekdayOf(day: number): number {
	return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Monday-started week number, for fortnight parity. */
function weekIndex(day: number): number {
	return Math.floor((day + 3) / 7);
}

let londonFormatter: Intl.DateTimeFormat | undefined;

/**
 * The Europe/London calendar date of an instant, as 'YYYY-MM-DD'.
 *
 * @example londonDate(new Date('2026-06-01T23:30:00Z')) // '2026-06-02' (00:30 BST)
 */
export function londonDate(instant: Date): string {
	if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
	londonFormatter ??= new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	});
	const parts = Object.fromEntries(
		londonFormatter.formatToParts(instant).map((part) => [part.type, part.value])
	);
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * Whether a string is a real calendar date written 'YYYY-MM-DD'.
 *
 * @example isIsoDate('2028-02-29') // true; isIsoDate('2026-02-29') // false
 */
export function isIsoDate(value: string): boolean {
	return dayNumberOrNull(value) !== null;
}

/** A Date (read as a London calendar date) or a 'YYYY-MM-DD' string, as a day number. */
export function toDay(value: Date | string): number {
	const iso = typeof value === 'string' ? value : londonDate(value);
	const day = dayNumberOrNull(iso);
	if (day === null) throw new RangeError(`Not a date like 2026-11-25: ${iso}`);
	return day;
}

// ---- Rules ----

function checkWeekday(weekday: number): void {
	if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
		throw new RangeError(`Weekday must be 1 (Monday) to 7 (Sunday), not ${weekday}`);
	}
}

function isWeekOfMonth(value: unknown): value is WeekOfMonth {
	return value === 1 || value === 2 || value === 3 || value === 4 || value === -1;
}

/**
 * A weekday's name: "Tuesday", or "dydd Mawrth" in Welsh.
 *
 * @example weekdayName(2, 'cy') // 'dydd Mawrth'
 */
export function weekdayName(weekday: number, lang: Lang = 'en'): string {
	checkWeekday(weekday);
	return WORDS[lang].weekdayName.replace('{day}', WORDS[lang].weekdays[weekday - 1]);
}

/**
 * When a session meets, in plain words. A monthly rule without a valid week of the month (an
 * unchecked row) reads "Once a month on a Monday" rather than failing the page.
 *
 * @example describeSession({ frequency: 'weekly', weekday: 2, startTime: '10:00', endTime: '12:00' })
 * // 'Every Tuesday, 10:00-12:00'
 * @example describeSession({ frequency: 'monthly', weekday: 5, weekOfMonth: -1, startTime: '14:00', endTime: '16:00' }, 'cy')
 * // 'Dydd Gwener olaf y mis, 14:00-16:00'
 */
export function describeSession(rule: SessionRule, lang: Lang = 'en'): string {
	checkWeekday(rule.weekday);
	const words = WORDS[lang];
	let pattern: string;
	if (rule.frequency === 'monthly') {
		pattern = isWeekOfMonth(rule.weekOfMonth)
			? words.monthly[rule.weekOfMonth]
			: words.monthlyUnknownWeek;
	} else {
		pattern = words[rule.frequency];
	}
	const when = pattern.replace('{day}', words.weekdays[rule.weekday - 1]);
	return words.session
		.replace('{when}', when)
		.replace('{start}', rule.startTime)
		.replace('{end}', rule.endTime);
}

/** The day in (year, month 0-11) of its nth (or last, -1) given weekday. */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: WeekOfMonth): number {
	if (nth === -1) {
		const last = Date.UTC(year, month + 1, 0) / DAY_MS;
		return last - ((weekdayOf(last) - weekday + 7) % 7);
	}
	const first = Date.UTC(year, month, 1) / DAY_MS;
	return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (nth - 1);
}

function nextDay(rule: SessionRule, from: number): number | null {
	const sameWeekday = from + ((rule.weekday - weekdayOf(from) + 7) % 7);
	if (rule.frequency === 'weekly') return sameWeekday;
	if (rule.frequency === 'fortnightly') {
		if (!rule.anchorDate) return null;
		// Parity of Monday-started weeks, so an anchor on a different weekday still picks its week.
		const anchorWeek = weekIndex(toDay(rule.anchorDate));
		const sameParity = (weekIndex(sameWeekday) - anchorWeek) % 2 === 0;
		return sameParity ? sameWeekday : sameWeekday + 7;
	}
	if (!isWeekOfMonth(rule.weekOfMonth)) return null;
	const date = new Date(from * DAY_MS);
	const [year, month] = [date.getUTCFullYear(), date.getUTCMonth()];
	const thisMonth = nthWeekdayOfMonth(year, month, rule.weekday, rule.weekOfMonth);
	if (thisMonth >= from) return thisMonth;
	return nthWeekdayOfMonth(year, month + 1, rule.weekday, rule.weekOfMonth);
}

/**
 * The next date, on or after `from`, that a session meets. A Date is read as its London calendar
 * date. Returns null when the rule cannot say: fortnightly without an anchor date, monthly without
 * a week of the month.
 *
 * @example nextOccurrence({ frequency: 'monthly', weekday: 1, weekOfMonth: 1, startTime: '19:00', endTime: '21:00' }, '2026-11-25')
 * // '2026-12-07'
 */
export function nextOccurrence(rule: SessionRule, from: Date | string): string | null {
	checkWeekday(rule.weekday);
	const day = nextDay(rule, toDay(from));
	return day === null ? null : dayToIso(day);
}

/**
 * Every date from `from` to `to` (both included) that a session meets, in order. Empty when `to`
 * is before `from`, or when the rule cannot say (see nextOccurrence).
 *
 * @example occurrencesBetween({ frequency: 'weekly', weekday: 2, startTime: '10:00', endTime: '12:00' }, '2026-11-01', '2026-11-14')
 * // ['2026-11-03', '2026-11-10']
 */
export function occurrencesBetween(
	rule: SessionRule,
	from: Date | string,
	to: Date | string
): string[] {
	checkWeekday(rule.weekday);
	const [start, end] = [toDay(from), toDay(to)];
	const dates: string[] = [];
	for (let day = nextDay(rule, start); day !== null && day <= end; day = nextDay(rule, day + 1)) {
		dates.push(dayToIso(day));
	}
	return dates;
}

/**
 * Sessions in week order: by weekday, then start time, then end time. Returns a new array; works
 * for asset and presence sessions alike.
 *
 * @example sortSessions([{ weekday: 3, startTime: '09:00' }, { weekday: 1, startTime: '18:00' }])
 * // [{ weekday: 1, ... }, { weekday: 3, ... }]
 */
export function sortSessions<T extends { weekday: number; startTime: string; endTime?: string }>(
	sessions: readonly T[]
): T[] {
	return [...sessions].sort(
		(a, b) =>
			a.weekday - b.weekday ||
			a.startTime.localeCompare(b.startTime) ||
			(a.endTime ?? '').localeCompare(b.endTime ?? '')
	);
}

/**
 * The part of the day a session starts in: morning before 12:00, afternoon 12:00-16:59, evening 17:00
 * onwards.
 *
 * @example timeOfDay('11:59') // 'morning'
 */
export function timeOfDay(startTime: string): TimeOfDay {
	if (!CLOCK_TIME.test(startTime)) throw new RangeError(`Not a time like 09:30: ${startTime}`);
	const hour = Number(startTime.slice(0, 2));
	if (hour < 12) return 'morning';
	if (hour < 17) return 'afternoon';
	return 'evening';
}

/**
 * A part of the day's label, for filters: "Morning", "Bore".
 *
 * @example timeOfDayLabel('evening', 'cy') // "Gyda'r nos"
 */
export function timeOfDayLabel(part: TimeOfDay, lang: Lang = 'en'): string {
	return WORDS[lang].timesOfDay[part];
}
