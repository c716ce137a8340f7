/**
 * Small pieces of grammar for sentences built from data: a list joined with "and", and, in Welsh,
 * "yn" before a place name with the nasal mutation it causes ("yng Nghanol Tref Fennick").
 */
import type { Lang } from './sessions';

/** A word starting with a vowel takes "ac" rather than "a". Y is a vowel at the start of a Welsh word;
 * W is left out, as the names in these lists (William, Wendy) start with a consonant sound. */
const WELSH_VOWEL_START = /^[aeiouyâêîôûŷáéíóúàèìòùäëïöüÿ]/i;

/**
 * Items as a list in running text: "A, B and C"; in Welsh "A, B a C", with "ac" before a vowel.
 * The items are people's and places' names, so "a" does not mutate them (as Welsh does a noun).
 *
 * @example joinList(['Tracey', 'Carys'], 'cy') // 'Tracey a Carys'
 * @example joinList(['Tracey', 'Imran'], 'cy') // 'Tracey ac Imran'
 */
export function joinList(items: readonly string[], lang: Lang = 'en'): string {
	if (items.length <= 1) return items[0] ?? '';
	const last = items[items.length - 1];
	const and = lang === 'en' ? 'and' : WELSH_VOWEL_START.test(last) ? 'ac' : 'a';
	return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}

/** After "yn": the letter a Welsh word starts with, what "yn" becomes, and what the letter becomes. */
const NASAL_MUTATIONS: [radical: string, preposition: string, mutated: string][] = [
	['b', 'ym', 'm'],
	['c', 'yng', 'ngh'],
	['d', 'yn', 'n'],
	['g', 'yng', 'ng'],
	['p', 'ym', 'mh'],
	['t', 'yn', 'nh']
];

/** Letter pairs that do not mutate: "ch", "ph", "th", "dd" are letters of their own. */
const NOT_MUTATED = /^(ch|ph|th|dd)/i;

/**
 * "In <place>" in Welsh: "yn" with the nasal mutation, "yng Nghanol Tref Fennick", "ym Mryn Eithin",
 * "ym Mhontypridd", "ym Machynlleth", "yn Abertawe". For a Welsh name only: an English name is
 * not mutated (a page writes "yn Aldermoor"). `capital` gives "Yng", for the start of a sentence.
 *
 * @example inWelshPlace('Canol Tref Fennick') // 'yng Nghanol Tref Fennick'
 */
export function inWelshPlace(name: string, capital = false): string {
	const first = name.charAt(0);
	const mutation = NOT_MUTATED.test(name)
		? undefined
		: NASAL_MUTATIONS.find(([radical]) => radical === first.toLowerCase());
	let preposition = 'yn';
	let mutatedName = name;
	if (mutation) {
		const [, yn, mutated] = mutation;
		preposition = yn;
		const start =
			first === first.toUpperCase() ? mutated[0].toUpperCase() + mutated.slice(1) : mutated;
		mutatedName = start + name.slice(1);
	} else if (first.toLowerCase() === 'm') {
		preposition = 'ym';
	}
	if (capital) preposition = preposition[0].toUpperCase() + preposition.slice(1);
	return `${preposition} ${mutatedName}`;
}
