/**
 * What a coordinator tells the connection finder about the person they are with. Nothing here is
 * stored or logged: it arrives in the GET query string (the coordinator's own browser address and
 * history) and is parsed by one zod schema that never fails: a value it cannot read is left out with a
 * plain notice.
 */
import { z } from 'zod';
import { isOnGlobe } from '../directory/distance';
import { DAY_CODES, TIMES_OF_DAY } from '../directory/search';
import { normalisePostcode } from '../postcode';
import type { TimeOfDay, Weekday } from '../sessions';
import { ACCESSIBILITY_FEATURES, LANGUAGE_NAMES, type AccessibilityFeature } from '../vocabulary';

/** How far the person can get: walking minutes, or a straight-line distance. */
export const WALK_CHOICES = [10, 20, 30] as const;
export type WalkMinutes = (typeof WALK_CHOICES)[number];
export const MAX_FINDER_KM = 25;
export const MIN_FINDER_KM = 0.1;
export const MAX_WORDS_LENGTH = 200;
export const MAX_AGE = 120;

export type Reach = { kind: 'walk'; minutes: WalkMinutes } | { kind: 'distance'; km: number };

/** Where the person is: a postcode, a point on the map, or a patch. */
export type Where =
	| { kind: 'postcode'; postcode: string }
	| { kind: 'point'; point: [number, number] }
	| { kind: 'patch'; slug: string };

/** One day and part of the day the person is free. */
export interface Slot {
	day: Weekday;
	part: TimeOfDay;
}

export interface FinderInputs {
	/** Category ids of what matters to them. */
	categories: string[];
	/** Free words as typed ('' for none): never stored, only matched. */
	words: string;
	/** When they are free; empty means any time. */
	slots: Slot[];
	where: Where | null;
	reach: Reach;
	access: AccessibilityFeature[];
	age: number | null;
	withChildren: boolean;
	cost: 'free' | 'low' | null;
	/** A language code from LANGUAGE_NAMES. */
	language: string | null;
}

export interface FinderNotice {
	field: string;
	message: string;
}

export const DEFAULT_REACH: Reach = { kind: 'walk', minutes: 20 };

export function emptyInputs(): FinderInputs {
	return {
		categories: [],
		words: '',
		slots: [],
		where: null,
		reach: DEFAULT_REACH,
		access: [],
		age: null,
		withChildren: false,
		cost: null,
		language: null
	};
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DECIMAL = /^[+-]?(\d{1,3}(\.\d{1,12})?|\.\d{1,12})$/;
const ACCESS_CODES = Object.keys(ACCESSIBILITY_FEATURES) as AccessibilityFeature[];
const MAX_VALUES = 30;

/** A slot's value in the form: "tue-morning". */
export const slotValue = ({ day, part }: Slot): string => `${DAY_CODES[day - 1]}-${part}`;

function parseSlot(value: string): Slot | null {
	const [code, part] = value.toLowerCase().split('-');
	const index = (DAY_CODES as readonly string[]).indexOf(code);
	if (index < 0 || !(TIMES_OF_DAY as readonly string[]).includes(part)) return null;
	return { day: (index + 1) as Weekday, part: part as TimeOfDay };
}

const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

function toEntries(input: unknown): [string, string][] {
	if (input instanceof URLSearchParams) return [...input];
	if (input && typeof input === 'object') {
		return Object.entries(input).flatMap(([key, value]) =>
			(Array.isArray(value) ? value : [value])
				.filter((item): item is string => typeof item === 'string')
				.map((item) => [key, item] as [string, string])
		);
	}
	return [];
}

/**
 * The finder's query string to its inputs. Takes URLSearchParams or an object of strings; always
 * succeeds, with a notice for each value it left out.
 *
 * @example parseFinderInputs(new URLSearchParams('cat=gardening&when=tue-morning&postcode=fv1 0lw')).inputs.slots
 * // [{ day: 2, part: 'morning' }]
 */
export const finderInputsSchema = z
	.unknown()
	.transform(toEntries)
	.transform((entries) => {
		const inputs = emptyInputs();
		const notices: FinderNotice[] = [];
		const all = (name: string) =>
			entries
				.filter(([key, value]) => key === name && value.trim() !== '')
				.slice(0, MAX_VALUES)
				.map(([, value]) => value.trim());
		const first = (name: string) => all(name)[0] ?? '';
		const note = (field: string, message: string) => notices.push({ field, message });

		for (const id of all('cat')) {
			const slug = id.toLowerCase();
			if (SLUG.test(slug) && slug.length <= 80) {
				if (!inputs.categories.includes(slug)) inputs.categories.push(slug);
			} else note('cat', `"${id.slice(0, 40)}" is not a category, so it was left out`);
		}
		const words = first('q').replace(/\s+/g, ' ');
		inputs.words = Array.from(words).slice(0, MAX_WORDS_LENGTH).join('').trim();
		if (Array.from(words).length > MAX_WORDS_LENGTH)
			note('q', `Only the first ${MAX_WORDS_LENGTH} characters of the words were used`);

		if (first('anytime') === '') {
			for (const value of all('when')) {
				const slot = parseSlot(value);
				if (!slot)
					note('when', `"${value.slice(0, 20)}" is not a day and time, so it was left out`);
				else if (!inputs.slots.some((s) => s.day === slot.day && s.part === slot.part))
					inputs.slots.push(slot);
			}
			inputs.slots.sort(
				(a, b) => a.day - b.day || TIMES_OF_DAY.indexOf(a.part) - TIMES_OF_DAY.indexOf(b.part)
			);
		}

		const postcode = first('postcode');
		const [lon, lat] = [first('lon'), first('lat')];
		const patch = first('patch').toLowerCase();
		if (postcode) {
			const normal = normalisePostcode(postcode.slice(0, 20));
			if (normal) inputs.where = { kind: 'postcode', postcode: normal };
			else note('postcode', `"${postcode.slice(0, 20)}" is not a postcode`);
		} else if (lon || lat) {
			const point: [number, number] = [Number(lon), Number(lat)];
			if (DECIMAL.test(lon) && DECIMAL.test(lat) && isOnGlobe(point))
				inputs.where = { kind: 'point', point: [round5(point[0]), round5(point[1])] };
			else note('lat', 'The point on the map could not be read');
		} else if (patch) {
			if (SLUG.test(patch) && patch.length <= 80) inputs.where = { kind: 'patch', slug: patch };
			else note('patch', `"${patch.slice(0, 40)}" is not a patch`);
		}

		const reach = first('reach');
		if (reach === 'km') {
			const km = DECIMAL.test(first('km')) ? Number(first('km')) : NaN;
			if (km >= MIN_FINDER_KM && km <= MAX_FINDER_KM) inputs.reach = { kind: 'distance', km };
			else note('km', `Enter a distance from ${MIN_FINDER_KM} to ${MAX_FINDER_KM} km`);
		} else if (reach) {
			const minutes = Number(reach.replace(/^walk/, ''));
			if ((WALK_CHOICES as readonly number[]).includes(minutes))
				inputs.reach = { kind: 'walk', minutes: minutes as WalkMinutes };
			else note('reach', 'That is not a choice of how far, so 20 minutes’ walk was used');
		}

		for (const code of all('access')) {
			const feature = code.toLowerCase() as AccessibilityFeature;
			if (ACCESS_CODES.includes(feature)) {
				if (!inputs.access.includes(feature)) inputs.access.push(feature);
			} else note('access', `"${code.slice(0, 30)}" is not an access need we know`);
		}
		inputs.access = ACCESS_CODES.filter((code) => inputs.access.includes(code));

		const age = first('age');
		if (/^\d{1,3}$/.test(age) && Number(age) <= MAX_AGE) inputs.age = Number(age);
		else if (age) note('age', `Enter an age from 0 to ${MAX_AGE}`);

		inputs.withChildren = first('children') !== '';
		const cost = first('cost');
		if (cost === 'free' || cost === 'low') inputs.cost = cost;
		else if (cost) note('cost', 'That is not a choice of cost, so any cost was used');

		const language = first('language').toLowerCase();
		if (language && Object.hasOwn(LANGUAGE_NAMES, language)) inputs.language = language;
		else if (language) note('language', `"${language.slice(0, 20)}" is not a language we know`);
		return { inputs, notices };
	});

export function parseFinderInputs(params: unknown): {
	inputs: FinderInputs;
	notices: FinderNotice[];
} {
	return finderInputsSchema.parse(params);
}

/** The inputs back as a query string, for links that keep the search (and nothing more). */
export function finderQueryString(inputs: FinderInputs): string {
	const params = new URLSearchParams();
	for (const id of inputs.categories) params.append('cat', id);
	if (inputs.words) params.set('q', inputs.words);
	for (const slot of inputs.slots) params.append('when', slotValue(slot));
	if (inputs.where?.kind === 'postcode') params.set('postcode', inputs.where.postcode);
	if (inputs.where?.kind === 'point') {
		params.set('lon', String(inputs.where.point[0]));
		params.set('lat', String(inputs.where.point[1]));
	}
	if (inputs.where?.kind === 'patch') params.set('patch', inputs.where.slug);
	if (inputs.reach.kind === 'walk') params.set('reach', `walk${inputs.reach.minutes}`);
	else {
		params.set('reach', 'km');
		params.set('km', String(inputs.reach.km));
	}
	for (const code of inputs.access) params.append('access', code);
	if (inputs.age !== null) params.set('age', String(inputs.age));
	if (inputs.withChildren) params.set('children', '1');
	if (inputs.cost) params.set('cost', inputs.cost);
	if (inputs.language) params.set('language', inputs.language);
	return params.toString();
}
