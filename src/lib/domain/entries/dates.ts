/** Dates and times as typed into the editor, read one way: 'YYYY-MM-DD' and 'HH:MM'. */
import { isIsoDate } from '../sessions';

/**
 * A date typed as 2026-11-25 (a date input) or 25/11/2026, as 'YYYY-MM-DD'; null if it is not a
 * real date.
 * @example readDate('5/3/2026') // '2026-03-05'
 */
export function readDate(text: string): string | null {
	const value = text.trim();
	let iso = value;
	const british = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
	if (british) iso = `${british[3]}-${british[2].padStart(2, '0')}-${british[1].padStart(2, '0')}`;
	return isIsoDate(iso) ? iso : null;
}

/**
 * A time typed as 9:30, 09:30, 09.30 or 09:30:00 (some time inputs send seconds), as 'HH:MM'; null
 * if it is not a time of day.
 * @example readTime('9.05') // '09:05'
 */
export function readTime(text: string): string | null {
	const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(text.trim());
	if (!match) return null;
	const [hours, minutes] = [Number(match[1]), Number(match[2])];
	if (hours > 23 || minutes > 59) return null;
	return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** ISO weekday (1 Monday … 7 Sunday) of a 'YYYY-MM-DD' date. */
export function isoWeekday(iso: string): number {
	const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
	return day === 0 ? 7 : day;
}
