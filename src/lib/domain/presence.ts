/** Coordinators' presence at community venues: where and when residents can meet them. */
import { formatDate } from './format';
import { isIsoDate, weekdayName } from './sessions';

/**
 * Whether a coordinator's whole week is at one venue. The LAC core characteristics say coordinators are
 * "based in a range of community venues … intentionally not based in one place", so this is flagged.
 * A week with no presence at all is not flagged here: it has its own message.
 * @example usesSingleVenue([{ venueId: 4 }, { venueId: 4 }]) // true
 */
export function usesSingleVenue(presence: readonly { venueId: number }[]): boolean {
	return presence.length > 0 && new Set(presence.map((visit) => visit.venueId)).size === 1;
}

/** How often a coordinator is at a venue: every week, or once on a date. */
export const PRESENCE_REPEATS = ['weekly', 'once'] as const;
export type PresenceRepeat = (typeof PRESENCE_REPEATS)[number];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The weekday (1 Monday … 7 Sunday) of a 'YYYY-MM-DD' date. */
export function weekdayOf(iso: string): number {
	return ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** A presence session ready to store: a weekday always, and a date for a one-off. */
export interface PresenceDraft {
	venueId: number;
	weekday: number;
	onDate: string | null;
	startTime: string;
	endTime: string;
	note: string | null;
}

/**
 * Check a new presence session: a venue, the end after the start, a day for a weekly one, and for a
 * one-off a real date from today on whose weekday matches the day, if one was chosen. Every problem is
 * reported at once, as the GOV.UK error summary expects.
 * @param today London's date, 'YYYY-MM-DD'
 * @returns the session to store, or messages by field
 */
export function checkPresenceForm(
	input: Record<string, string | undefined>,
	today: string
): { ok: true; data: PresenceDraft } | { ok: false; errors: Record<string, string> } {
	const field = (name: string) => (input[name] ?? '').trim();
	const errors: Record<string, string> = {};

	const venue = field('venueId');
	const venueId = /^[1-9]\d{0,14}$/.test(venue) ? Number(venue) : null;
	if (venueId === null) errors.venueId = 'Choose a venue';

	const repeat = field('repeat');
	if (!(PRESENCE_REPEATS as readonly string[]).includes(repeat)) {
		errors.repeat = 'Choose every week or once';
	}

	const day = field('weekday');
	let weekday: number | null = /^[1-7]$/.test(day) ? Number(day) : null;
	if (day !== '' && weekday === null) errors.weekday = 'Choose a day';

	const startTime = field('startTime');
	const endTime = field('endTime');
	if (!TIME.test(startTime)) errors.startTime = 'Enter a start time like 09:30';
	if (!TIME.test(endTime)) errors.endTime = 'Enter an end time like 12:00';
	else if (TIME.test(startTime) && endTime <= startTime) {
		errors.endTime = 'The end time must be after the start time';
	}

	const note = field('note');
	if (note.length > 200) errors.note = 'The note must be 200 characters or fewer';

	let onDate: string | null = null;
	if (repeat === 'weekly') {
		if (weekday === null) errors.weekday ??= 'Choose a day';
	} else if (repeat === 'once') {
		const date = field('onDate');
		if (date === '') errors.onDate = 'Enter the date of the one-off time';
		else if (!isIsoDate(date)) errors.onDate = 'Enter a real date, like 2026-11-25';
		else if (date < today) errors.onDate = 'The date must be today or in the future';
		else {
			onDate = date;
			const dateWeekday = weekdayOf(date);
			if (weekday !== null && weekday !== dateWeekday) {
				const name = weekdayName(dateWeekday);
				errors.weekday = `${formatDate(date)} is a ${name}: choose ${name}, or another date`;
			}
			weekday = dateWeekday;
		}
	}

	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		data: { venueId: venueId!, weekday: weekday!, onDate, startTime, endTime, note: note || null }
	};
}

/** Metres in a degree of latitude (and of longitude at the equator). */
const METRES_PER_DEGREE = 111_320;

/**
 * A bounding box grown by a distance on every side: "near" a patch means inside its box plus 1 km.
 * @example growBox({ minLon: -3, minLat: 53, maxLon: -2.9, maxLat: 53.1 }, 1000)
 */
export function growBox(
	box: { minLon: number; minLat: number; maxLon: number; maxLat: number },
	metres: number
): { minLon: number; minLat: number; maxLon: number; maxLat: number } {
	const dLat = metres / METRES_PER_DEGREE;
	// Longitude degrees shrink towards the poles: use the box's edge nearest a pole, the widest in degrees.
	const widestLat = Math.min(89, Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)));
	const dLon = metres / (METRES_PER_DEGREE * Math.cos((widestLat * Math.PI) / 180));
	return {
		minLon: box.minLon - dLon,
		minLat: box.minLat - dLat,
		maxLon: box.maxLon + dLon,
		maxLat: box.maxLat + dLat
	};
}
