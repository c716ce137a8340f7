/**
 * The date before which an entry's last check makes it stale, so a query can rank by a plain string
 * comparison in SQL and agree with isStale() in format.ts.
 */
import { calendarDate } from '../format';
import { monthsBefore } from '../freshness';

/**
 * The earliest last-checked date ('YYYY-MM-DD') that is not stale on `today`: `months` calendar months
 * earlier, kept inside shorter months (31 March less one month is 28 or 29 February). An entry checked
 * before it, or never, is stale.
 * @example staleCutoff('2026-11-25') // '2025-11-25'
 */
export function staleCutoff(today: Date | string, months = 12): string {
	if (!Number.isInteger(months) || months < 1) {
		throw new RangeError(`Months must be a whole number above 0, not ${months}`);
	}
	return monthsBefore(calendarDate(today), months);
}
