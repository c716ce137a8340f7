/**
 * The feed read back by a maintained iCalendar parser (ical.js): each event's repeats, expanded by
 * the parser, must be exactly the dates domain/sessions.ts gives, at the same London times, across
 * British Summer Time.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
	calendarFeed,
	escapeText,
	foldLine,
	recurrenceRule,
	type FeedEntry
} from './calendar-feed';
import { occurrencesBetween, type SessionRule } from './sessions';

const TODAY = '2026-11-25';
const UNTIL = '2027-11-24';
const options = {
	name: 'Knit and natter, Fennick Vale',
	host: 'patchwork.example',
	today: TODAY,
	now: new Date('2026-11-25T12:00:00Z')
};
const rule = (fields: Partial<SessionRule>): SessionRule => ({
	frequency: 'weekly',
	weekday: 2,
	startTime: '10:00',
	endTime: '12:00',
	...fields
});
const RULES: [string, SessionRule][] = [
	['weekly', rule({})],
	['fortnightly', rule({ frequency: 'fortnightly', weekday: 4, anchorDate: '2026-01-08' })],
	[
		'second Tuesday',
		rule({ frequency: 'monthly', weekOfMonth: 2, startTime: '18:30', endTime: '20:00' })
	],
	['last Friday', rule({ frequency: 'monthly', weekday: 5, weekOfMonth: -1 })],
	['fourth Sunday', rule({ frequency: 'monthly', weekday: 7, weekOfMonth: 4, startTime: '14:00' })]
];

/** The feed parsed, with its own VTIMEZONE registered, as a calendar app reads it. */
function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const zone = calendar.getFirstSubcomponent('vtimezone')!;
	ICAL.TimezoneService.register(zone);
	return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

/** Every start the parser expands up to UNTIL, as London dates and times and as UTC instants. */
function expand(event: ICAL.Event) {
	const starts: { local: string; utc: string }[] = [];
	const iterator = event.iterator();
	for (let next = iterator.next(); next; next = iterator.next()) {
		const local = next.toString().slice(0, 16);
		if (local.slice(0, 10) > UNTIL) break;
		starts.push({ local, utc: next.toJSDate().toISOString() });
	}
	return starts;
}

/** The UTC instant of a London wall-clock time, from the platform's own time zone data. */
function londonInstant(date: string, time: string): string {
	const guess = new Date(`${date}T${time}:00Z`);
	const offset =
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'short' })
			.formatToParts(guess)
			.find((part) => part.type === 'timeZoneName')!.value === 'BST'
			? 1
			: 0;
	return new Date(guess.getTime() - offset * 3_600_000).toISOString();
}

describe('calendarFeed', () => {
	it.each(RULES)(
		'repeats a %s session on exactly the dates sessions.ts gives',
		(_label, session) => {
			const entry: FeedEntry = {
				id: 7,
				name: 'Knit and natter',
				url: 'https://x/assets/7',
				sessions: [session]
			};
			const [event] = parse(calendarFeed([entry], options));
			const starts = expand(event);
			const dates = occurrencesBetween(session, TODAY, UNTIL);
			expect(dates.length).toBeGreaterThan(10);
			expect(starts.map((s) => s.local)).toEqual(dates.map((d) => `${d}T${session.startTime}`));
			// London times: 10:00 is 10:00Z in winter and 09:00Z in summer.
			expect(starts.map((s) => s.utc)).toEqual(
				dates.map((d) => londonInstant(d, session.startTime))
			);
			expect(new Set(starts.map((s) => s.utc.slice(11, 13))).size).toBe(2);
			const duration = event.endDate.toUnixTime() - event.startDate.toUnixTime();
			const [sh, sm] = session.startTime.split(':').map(Number);
			const [eh, em] = session.endTime.split(':').map(Number);
			expect(duration).toBe((eh * 60 + em - sh * 60 - sm) * 60);
		}
	);

	it('writes the RRULEs a calendar expects', () => {
		expect(RULES.map(([, session]) => recurrenceRule(session))).toEqual([
			'FREQ=WEEKLY;BYDAY=TU',
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
			'FREQ=MONTHLY;BYDAY=2TU',
			'FREQ=MONTHLY;BYDAY=-1FR',
			'FREQ=MONTHLY;BYDAY=4SU'
		]);
		expect(recurrenceRule(rule({ frequency: 'fortnightly', anchorDate: null }))).toBeNull();
		expect(recurrenceRule(rule({ frequency: 'monthly', weekOfMonth: null }))).toBeNull();
	});

	it('gives every event a unique id, its name, page, note and place, and leaves out what cannot repeat', () => {
		const entries: FeedEntry[] = [
			{
				id: 1,
				name: 'Café; chat, and “more”',
				url: 'https://x/assets/1',
				location: 'Hall 2, 14 Market Square',
				sessions: RULES.map(([, session]) => ({ ...session, note: 'Bring wool\nand needles' }))
			},
			{
				id: 2,
				name: 'Walking group',
				url: 'https://x/assets/2',
				sessions: [rule({ frequency: 'fortnightly', anchorDate: null }), rule({ weekday: 6 })]
			}
		];
		const text = calendarFeed(entries, options);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(
			true
		);
		const events = parse(text);
		expect(events.length).toBe(RULES.length + 1);
		expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
		expect(events[0].summary).toBe('Café; chat, and “more”');
		expect(events[0].location).toBe('Hall 2, 14 Market Square');
		expect(events[0].description).toBe('Bring wool\nand needles\nhttps://x/assets/1');
		expect(events[0].startDate.zone.tzid).toBe('Europe/London');
		expect(events.at(-1)!.summary).toBe('Walking group');
	});
});

describe('text and lines', () => {
	it('escapes what RFC 5545 reserves', () => {
		expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
	});

	it('folds long lines at 75 octets without splitting a character', () => {
		const line = `SUMMARY:${'Grŵp cerdded '.repeat(12)}`;
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBeGreaterThan(2);
		expect(parts.every((part) => new TextEncoder().encode(part).length <= 75)).toBe(true);
		expect(parts.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
	});
});
