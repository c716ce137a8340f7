/**
 * Numbers, dates, distances and areas as people read them (GOV.UK style: 12,345; 25 November 2026;
 * 350 metres; 1.2 km), in English or Welsh, and how fresh an entry's last check is.
 */
import { isIsoDate, londonDate, type Lang } from './sessions';
import { checkedSince, monthsBefore } from './freshness';

/** All the wording, one table per language. Month names match Node's ICU for en-GB and cy. */
const WORDS = {
	en: {
		locale: 'en-GB',
		months: [
			'January',
			'February',
			'March',
			'April',
			'May',
			'June',
			'July',
			'August',
			'September',
			'October',
			'November',
			'December'
		],
		dateTime: '{date} at {time}',
		metres: '{n} metres',
		lastChecked: 'Last checked {date}',
		notCheckedFor: (months: number) =>
			`Not checked for over ${months} month${months === 1 ? '' : 's'}`,
		neverChecked: 'Not checked yet',
		importedNotChecked: 'Imported on {date}, not checked since'
	},
	cy: {
		locale: 'cy',
		months: [
			'Ionawr',
			'Chwefror',
			'Mawrth',
			'Ebrill',
			'Mai',
			'Mehefin',
			'Gorffennaf',
			'Awst',
			'Medi',
			'Hydref',
			'Tachwedd',
			'Rhagfyr'
		],
		dateTime: '{date} am {time}',
		// Welsh keeps the noun singular after a numeral: "350 metr", "12 mis".
		metres: '{n} metr',
		lastChecked: 'Gwiriwyd ddiwethaf ar {date}',
		notCheckedFor: (months: number) => `Heb ei wirio ers dros ${months} mis`,
		neverChecked: 'Heb ei wirio eto',
		importedNotChecked: 'Mewnforiwyd ar {date}, heb ei wirio ers hynny'
	}
} as const;

function checkFinite(value: number, what: string): void {
	if (!Number.isFinite(value))
		throw new RangeError(`${what} must be a finite number, not ${value}`);
}

function checkNotNegative(value: number, what: string): void {
	checkFinite(value, what);
	if (value < 0) throw new RangeError(`${what} cannot be negative: ${value}`);
}

/** Formatters by language and options: making one costs far more than using it. */
const formatters = new Map<string, Intl.NumberFormat>();

function number(value: number, lang: Lang, options: Intl.NumberFormatOptions): string {
	const key = `${lang}:${JSON.stringify(options)}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.NumberFormat(WORDS[lang].locale, options);
		formatters.set(key, formatter);
	}
	return formatter.format(value);
}

/**
 * A number with thousands separators, rounded to whole numbers unless told otherwise.
 *
 * @example formatNumber(12345) // '12,345'
 * @example formatNumber(1234.567, { fractionDigits: 1 }) // '1,234.6'
 */
export function formatNumber(
	value: number,
	{ fractionDigits = 0, lang = 'en' }: { fractionDigits?: number; lang?: Lang } = {}
): string {
	checkFinite(value, 'A number');
	return number(value, lang, { maximumFractionDigits: fractionDigits });
}

/**
 * The London calendar date ('YYYY-MM-DD') of a date string, a timestamp string (as the database
 * stores created_at) or a Date. A bare date string is a calendar date already and is not shifted.
 *
 * @example calendarDate('2026-06-01T23:30:00.000Z') // '2026-06-02' (00:30 BST)
 */
export function calendarDate(value: Date | string): string {
	if (value instanceof Date) return londonDate(value);
	if (isIsoDate(value)) return value;
	if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return londonDate(new Date(value));
	throw new RangeError(`Not a date like 2026-11-25: ${value}`);
}

/**
 * A date as GOV.UK writes it.
 *
 * @example formatDate('2026-11-25') // '25 November 2026'
 * @example formatDate('2026-11-25', 'cy') // '25 Tachwedd 2026'
 */
export function formatDate(value: Date | string, lang: Lang = 'en'): string {
	const [year, month, day] = calendarDate(value).split('-').map(Number);
	return `${day} ${WORDS[lang].months[month - 1]} ${year}`;
}

let londonClock: Intl.DateTimeFormat | undefined;

/**
 * A moment as a London date and 24-hour time.
 *
 * @example formatDateTime('2026-06-01T13:05:00Z') // '1 June 2026 at 14:05'
 * @example formatDateTime('2026-11-25T13:05:00Z', 'cy') // '25 Tachwedd 2026 am 13:05'
 */
export function formatDateTime(value: Date | string, lang: Lang = 'en'): string {
	const instant = value instanceof Date ? value : new Date(value);
	if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
		throw new RangeError(`Not a date and time like 2026-11-25T14:05:00Z: ${value}`);
	}
	if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
	londonClock ??= new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
	const time = londonClock.format(instant);
	return WORDS[lang].dateTime.replace('{date}', formatDate(instant, lang)).replace('{time}', time);
}

/**
 * A distance: metres to the nearest 10 under 1 km, km to one decimal place up to 10 km, whole km
 * beyond.
 *
 * @example formatDistance(347) // '350 metres'
 * @example formatDistance(1234) // '1.2 km'
 * @example formatDistance(12_345) // '12 km'
 */
export function formatDistance(metres: number, lang: Lang = 'en'): string {
	checkNotNegative(metres, 'A distance');
	const tens = Math.round(metres / 10) * 10;
	if (tens < 1000) return WORDS[lang].metres.replace('{n}', String(tens));
	const tenths = Math.round(metres / 100) / 10;
	const km = tenths < 10 ? tenths : Math.round(metres / 1000);
	return `${number(km, lang, { maximumFractionDigits: 1 })} km`;
}

/**
 * An area in square kilometres: two significant figures under 1 km², one decimal place under
 * 10 km², whole km² beyond.
 *
 * @example formatArea(3.42) // '3.4 km²'
 * @example formatArea(0.0456) // '0.046 km²'
 */
export function formatArea(km2: number, lang: Lang = 'en'): string {
	checkNotNegative(km2, 'An area');
	const options: Intl.NumberFormatOptions =
		km2 < 1
			? { maximumSignificantDigits: 2 }
			: { maximumFractionDigits: Math.round(km2 * 10) / 10 < 10 ? 1 : 0 };
	return `${number(km2, lang, options)} km²`;
}

/**
 * A share (0 to 1) as a percentage.
 *
 * @example formatPercent(0.123) // '12%'
 * @example formatPercent(0.1234, { fractionDigits: 1 }) // '12.3%'
 */
export function formatPercent(
	share: number,
	{ fractionDigits = 0, lang = 'en' }: { fractionDigits?: number; lang?: Lang } = {}
): string {
	checkFinite(share, 'A share');
	return number(share, lang, { style: 'percent', maximumFractionDigits: fractionDigits });
}

/**
 * Whether an entry's last check is more than `months` calendar months before `today` (or it has
 * never been checked). Checked exactly 12 months ago is not yet stale. `months` is the programme's
 * check_stale_months; the same rule as freshnessState() in ./freshness. An imported entry never
 * checked counts from its import date (`importedOn`, see importedOn() in ./freshness).
 *
 * @example isStale('2025-11-24', '2026-11-25') // true
 * @example isStale('2025-11-25', '2026-11-25') // false
 * @example isStale(null, '2026-11-25', 12, '2026-10-01') // false
 */
export function isStale(
	lastVerifiedOn: Date | string | null | undefined,
	today: Date | string,
	months = 12,
	importedOn: string | null = null
): boolean {
	if (!Number.isInteger(months) || months < 1) {
		throw new RangeError(`Months must be a whole number above 0, not ${months}`);
	}
	const cutoff = monthsBefore(calendarDate(today), months);
	const since =
		lastVerifiedOn == null || lastVerifiedOn === ''
			? checkedSince(null, importedOn)
			: calendarDate(lastVerifiedOn);
	if (since == null) return true;
	return since < cutoff;
}

/**
 * "Not checked for over 12 months", for an entry past the programme's stale limit.
 * @example notCheckedForLabel(12) // 'Not checked for over 12 months'
 */
export function notCheckedForLabel(months: number, lang: Lang = 'en'): string {
	return WORDS[lang].notCheckedFor(months);
}

/**
 * How fresh an entry is, for every page that shows it (search, patch page, entry page, print): when
 * it was last checked, that it is overdue, or, for an imported entry never checked, when it was
 * imported (it counts from that date, the same as isStale()).
 *
 * @example freshnessLabel('2026-11-25', '2026-12-01') // 'Last checked 25 November 2026'
 * @example freshnessLabel('2024-01-10', '2026-12-01') // 'Not checked for over 12 months'
 * @example freshnessLabel(null, '2026-12-01', 'en', 12, '2026-11-25') // 'Imported on 25 November 2026, not checked since'
 */
export function freshnessLabel(
	lastVerifiedOn: Date | string | null | undefined,
	today: Date | string,
	lang: Lang = 'en',
	months = 12,
	importedOn: string | null = null
): string {
	const words = WORDS[lang];
	if (lastVerifiedOn == null || lastVerifiedOn === '') {
		return importedOn
			? words.importedNotChecked.replace('{date}', formatDate(importedOn, lang))
			: words.neverChecked;
	}
	if (isStale(lastVerifiedOn, today, months)) return words.notCheckedFor(months);
	return words.lastChecked.replace('{date}', formatDate(lastVerifiedOn, lang));
}
