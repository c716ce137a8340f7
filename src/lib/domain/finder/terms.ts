/**
 * The person's free words as separate terms, each matched on its own (an entry that holds two of
 * three words fits better than one that holds one). Little words that every description holds are
 * dropped, or "talk to other dads" would match anything with "to" in it.
 */
import { toFtsQuery } from '../fts-query';

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
	const terms = words
		.normalize('NFKC')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((term) => term.length >= 2 && !LITTLE_WORDS.has(term));
	return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** The FTS5 MATCH expression for one term (quoted, prefix from 3 letters: ../fts-query.ts). */
export const termMatch = (term: string): string => toFtsQuery(term) ?? '""';
