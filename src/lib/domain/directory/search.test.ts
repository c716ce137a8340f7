import { describe, expect, it } from 'vitest';
import { effectiveSort, firstSentence } from './search';
import { makeNotice } from './notices';

describe('effectiveSort', () => {
	it('keeps the sort asked for when it can apply', () => {
		expect(effectiveSort('checked', false)).toBe('checked');
		expect(effectiveSort('name', true)).toBe('name');
		expect(effectiveSort('distance', true)).toBe('distance');
	});

	it('is Best match otherwise, and for distance without a place', () => {
		expect(effectiveSort(null, true)).toBe('best');
		expect(effectiveSort(null, false)).toBe('best');
		expect(effectiveSort('distance', false)).toBe('best');
	});
});

describe('firstSentence', () => {
	it('stops at the first sentence', () => {
		expect(firstSentence('A choir for all. No auditions.')).toBe('A choir for all.');
		expect(firstSentence('Open to all ages! Bring a friend.')).toBe('Open to all ages!');
	});

	it('does not stop at "e.g. something" or a price like £1.50', () => {
		expect(firstSentence('Tea costs £1.50 a cup. Cake too.')).toBe('Tea costs £1.50 a cup.');
		expect(firstSentence('Crafts e.g. knitting and sewing. Fun.')).toBe(
			'Crafts e.g. knitting and sewing.'
		);
	});

	it('cuts a very long sentence at a word', () => {
		const text = 'word '.repeat(100);
		const summary = firstSentence(text, 40);
		expect(summary.length).toBeLessThanOrEqual(40);
		expect(summary.endsWith('word…')).toBe(true);
	});

	it('is empty for no description', () => {
		expect(firstSentence(null)).toBe('');
	});
});

describe('makeNotice', () => {
	it('formats numbers and the one-page case', () => {
		expect(makeNotice('page_past_end', 'page', { pages: 1234 }).message).toContain('1,234 pages');
		expect(makeNotice('page_past_end', 'page', { pages: 1 }).message).toBe(
			'There is only 1 page of results, so it is shown.'
		);
	});
});
