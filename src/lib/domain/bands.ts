/**
 * Design limits and bands: where a patch's population sits against the programme's limits, and
 * plain guidance on how far it is from the usual size.
 *
 * A population is an estimate and may be fractional (areal weighting). It is rounded to whole people
 * (half up) before it is compared with the limits, so the band always agrees with the number a
 * person sees: 12,000.4 shows as "12,000" and is usual; 12,000.5 shows as "12,001" and is above usual.
 */
import { formatNumber } from './format';
import type { Lang } from './sessions';

/** Populations (people) that divide the bands; each above the one before. */
export interface DesignLimits {
	/** The smallest population that is not "under". */
	smallMin: number;
	/** Where the usual size starts. */
	usualMin: number;
	/** Where the usual size ends (included). */
	usualMax: number;
	/** The limit: more than this is "over the limit". */
	max: number;
}

/** From the seeds: 8,000-10,000 (LAC Network), 10,000-12,000 usually, no more than 15,000. */
export const DEFAULT_LIMITS: Readonly<DesignLimits> = Object.freeze({
	smallMin: 8000,
	usualMin: 10000,
	usualMax: 12000,
	max: 15000
});

export const BANDS = ['under', 'small', 'usual', 'above_usual', 'over'] as const;
export type Band = (typeof BANDS)[number];

/** The bands' names and ranges in words, one table per language (the council pages use English). */
const WORDS = {
	en: {
		labels: {
			under: 'Under',
			small: 'Small',
			usual: 'Usual',
			above_usual: 'Above usual',
			over: 'Over the limit'
		},
		under: 'Under {n}',
		range: '{from} to {to}',
		over: 'Over {n}'
	},
	cy: {
		labels: {
			under: "Llai na'r lleiafswm",
			small: 'Bach',
			usual: 'Arferol',
			above_usual: "Uwch na'r arfer",
			over: 'Dros y terfyn'
		},
		under: 'O dan {n}',
		range: '{from} i {to}',
		over: 'Dros {n}'
	}
} as const;

export const BAND_LABELS: Record<Band, string> = WORDS.en.labels;

/**
 * A band's name in English or Welsh.
 *
 * @example bandLabel('above_usual', 'cy') // "Uwch na'r arfer"
 */
export function bandLabel(band: Band, lang: Lang = 'en'): string {
	return WORDS[lang].labels[band];
}

/** A positive whole number of people. */
export const isPeople = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value > 0;

function checkLimits(limits: DesignLimits): void {
	const values = [limits.smallMin, limits.usualMin, limits.usualMax, limits.max];
	const ordered = values.every((v, i) => isPeople(v) && (i === 0 || v > values[i - 1]));
	if (!ordered)
		throw new RangeError(`Design limits must be whole numbers, each above the last: ${values}`);
}

/** A population rounded to whole people, after checking it is one. */
function wholePeople(population: number): number {
	if (!Number.isFinite(population) || population < 0) {
		throw new RangeError(`A population must be a number from 0 up, not ${population}`);
	}
	return Math.round(population);
}

/**
 * The band a population falls in: under < smallMin ≤ small < usualMin ≤ usual ≤ usualMax < above
 * usual ≤ max < over. Rounds to whole people first (see the module comment).
 *
 * @example bandFor(9999) // 'small'
 * @example bandFor(12000) // 'usual'
 * @example bandFor(15000.5) // 'over' (15,001 people)
 */
export function bandFor(population: number, limits: DesignLimits = DEFAULT_LIMITS): Band {
	checkLimits(limits);
	const whole = wholePeople(population);
	if (whole < limits.smallMin) return 'under';
	if (whole < limits.usualMin) return 'small';
	if (whole <= limits.usualMax) return 'usual';
	if (whole <= limits.max) return 'above_usual';
	return 'over';
}

/**
 * A band's range in words, for a key beside a map or table.
 *
 * @example describeBand('above_usual') // '12,001 to 15,000'
 * @example describeBand('usual', DEFAULT_LIMITS, 'cy') // '10,000 i 12,000'
 */
export function describeBand(
	band: Band,
	limits: DesignLimits = DEFAULT_LIMITS,
	lang: Lang = 'en'
): string {
	checkLimits(limits);
	const words = WORDS[lang];
	const n = (value: number) => formatNumber(value, { lang });
	const range = (from: number, to: number) =>
		words.range.replace('{from}', n(from)).replace('{to}', n(to));
	switch (band) {
		case 'under':
			return words.under.replace('{n}', n(limits.smallMin));
		case 'small':
			return range(limits.smallMin, limits.usualMin - 1);
		case 'usual':
			return range(limits.usualMin, limits.usualMax);
		case 'above_usual':
			return range(limits.usualMax + 1, limits.max);
		case 'over':
			return words.over.replace('{n}', n(limits.max));
	}
}

export interface SizingGuidance {
	band: Band;
	action: 'add' | 'remove' | 'none';
	/** About how many people to add or remove, rounded up to the next 10 (never 0 with an action). */
	people: number;
	/** The population the guidance aims for: usualMin, usualMax or max; the rounded population if none. */
	target: number;
	message: string;
}

/** Rounded up, so following the guidance reaches the target; "about" covers the overshoot. */
const aboutPeople = (exact: number) => Math.ceil(exact / 10) * 10;

/**
 * Plain guidance on a patch's size: how many people to add or remove to reach the usual size, or to
 * come within the limit.
 *
 * @example sizingGuidance(16_505).message // 'Remove about 1,510 people to be under 15,000'
 * @example sizingGuidance(7_700).message // 'Add about 2,300 people to reach 10,000'
 */
export function sizingGuidance(
	population: number,
	limits: DesignLimits = DEFAULT_LIMITS
): SizingGuidance {
	const band = bandFor(population, limits);
	const whole = wholePeople(population);
	const n = formatNumber;
	switch (band) {
		case 'under':
		case 'small': {
			const count = aboutPeople(limits.usualMin - whole);
			const add = `add about ${n(count)} people to reach ${n(limits.usualMin)}`;
			const message = band === 'under' ? capitalise(add) : `Smaller than usual: ${add}`;
			return { band, action: 'add', people: count, target: limits.usualMin, message };
		}
		case 'usual':
			return { band, action: 'none', people: 0, target: whole, message: 'Within the usual size' };
		case 'above_usual': {
			const count = aboutPeople(whole - limits.usualMax);
			const message = `Within the limit, but above the usual ${n(limits.usualMax)}: remove about ${n(count)} people to reach the usual size`;
			return { band, action: 'remove', people: count, target: limits.usualMax, message };
		}
		case 'over': {
			const count = aboutPeople(whole - limits.max);
			const message = `Remove about ${n(count)} people to be under ${n(limits.max)}`;
			return { band, action: 'remove', people: count, target: limits.max, message };
		}
	}
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
