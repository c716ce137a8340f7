/**
 * "What's on this week": the dated meetings of a patch's assets, and where to meet its coordinators,
 * over the next 7 days from today, grouped by day. Pure: the caller passes today's London date.
 */
import { formatDate } from './format';
import { occurrencesBetween, weekdayName, type Lang, type SessionRule } from './sessions';

/** How many days "this week" covers, today included. */
export const WHATS_ON_DAYS = 7;

/** An asset with the session rules it meets by. */
export interface AssetWithSessions {
	id: number;
	name: string;
	/** Its Welsh name, if it has one. */
	nameCy?: string | null;
	sessions: readonly (SessionRule & { note?: string | null })[];
}

/** One meeting on one date. */
export interface DatedSession {
	date: string;
	assetId: number;
	assetName: string;
	/** Its Welsh name, only when it has one. */
	assetNameCy?: string;
	startTime: string;
	endTime: string;
	note: string | null;
}

/** A coordinator's presence rule at a venue. */
export interface PresenceRule {
	coordinator: string;
	venueId: number;
	venueName: string;
	weekday: number;
	/** A one-off visit's date ('YYYY-MM-DD'); absent or null for every week. */
	onDate?: string | null;
	startTime: string;
	endTime: string;
}

export interface DatedPresence extends PresenceRule {
	date: string;
}

/** One day of the week ahead, with its heading ("Tuesday 1 December 2026") and its items. */
export interface Day<T> {
	date: string;
	heading: string;
	items: T[];
}

/** The 'YYYY-MM-DD' date `days` after a date. */
export function addDays(iso: string, days: number): string {
	const ms = Date.parse(`${iso}T00:00:00Z`);
	if (Number.isNaN(ms)) throw new RangeError(`Not a date like 2026-11-25: ${iso}`);
	return new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first and last dates of the week ahead: today and 6 days on. */
export function weekAhead(today: string): { from: string; to: string } {
	return { from: today, to: addDays(today, WHATS_ON_DAYS - 1) };
}

/**
 * A day's heading: the weekday and the date, GOV.UK style.
 *
 * @example dayHeading('2026-12-01') // 'Tuesday 1 December 2026'
 */
export function dayHeading(iso: string, lang: Lang = 'en'): string {
	const weekday = ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
	const name = weekdayName(weekday, lang);
	return `${lang === 'cy' ? name.charAt(0).toUpperCase() + name.slice(1) : name} ${formatDate(iso, lang)}`;
}

function byTime(
	a: { startTime: string; endTime: string },
	b: { startTime: string; endTime: string }
) {
	return a.startTime.localeCompare(b.startTime) || a.endTime.localeCompare(b.endTime);
}

/** Puts dated items into days, in date order, each day's items by time; days with nothing are left out. */
function groupByDay<T extends { date: string; startTime: string; endTime: string }>(
	items: T[],
	lang: Lang,
	tieBreak: (a: T, b: T) => number
): Day<T>[] {
	const days = new Map<string, T[]>();
	for (const item of items) days.set(item.date, [...(days.get(item.date) ?? []), item]);
	return [...days.keys()].sort().map((date) => ({
		date,
		heading: dayHeading(date, lang),
		items: days.get(date)!.sort((a, b) => byTime(a, b) || tieBreak(a, b))
	}));
}

/**
 * Every meeting of the given assets in the 7 days from today, by day. Rules that cannot give dates
 * (fortnightly without an anchor) are left out rather than guessed.
 *
 * @example whatsOnThisWeek([{ id: 1, name: 'Knit and natter', sessions: [{ frequency: 'weekly', weekday: 2, startTime: '10:00', endTime: '12:00' }] }], '2026-11-30')
 * // [{ date: '2026-12-01', heading: 'Tuesday 1 December 2026', items: [{ assetName: 'Knit and natter', ... }] }]
 */
export function whatsOnThisWeek(
	assets: readonly AssetWithSessions[],
	today: string,
	lang: Lang = 'en'
): Day<DatedSession>[] {
	const { from, to } = weekAhead(today);
	const dated: DatedSession[] = [];
	for (const asset of assets) {
		for (const session of asset.sessions) {
			for (const date of occurrencesBetween(session, from, to)) {
				dated.push({
					date,
					assetId: asset.id,
					assetName: asset.name,
					...(asset.nameCy ? { assetNameCy: asset.nameCy } : {}),
					startTime: session.startTime,
					endTime: session.endTime,
					note: session.note ?? null
				});
			}
		}
	}
	return groupByDay(dated, lang, (a, b) => a.assetName.localeCompare(b.assetName));
}

/**
 * Where the coordinators can be met in the 7 days from today, by day: weekly visits on each of their
 * days, a one-off visit only when its date falls in the week. Extra fields of a rule (a venue's Welsh
 * name) come through with it.
 */
export function presenceThisWeek<T extends PresenceRule>(
	presence: readonly T[],
	today: string,
	lang: Lang = 'en'
): Day<T & DatedPresence>[] {
	const { from, to } = weekAhead(today);
	const dated = presence.flatMap((visit) =>
		visit.onDate
			? visit.onDate >= from && visit.onDate <= to
				? [{ ...visit, date: visit.onDate }]
				: []
			: occurrencesBetween({ ...visit, frequency: 'weekly' }, from, to).map((date) => ({
					...visit,
					date
				}))
	);
	return groupByDay(dated, lang, (a, b) => a.coordinator.localeCompare(b.coordinator));
}

/**
 * Whether an entry's sessions are meetings (a group's) or opening hours (a venue's or a service's).
 * "What's on" lists meetings only; opening hours show as "Open" on the entry itself.
 * @example sessionsAreMeetings('group') // true
 * @example sessionsAreMeetings('venue') // false
 */
export function sessionsAreMeetings(kind: string): boolean {
	return kind === 'group';
}

/**
 * A neighbourhood's "What's on": its groups' meetings in the 7 days from today, by day. Venues' and
 * services' sessions are opening hours and are left out. The patch page and its embeddable widget
 * both list this.
 */
export function groupsWhatsOn(
	assets: readonly (AssetWithSessions & { kind: string })[],
	today: string,
	lang: Lang = 'en'
): Day<DatedSession>[] {
	return whatsOnThisWeek(
		assets.filter((asset) => sessionsAreMeetings(asset.kind)),
		today,
		lang
	);
}
