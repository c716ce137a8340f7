/**
 * Turns what a person typed into a safe SQLite FTS5 query. Every term is quoted, so no input can be
 * read as FTS syntax (STACK.md trap 6); terms of 3 or more characters also match as prefixes. A
 * Welsh word from ./welsh-synonyms.ts also matches its English words, so Welsh searches find
 * entries written only in English.
 */
import { englishFor } from './welsh-synonyms';

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

const quoted = (term: string) => `"${term}"${term.length >= 3 ? '*' : ''}`;

/**
 * The FTS5 MATCH expression for free text, or null when there is nothing to search for.
 * @example toFtsQuery('knit club') // '"knit"* AND "club"*'
 * @example toFtsQuery('clwb cerdded') // '("clwb"* OR "club"*) AND ("cerdded"* OR "walk"*)'
 * @example toFtsQuery('AND OR "') // '"and"* AND "or"' — operators become plain words
 */
export function toFtsQuery(text: string): string | null {
	const terms = text
		.normalize('NFKC')
		.toLowerCase()
		// Letters and numbers in any script; everything else separates words.
		.split(/[^\p{L}\p{N}]+/u)
		.filter((term) => term.length > 0)
		.slice(0, MAX_TERMS)
		.map((term) => term.slice(0, MAX_TERM_LENGTH));
	if (terms.length === 0) return null;
	return terms
		.map((term) => {
			const english = englishFor(term);
			if (english.length === 0) return quoted(term);
			return `(${[term, ...english].map(quoted).join(' OR ')})`;
		})
		.join(' AND ');
}
