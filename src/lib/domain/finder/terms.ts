/**
 * The person's free words as separate terms, each matched on its own (an entry that holds two of
 * three words fits better than one that holds one). Little words that every description holds are
 * dropped, or "talk to other dads" would match anything with "to" in it.
 *
 * Matching follows the directory's full-text index exactly (drizzle/0001_search_index.sql and
 * ../fts-query.ts): unicode61 words with diacritics removed, compared case-blind, a term of 3 or more
 * letters matching as a prefix. It runs here, on the few hundred entries within reach, because an FTS5
 * MATCH limited to a list of rowids still reads every match of the term (about 550 ms for "hall" on
 * the 300,000-entry benchmark).
 */

const LITTLE_WORDS = new Set(
	'a an and are as at be by for from has have i in is it me my of on or other our so that the their them they this to up us we with you your'.split(
		' '
	)
);
export const MAX_TERMS = 6;

/**
 * @example finderTerms('Talk to other dads') // ['talk', 'dads']
 */
export function finderTerms(words: string): string[] {
	const terms = textWords(words).filter((term) => term.length >= 2 && !LITTLE_WORDS.has(term));
	return [...new Set(terms)].slice(0, MAX_TERMS);
}

/**
 * Words as the full-text index sees them: lower case, diacritics removed, split on anything that is
 * not a letter or number.
 * @example textWords('Gŵyl Café!') // ['gwyl', 'cafe']
 */
export function textWords(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/**
 * Whether text holds a term: the whole word for one or two letters, a word starting with it from three.
 * @example holdsTerm(textWords('Allotment society'), 'allot') // true
 */
export function holdsTerm(words: readonly string[], term: string): boolean {
	return term.length >= 3 ? words.some((w) => w.startsWith(term)) : words.includes(term);
}
