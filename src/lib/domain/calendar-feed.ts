/**
 * iCalendar (RFC 5545) feeds of sessions, for "Add to calendar": one repeating event per session
 * rule, in Europe/London local time (TZID with its VTIMEZONE), so a session stays at 10:00 across
 * British Summer Time. Rules: weekly (FREQ=WEEKLY), fortnightly (INTERVAL=2, starting on a meeting
 * of the anchor's fortnight) and the nth or last weekday of the month (FREQ=MONTHLY;BYDAY=2TU or
 * -1TU). A rule that cannot give dates (fortnightly without an anchor) is left out, not guessed.
 */
import { nextOccurrence, type SessionRule } from './sessions';

export interface FeedEntry {
	id: number;
	name: string;
	/** The entry's public page, absolute. */
	url: string;
	/** Where it meets, in words, if known. */
	location?: string | null;
	sessions: readonly (SessionRule & { note?: string | null })[];
}

export interface FeedOptions {
	/** The calendar's name, as calendar apps show it. */
	name: string;
	/** The site's host, for globally unique event ids. */
	host: string;
	/** Today in London ('YYYY-MM-DD'): each series starts at its first meeting from today. */
	today: string;
	/** When the feed is made, for DTSTAMP. */
	now: Date;
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Europe/London since 1996: BST from the last Sunday of March to the last Sunday of October. */
const LONDON_TIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/London',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0000',
	'TZOFFSETTO:+0100',
	'TZNAME:BST',
	'DTSTART:19810329T010000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0000',
	'TZNAME:GMT',
	'DTSTART:19961027T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

/**
 * The RRULE of a session rule, or null when it cannot say when it meets.
 * @example recurrenceRule({ frequency: 'monthly', weekday: 2, weekOfMonth: 2, startTime: '10:00', endTime: '12:00' })
 * // 'FREQ=MONTHLY;BYDAY=2TU'
 */
export function recurrenceRule(rule: SessionRule): string | null {
	const day = DAY_CODES[rule.weekday - 1];
	if (!day) return null;
	if (rule.frequency === 'weekly') return `FREQ=WEEKLY;BYDAY=${day}`;
	if (rule.frequency === 'fortnightly') {
		return rule.anchorDate ? `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}` : null;
	}
	const week = rule.weekOfMonth;
	if (week !== 1 && week !== 2 && week !== 3 && week !== 4 && week !== -1) return null;
	return `FREQ=MONTHLY;BYDAY=${week}${day}`;
}

/** Text escaped as RFC 5545 3.3.11 asks: backslash, semicolon, comma and new lines. */
export function escapeText(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// Continuation lines start with a space, which counts towards their 75.
		if (octets + size > (parts.length === 0 ? 75 : 74)) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const localDateTime = (date: string, time: string) =>
	`${date.replaceAll('-', '')}T${time.replace(':', '')}00`;

const utcStamp = (instant: Date) =>
	instant
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

/**
 * A whole feed: VCALENDAR with the London VTIMEZONE and one VEVENT per session that can give dates,
 * lines folded and ended with CRLF.
 */
export function calendarFeed(entries: readonly FeedEntry[], options: FeedOptions): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Patchwork//Calendar feed//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(options.name)}`,
		'X-WR-TIMEZONE:Europe/London',
		...LONDON_TIMEZONE
	];
	for (const entry of entries) {
		entry.sessions.forEach((session, index) => {
			const rrule = recurrenceRule(session);
			const first = rrule ? nextOccurrence(session, options.today) : null;
			if (!rrule || !first) return;
			const description = [session.note, entry.url].filter(Boolean).join('\n');
			lines.push(
				'BEGIN:VEVENT',
				`UID:entry-${entry.id}-session-${index + 1}@${options.host}`,
				`DTSTAMP:${utcStamp(options.now)}`,
				`DTSTART;TZID=Europe/London:${localDateTime(first, session.startTime)}`,
				`DTEND;TZID=Europe/London:${localDateTime(first, session.endTime)}`,
				`RRULE:${rrule}`,
				`SUMMARY:${escapeText(entry.name)}`,
				`DESCRIPTION:${escapeText(description)}`,
				...(entry.location ? [`LOCATION:${escapeText(entry.location)}`] : []),
				`URL:${entry.url}`,
				'END:VEVENT'
			);
		});
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
