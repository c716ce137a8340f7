/**
 * How fresh an entry is: "fresh", "due" for a check, "stale", or "to archive", from the date of its
 * last check, the programme's settings (months) and a given today. One rule for every place that asks
 * (the public stale label, the directory's ranking, the coordinator's to-check list, the daily job).
 * No clock here: callers pass today as a 'YYYY-MM-DD' London date.
 *
 * An entry checked exactly N months ago has not yet passed N months: it passes the day after.
 * An entry never checked is stale (residents are warned) but is archived only when its record is older
 * than the archive limit, counted from the day it was created.
 */
/** A programme's freshness settings, in whole months since the last check. */
export interface FreshnessSettings {
	/** Due for a check after this many months (default 6). */
	checkDueMonths: number;
	/** Stale (labelled for residents) after this many (default 12). */
	checkStaleMonths: number;
	/** Archived by the daily job after this many (default 18). */
	archiveAfterMonths: number;
}

export const DEFAULT_FRESHNESS: FreshnessSettings = {
	checkDueMonths: 6,
	checkStaleMonths: 12,
	archiveAfterMonths: 18
};

/** The states, least to most overdue. */
export const FRESHNESS_STATES = ['fresh', 'due', 'stale', 'archive'] as const;
export type FreshnessState = (typeof FRESHNESS_STATES)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The 'YYYY-MM-DD' part of a date or a timestamp such as created_at ('2026-01-02T…'). */
function dayOf(value: string): string {
	const day = value.slice(0, 10);
	if (!ISO_DATE.test(day)) throw new RangeError(`Not a date like 2026-11-25: ${value}`);
	return day;
}

/**
 * The date `months` calendar months before `iso`, kept inside shorter months (31 March less one
 * month is 28 or 29 February).
 * @example monthsBefore('2026-11-25', 12) // '2025-11-25'
 */
export function monthsBefore(iso: string, months: number): string {
	if (!Number.isInteger(months) || months < 0) {
		throw new RangeError(`Months must be a whole number, 0 or more, not ${months}`);
	}
	const [year, month, day] = dayOf(iso).split('-').map(Number);
	const total = year * 12 + (month - 1) - months;
	const [y, m] = [Math.floor(total / 12), total % 12];
	const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(y, 4)}-${pad(m + 1)}-${pad(Math.min(day, lastDay))}`;
}

/** The earliest last-check dates that are not yet due, stale or to archive on `today`. */
export interface FreshnessCutoffs {
	/** Checked before this date: due (or worse). */
	due: string;
	/** Checked before this date: stale (or worse). */
	stale: string;
	/** Checked before this date: to archive. */
	archive: string;
}

/**
 * The cutoffs for `today`, so a query can compare plain 'YYYY-MM-DD' strings in SQL and agree with
 * freshnessState().
 * @example freshnessCutoffs(DEFAULT_FRESHNESS, '2026-11-25') // { due: '2026-05-25', stale: '2025-11-25', archive: '2025-05-25' }
 */
export function freshnessCutoffs(settings: FreshnessSettings, today: string): FreshnessCutoffs {
	return {
		due: monthsBefore(today, settings.checkDueMonths),
		stale: monthsBefore(today, settings.checkStaleMonths),
		archive: monthsBefore(today, settings.archiveAfterMonths)
	};
}

/**
 * An entry's freshness on `today`. `createdOn` (its record's creation date or timestamp) is used only
 * for an entry never checked, to tell when it is old enough to archive.
 * @example freshnessState('2026-01-10', DEFAULT_FRESHNESS, '2026-11-25') // 'due'
 * @example freshnessState(null, DEFAULT_FRESHNESS, '2026-11-25') // 'stale'
 */
export function freshnessState(
	lastVerifiedOn: string | null | undefined,
	settings: FreshnessSettings,
	today: string,
	createdOn?: string | null
): FreshnessState {
	const cutoffs = freshnessCutoffs(settings, today);
	if (lastVerifiedOn == null || lastVerifiedOn === '') {
		return createdOn && dayOf(createdOn) < cutoffs.archive ? 'archive' : 'stale';
	}
	const checked = dayOf(lastVerifiedOn);
	if (checked < cutoffs.archive) return 'archive';
	if (checked < cutoffs.stale) return 'stale';
	if (checked < cutoffs.due) return 'due';
	return 'fresh';
}

/** Whether residents should be told an entry may be out of date: stale, or worse. */
export function isStaleState(state: FreshnessState): boolean {
	return state === 'stale' || state === 'archive';
}

/** Where entries made in Patchwork itself come from; any other source is an import. */
export const PATCHWORK_SOURCE = 'patchwork';

/**
 * The day an entry was imported ('YYYY-MM-DD'), or null for one made in Patchwork. An imported entry
 * never checked counts as checked on this day by its source (the file says nothing later).
 * @example importedOn({ source: 'trafford-libraries', createdAt: '2026-11-25T10:00:00.000Z' }) // '2026-11-25'
 * @example importedOn({ source: 'patchwork', createdAt: '2026-11-25T10:00:00.000Z' }) // null
 */
export function importedOn(entry: {
	source?: string | null;
	createdAt?: string | null;
}): string | null {
	if (!entry.source || entry.source === PATCHWORK_SOURCE || !entry.createdAt) return null;
	return dayOf(entry.createdAt);
}

/**
 * The date an entry's freshness counts from: its last check, else its import date, else null
 * (never checked, made here).
 * @example checkedSince(null, '2026-11-25') // '2026-11-25'
 */
export function checkedSince(
	lastVerifiedOn: string | null | undefined,
	imported: string | null | undefined
): string | null {
	if (lastVerifiedOn) return dayOf(lastVerifiedOn);
	return imported ? dayOf(imported) : null;
}
