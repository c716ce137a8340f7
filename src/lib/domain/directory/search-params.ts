/**
 * The search page's query string to a DirectorySearch. Nothing a visitor can put in a URL fails here:
 * each bad value is left out (or replaced by a safe default) with a plain notice saying so.
 */
import { z } from 'zod';
import { toFtsQuery } from '../fts-query';
import { normalisePostcode } from '../postcode';
import type { Lang, TimeOfDay, Weekday } from '../sessions';
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KINDS,
	LANGUAGE_NAMES,
	type AccessibilityFeature,
	type AssetKind
} from '../vocabulary';
import { isOnGlobe } from './distance';
import { makeNotice, type Notice, type NoticeCode } from './notices';
import {
	COST_FILTERS,
	DAY_CODES,
	DEFAULT_RADIUS_KM,
	DIRECTORY_SORTS,
	MAX_AGE,
	MAX_PAGE,
	MAX_QUERY_LENGTH,
	MAX_RADIUS_KM,
	MIN_RADIUS_KM,
	TIMES_OF_DAY,
	emptySearch,
	type CostFilter,
	type DirectorySearch,
	type DirectorySort
} from './search';

/** Query-string values by name, as URLSearchParams holds them (a name may repeat). */
export type RawParams = Record<string, string[]>;

export interface ParsedSearch {
	search: DirectorySearch;
	notices: Notice[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DECIMAL = /^[+-]?(\d{1,3}(\.\d{1,12})?|\.\d{1,12})$/;
const WHOLE = /^\d{1,4}$/;
/** More values than any filter has choices is not a person using the form. */
const MAX_VALUES = 20;

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ACCESS_CODES = Object.keys(ACCESSIBILITY_FEATURES) as AccessibilityFeature[];

/** Turns URLSearchParams, a plain object or anything else into RawParams; never throws. */
function toRawParams(input: unknown): RawParams {
	// No prototype: "toString" or "__proto__" in a URL is a name like any other (issue 14, finding 5).
	const raw: RawParams = Object.create(null);
	const add = (key: string, value: unknown) => {
		if (typeof value !== 'string') return;
		(raw[key] ??= []).push(value);
	};
	if (input instanceof URLSearchParams) {
		for (const [key, value] of input) add(key, value);
	} else if (input && typeof input === 'object') {
		for (const [key, value] of Object.entries(input)) {
			for (const item of Array.isArray(value) ? value : [value]) add(key, item);
		}
	}
	return raw;
}

const rawParamsSchema = z.preprocess(toRawParams, z.record(z.string(), z.array(z.string())));

/** The weekday of a day code, day name or ISO number, or null. */
function parseDay(value: string): Weekday | null {
	const text = value.trim().toLowerCase();
	let index = (DAY_CODES as readonly string[]).indexOf(text);
	if (index < 0) index = DAY_NAMES.indexOf(text);
	if (index < 0 && /^[1-7]$/.test(text)) index = Number(text) - 1;
	return index < 0 ? null : ((index + 1) as Weekday);
}

/**
 * Builds the parser for one language (notices are written in it). Takes URLSearchParams or an object
 * of strings / string arrays, and always succeeds.
 */
export function directorySearchSchema(lang: Lang = 'en') {
	return rawParamsSchema.transform((raw): ParsedSearch => {
		const search = emptySearch();
		const notices: Notice[] = [];
		const note = (code: NoticeCode, field: string, values: Record<string, string | number> = {}) =>
			notices.push(makeNotice(code, field, values, lang));
		const first = (name: string) => (raw[name]?.[0] ?? '').trim();
		/** Distinct non-empty values of a repeated field, with one notice for any not recognised. */
		const many = <T>(name: string, code: NoticeCode, read: (value: string) => T | null): T[] => {
			const out: T[] = [];
			let rejected: string | undefined;
			for (const value of (raw[name] ?? []).slice(0, MAX_VALUES * 5)) {
				if (value.trim() === '') continue;
				const parsed = read(value.trim());
				if (parsed === null) rejected ??= value;
				else if (!out.includes(parsed) && out.length < MAX_VALUES) out.push(parsed);
			}
			if (rejected !== undefined) note(code, name, { value: rejected });
			return out;
		};
		const oneOf =
			<T extends string>(list: readonly T[]) =>
			(value: string) =>
				(list as readonly string[]).includes(value.toLowerCase())
					? (value.toLowerCase() as T)
					: null;

		const q = first('q').replace(/\s+/g, ' ');
		const qChars = Array.from(q);
		search.q =
			qChars.length > MAX_QUERY_LENGTH ? qChars.slice(0, MAX_QUERY_LENGTH).join('').trim() : q;
		if (qChars.length > MAX_QUERY_LENGTH) note('q_too_long', 'q', { max: MAX_QUERY_LENGTH });
		if (search.q && toFtsQuery(search.q) === null) note('q_no_words', 'q', { value: search.q });

		const category = first('category').toLowerCase();
		if (category && category.length <= 80 && SLUG.test(category)) search.category = category;
		else if (category) note('category_unknown', 'category', { value: first('category') });

		search.kinds = many<AssetKind>('kind', 'kind_unknown', oneOf(ASSET_KINDS));
		search.days = many<Weekday>('day', 'day_unknown', parseDay).sort((a, b) => a - b);
		const times = many<TimeOfDay>('time', 'time_unknown', oneOf(TIMES_OF_DAY));
		search.times = TIMES_OF_DAY.filter((time) => times.includes(time));
		const access = many<AccessibilityFeature>('access', 'access_unknown', oneOf(ACCESS_CODES));
		search.access = ACCESS_CODES.filter((code) => access.includes(code));

		const cost = first('cost');
		if (cost) search.cost = oneOf<CostFilter>(COST_FILTERS)(cost);
		if (cost && !search.cost) note('cost_unknown', 'cost', { value: cost });

		const age = first('age');
		if (WHOLE.test(age) && Number(age) <= MAX_AGE) search.age = Number(age);
		else if (age) note('age_invalid', 'age', { value: age, max: MAX_AGE });

		const language = first('language').toLowerCase();
		if (language && Object.hasOwn(LANGUAGE_NAMES, language)) search.language = language;
		else if (language) note('language_unknown', 'language', { value: first('language') });

		const patch = first('patch').toLowerCase();
		if (patch && patch.length <= 80 && SLUG.test(patch)) search.patch = patch;
		else if (patch) note('patch_unknown', 'patch', { value: first('patch') });

		const postcode = first('postcode');
		if (postcode) {
			search.postcode = normalisePostcode(postcode.slice(0, 20));
			if (!search.postcode) note('postcode_invalid', 'postcode', { value: postcode });
		}
		const [lat, lon] = [first('lat'), first('lon')];
		if (!search.postcode && (lat || lon)) {
			const point: [number, number] = [Number(lon), Number(lat)];
			if (DECIMAL.test(lat) && DECIMAL.test(lon) && isOnGlobe(point)) {
				// Five decimal places is about a metre: enough, and keeps shared URLs short.
				search.point = [round5(point[0]), round5(point[1])];
			} else note('point_invalid', 'lat');
		}

		const radius = first('radius');
		if (radius) {
			const km = DECIMAL.test(radius) ? Number(radius) : NaN;
			if (km >= MIN_RADIUS_KM && km <= MAX_RADIUS_KM) search.radiusKm = km;
			else
				note('radius_invalid', 'radius', {
					min: MIN_RADIUS_KM,
					max: MAX_RADIUS_KM,
					default: DEFAULT_RADIUS_KM
				});
		}

		const sort = first('sort').toLowerCase();
		// Best match is the default, so it stays out of the URL; "relevance" was its old name.
		const isBest = sort === 'best' || sort === 'relevance';
		if (sort && !isBest) search.sort = oneOf<DirectorySort>(DIRECTORY_SORTS)(sort);
		if (sort && !isBest && !search.sort) note('sort_unknown', 'sort', { value: first('sort') });
		if (search.sort === 'distance' && !search.postcode && !search.point) {
			// An invalid postcode or point has its own notice; this one is for no place at all.
			if (!postcode && !lat && !lon) note('sort_needs_place', 'sort');
			search.sort = null;
		}

		const page = first('page');
		if (page) {
			const number = /^\d{1,6}$/.test(page) ? Number(page) : NaN;
			if (number >= 1 && number <= MAX_PAGE) search.page = number;
			else note('page_invalid', 'page', { value: page });
		}
		return { search, notices };
	});
}

const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

/** The English parser: `searchParamsSchema.parse(url.searchParams)` gives `{ search, notices }`. */
export const searchParamsSchema = directorySearchSchema('en');

/**
 * Parses a search page's query string, never throwing.
 * @example parseDirectorySearch(new URLSearchParams('q=choir&day=tue')).search.days // [2]
 */
export function parseDirectorySearch(params: unknown, lang: Lang = 'en'): ParsedSearch {
	return (lang === 'en' ? searchParamsSchema : directorySearchSchema(lang)).parse(params);
}
