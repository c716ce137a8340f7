/** Coordinators' presence at community venues: where and when residents can meet them. */
import { z } from 'zod';
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

/** One new presence session as the form sends it. Weekday is optional for a one-off (its date says it). */
export const presenceFormSchema = z.object({
	venueId: z.coerce
		.number({ error: 'Choose a venue' })
		.int('Choose a venue')
		.positive('Choose a venue'),
	repeat: z.enum(PRESENCE_REPEATS, { error: 'Choose every week or once' }),
	weekday: z
		.string()
		.optional()
		.transform((value) => (value ? Number(value) : null))
		.refine(
			(value) => value === null || (Number.isInteger(value) && value >= 1 && value <= 7),
			'Choose a day'
		),
	onDate: z
		.string()
		.trim()
		.optional()
		.transform((value) => value || null),
	startTime: z.string().trim().regex(TIME, 'Enter a start time like 09:30'),
	endTime: z.string().trim().regex(TIME, 'Enter an end time like 12:00'),
	note: z
		.string()
		.trim()
		.max(200, 'The note must be 200 characters or fewer')
		.optional()
		.transform((value) => value || null)
});

export type PresenceFormInput = z.input<typeof presenceFormSchema>;

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
 * Check a new presence session: the end after the start, a day for a weekly one, and for a one-off a
 * real date from today on whose weekday matches the day, if one was chosen.
 * @param today London's date, 'YYYY-MM-DD'
 * @returns the session to store, or messages by field
 */
export function checkPresenceForm(
	input: Record<string, string | undefined>,
	today: string
): { ok: true; data: PresenceDraft } | { ok: false; errors: Record<string, string> } {
	const parsed = presenceFormSchema.safeParse(input);
	const errors: Record<string, string> = {};
	if (!parsed.success) {
		for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) {
			if (messages?.length) errors[field] = messages[0];
		}
		return { ok: false, errors };
	}
	const data = parsed.data;
	if (data.endTime <= data.startTime) errors.endTime = 'The end time must be after the start time';
	let weekday = data.weekday;
	let onDate: string | null = null;
	if (data.repeat === 'weekly') {
		if (weekday === null) errors.weekday = 'Choose a day';
	} else if (data.onDate === null) {
		errors.onDate = 'Enter the date of the one-off time';
	} else if (!isIsoDate(data.onDate)) {
		errors.onDate = 'Enter a real date, like 2026-11-25';
	} else if (data.onDate < today) {
		errors.onDate = 'The date must be today or in the future';
	} else {
		onDate = data.onDate;
		const dateWeekday = weekdayOf(onDate);
		if (weekday !== null && weekday !== dateWeekday) {
			errors.weekday = `${formatDate(onDate)} is a ${weekdayName(dateWeekday)}: choose ${weekdayName(dateWeekday)}, or another date`;
		}
		weekday = dateWeekday;
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		data: {
			venueId: data.venueId,
			weekday: weekday!,
			onDate,
			startTime: data.startTime,
			endTime: data.endTime,
			note: data.note
		}
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
