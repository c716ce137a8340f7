/**
 * What a resident can ask the directory: the typed search that the GET form's query string parses
 * into, and the fixed choices its filters offer.
 */
import type { TimeOfDay, Weekday } from '../sessions';
import type { AccessibilityFeature, AssetKind } from '../vocabulary';

/**
 * "Best match" (the default) follows the rules in ./ranking.ts: bands of distance, community first,
 * name matches first; distance needs a place. "relevance", its old name, still reads as best.
 */
export const DIRECTORY_SORTS = ['best', 'distance', 'checked', 'name'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

/** "free" is free only; "low" is free or low cost. */
export const COST_FILTERS = ['free', 'low'] as const;
export type CostFilter = (typeof COST_FILTERS)[number];

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const satisfies TimeOfDay[];

/** Weekdays in the query string, Monday first (ISO weekday = index + 1). */
export const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayCode = (typeof DAY_CODES)[number];

/** Distances a search may reach, in kilometres. */
export const MIN_RADIUS_KM = 0.1;
export const MAX_RADIUS_KM = 50;
/** The distance used when a place is given without one. */
export const DEFAULT_RADIUS_KM = 10;
/** Choices a form can offer. */
export const RADIUS_CHOICES_KM = [1, 2, 5, 10, 25] as const;

/** Longest free text searched; anything longer is cut, with a notice. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_AGE = 120;
export const MAX_PAGE = 10_000;

/** A search of the public directory. Every field has a safe empty value, so any URL gives one. */
export interface DirectorySearch {
	/** Free text as typed (trimmed, at most MAX_QUERY_LENGTH characters); '' for none. */
	q: string;
	/** A category id; a parent category includes its children. */
	category: string | null;
	/** Any of these kinds; empty for all. */
	kinds: AssetKind[];
	/** Meets on any of these ISO weekdays; empty for any day. */
	days: Weekday[];
	/** Has a session starting in any of these parts of the day (on one of `days`, if given). */
	times: TimeOfDay[];
	cost: CostFilter | null;
	/** An age in years the entry welcomes (within its age range; no range means all ages). */
	age: number | null;
	/** Every one of these features must be listed. */
	access: AccessibilityFeature[];
	/** A language code from LANGUAGE_NAMES. */
	language: string | null;
	/** A patch slug: only entries whose point lies inside that patch. */
	patch: string | null;
	/** A normalised postcode to measure distance from; wins over `point` when both are given. */
	postcode: string | null;
	/** [lon, lat] to measure distance from: a clicked point or the browser's location. */
	point: [number, number] | null;
	/** Kilometres from the postcode or point; null means DEFAULT_RADIUS_KM. */
	radiusKm: number | null;
	/** null means "Best match", the default. */
	sort: DirectorySort | null;
	page: number;
}

/** The search with nothing chosen: every published entry, first page. */
export function emptySearch(): DirectorySearch {
	return {
		q: '',
		category: null,
		kinds: [],
		days: [],
		times: [],
		cost: null,
		age: null,
		access: [],
		language: null,
		patch: null,
		postcode: null,
		point: null,
		radiusKm: null,
		sort: null,
		page: 1
	};
}

/**
 * The sort a search really gets: the one asked for when it can apply, otherwise "Best match".
 * @example effectiveSort(null, false) // 'best'
 * @example effectiveSort('distance', false) // 'best' (no place to measure from)
 */
export function effectiveSort(sort: DirectorySort | null, hasOrigin: boolean): DirectorySort {
	if (sort === 'checked' || sort === 'name') return sort;
	if (sort === 'distance' && hasOrigin) return 'distance';
	return 'best';
}

/**
 * The first sentence of a description, for result lists, cut at a word near `maxLength`.
 * @example firstSentence('A choir for all. No auditions.') // 'A choir for all.'
 */
export function firstSentence(text: string | null | undefined, maxLength = 160): string {
	const clean = (text ?? '').replace(/\s+/g, ' ').trim();
	// A full stop, question or exclamation mark followed by a space and a capital letter or digit.
	const end = clean.search(/[.!?](?=\s+[\p{Lu}\p{N}"“‘(])/u);
	const sentence = end >= 0 ? clean.slice(0, end + 1) : clean;
	if (sentence.length <= maxLength) return sentence;
	const cut = sentence.slice(0, maxLength - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
