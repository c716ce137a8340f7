/**
 * Demand: directory searches that found nothing, kept as little as can still show a gap. Only the
 * date, the filters (category, kind, day, patch) and the search words when they are short and all
 * words about what people look for (the search's topic words, English and Welsh): never a name (a
 * search for a person stays nowhere), never anything over 40 characters, never a postcode, a point
 * or any digits (which could be a house number, phone number or coordinates), never an email
 * address. Nothing about who searched (no IP address, no session) is ever passed in.
 */
import type { DirectorySearch } from '../directory/search';
import { WELSH_TO_ENGLISH } from '../welsh-synonyms';

/** The longest search text kept; longer text is dropped, not cut (it may be a sentence about a person). */
export const MAX_DEMAND_TEXT = 40;
/** Months a record is kept; the daily jobs delete older ones. */
export const DEMAND_RETENTION_MONTHS = 12;

export interface EmptySearchRecord {
	/** London date, YYYY-MM-DD. */
	searchedOn: string;
	category: string;
	/** Kinds searched for, comma-separated in a fixed order, or ''. */
	kind: string;
	/** Weekdays 1-7, comma-separated, or ''. */
	day: string;
	/** The patch's slug, or ''. */
	patch: string;
	text: string;
}

/**
 * The search words as they may be kept: lower case, single spaces, or '' when they are too long,
 * hold a digit or an @ (postcodes, points, house and phone numbers, email addresses), or hold any
 * word that is not a topic word (a person's name, say).
 * @example demandText('  Knitting   Group ') // 'knitting group'
 * @example demandText('M33 7XX') // ''
 * @example demandText('Wenonah') // ''
 */
export function demandText(q: string): string {
	const text = q.trim().replace(/\s+/g, ' ').toLowerCase();
	if (text.length > MAX_DEMAND_TEXT) return '';
	if (/[0-9@]/.test(text)) return '';
	return text.split(' ').every(isTopicWord) ? text : '';
}

/** English stems of the topic words ("knit" covers knitting), from the Welsh-English list. */
const ENGLISH_STEMS = [...new Set(Object.values(WELSH_TO_ENGLISH).flat())];
/** Short words that join topic words ("help with money", "clwb i blant"). */
const JOINING_WORDS = new Set([
	'a',
	'an',
	'and',
	'for',
	'in',
	'of',
	'the',
	'to',
	'with',
	'i',
	'ac',
	'y',
	'yr',
	"'r"
]);

/** A word about what is looked for, never a name: a topic word, Welsh or English, or a joining word. */
function isTopicWord(word: string): boolean {
	return (
		JOINING_WORDS.has(word) ||
		word in WELSH_TO_ENGLISH ||
		ENGLISH_STEMS.some((stem) => word.startsWith(stem))
	);
}

/**
 * What is kept of a search that found nothing, or null when there is nothing worth keeping (no
 * filter and no words kept: a search for a postcode alone says nothing about demand).
 */
export function emptySearchRecord(
	search: Pick<DirectorySearch, 'q' | 'category' | 'kinds' | 'days' | 'patch'>,
	today: string
): EmptySearchRecord | null {
	const record: EmptySearchRecord = {
		searchedOn: today,
		category: search.category ?? '',
		kind: [...search.kinds].sort().join(','),
		day: [...search.days].sort((a, b) => a - b).join(','),
		patch: search.patch ?? '',
		text: demandText(search.q)
	};
	const { searchedOn: _date, ...filters } = record;
	return Object.values(filters).some((value) => value !== '') ? record : null;
}

/**
 * The first date kept on `today`: the same day 12 months before.
 * @example demandCutoff('2026-12-07') // '2025-12-07'
 */
export function demandCutoff(today: string): string {
	const [y, m, d] = today.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1 - DEMAND_RETENTION_MONTHS, d));
	return date.toISOString().slice(0, 10);
}

export interface DemandFigures {
	/** "Nothing suitable found" connections by month (YYYY-MM), patch and theme. */
	nothingSuitable: { month: string; patch: string; theme: string; count: number }[];
	/** Searches that found nothing, by month, category, kind, day, patch and words. */
	emptySearches: {
		month: string;
		category: string;
		kind: string;
		day: string;
		patch: string;
		text: string;
		count: number;
	}[];
	recording: boolean;
}
