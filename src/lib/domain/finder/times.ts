/**
 * Does a session meet when the person is free? A session overlaps a part of the day when any of it
 * falls in that part (so 11:30-13:00 is both a morning and an afternoon), on the same weekday. How
 * often it meets lowers the fit a little: every week is easier to keep to than once a month.
 */
import { describeSession, type SessionRule, type TimeOfDay, weekdayName } from '../sessions';
import type { Slot } from './inputs';

/** Parts of the day as clock ranges [from, to), the same edges as timeOfDay() in ../sessions.ts. */
export const PART_RANGES: Record<TimeOfDay, [string, string]> = {
	morning: ['00:00', '12:00'],
	afternoon: ['12:00', '17:00'],
	evening: ['17:00', '24:00']
};

/** How much a match counts, by how often the session meets. */
export const FREQUENCY_FIT: Record<SessionRule['frequency'], number> = {
	weekly: 1,
	fortnightly: 0.8,
	monthly: 0.6
};

const PART_PLURALS: Record<TimeOfDay, string> = {
	morning: 'mornings',
	afternoon: 'afternoons',
	evening: 'evenings'
};

/** Whether a session meets in a slot (same weekday, overlapping the part of the day). */
export function sessionMeetsIn(session: SessionRule, slot: Slot): boolean {
	const [from, to] = PART_RANGES[slot.part];
	return session.weekday === slot.day && session.startTime < to && session.endTime > from;
}

/**
 * "Tuesdays 10:00-12:00" for a weekly session; the session's own words otherwise
 * ("Every other Tuesday, 10:00-12:00", "First Tuesday of the month, 10:00-12:00").
 */
export function sessionWords(session: SessionRule, midSentence = false): string {
	if (session.frequency === 'weekly')
		return `${weekdayName(session.weekday)}s ${session.startTime}-${session.endTime}`;
	const words = describeSession(session);
	// "meets every other Friday": the rule's first word is not a name, so it takes lower case.
	return midSentence ? words.charAt(0).toLowerCase() + words.slice(1) : words;
}

/** "Tuesday mornings". */
export const slotWords = (slot: Slot): string =>
	`${weekdayName(slot.day)} ${PART_PLURALS[slot.part]}`;

export interface TimeFit {
	/** 0 to 1; 1 when the person is free any time. */
	fit: number;
	/** The best matching session and the slot it meets in, if any. */
	match: { session: SessionRule; slot: Slot } | null;
	/** True when the entry lists no sessions at all (times unknown). */
	unknown: boolean;
}

/** Unknown times count half: neither a reason to leave an entry out nor a match. */
export const UNKNOWN_TIME_FIT = 0.5;

/** How well an entry's sessions meet the person's free slots. */
export function timeFit(sessions: readonly SessionRule[], slots: readonly Slot[]): TimeFit {
	if (slots.length === 0) return { fit: 1, match: null, unknown: sessions.length === 0 };
	if (sessions.length === 0) return { fit: UNKNOWN_TIME_FIT, match: null, unknown: true };
	let best: TimeFit = { fit: 0, match: null, unknown: false };
	for (const session of sessions) {
		const slot = slots.find((s) => sessionMeetsIn(session, s));
		const fit = slot ? FREQUENCY_FIT[session.frequency] : 0;
		if (slot && fit > best.fit) best = { fit, match: { session, slot }, unknown: false };
	}
	return best;
}
