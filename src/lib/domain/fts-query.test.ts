import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query';

describe('toFtsQuery', () => {
	it('quotes each word and matches words of 3+ letters as prefixes', () => {
		expect(toFtsQuery('Knit club')).toBe('"knit"* AND "club"*');
		expect(toFtsQuery('to go')).toBe('"to" AND "go"');
	});

	it('turns FTS operators, quotes and SQL into plain words', () => {
		expect(toFtsQuery('AND OR NOT')).toBe('"and"* AND "or" AND "not"*');
		expect(toFtsQuery('"unterminated')).toBe('"unterminated"*');
		expect(toFtsQuery("'; DROP TABLE assets; --")).toBe('"drop"* AND "table"* AND "assets"*');
		expect(toFtsQuery('name:foo* NEAR(a b)')).toBe(
			'"name"* AND "foo"* AND "near"* AND "a" AND "b"'
		);
	});

	it('keeps letters of other scripts and Welsh accents', () => {
		expect(toFtsQuery('Gŵyl café')).toBe('"gŵyl"* AND "café"*');
	});

	it('also matches the English words of a Welsh word, and leaves English words alone', () => {
		expect(toFtsQuery('Cerdded')).toBe('("cerdded"* OR "walk"*)');
		expect(toFtsQuery('clwb canu')).toBe(
			'("clwb"* OR "club"*) AND ("canu"* OR "sing"* OR "choir"*)'
		);
		expect(toFtsQuery('walking plant tai chi')).toBe(
			'"walking"* AND "plant"* AND "tai"* AND "chi"*'
		);
		expect(toFtsQuery('constructor __proto__')).toBe('"constructor"* AND "proto"*');
	});

	it('returns null when nothing is left to search for', () => {
		expect(toFtsQuery('')).toBeNull();
		expect(toFtsQuery('  -- !! "" ')).toBeNull();
		expect(toFtsQuery('🙂')).toBeNull();
	});

	it('bounds very long input', () => {
		const query = toFtsQuery('word '.repeat(2000) + 'x'.repeat(10_000));
		expect(query?.split(' AND ')).toHaveLength(8);
	});
});
