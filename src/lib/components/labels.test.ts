import { describe, expect, it } from 'vitest';
import { kindCountsText, roleAfterBy } from './labels';

describe('roleAfterBy', () => {
	it('reads in lower case after "by" in English, with "a" or "an"', () => {
		expect(`by ${roleAfterBy('coordinator', 'en')}`).toBe('by a local area coordinator');
		expect(`by ${roleAfterBy('admin', 'en')}`).toBe('by an administrator');
	});

	it('takes the soft mutation after "gan" in Welsh, where the first letter mutates', () => {
		expect(`gan ${roleAfterBy('coordinator', 'cy')}`).toBe('gan gydlynydd ardal leol');
		expect(`gan ${roleAfterBy('admin', 'cy')}`).toBe('gan weinyddwr');
		// "s" does not mutate.
		expect(`gan ${roleAfterBy('council', 'cy')}`).toBe('gan swyddog y cyngor');
	});
});

describe('kindCountsText', () => {
	it('names each kind with its count, in a list for a sentence, in English and Welsh', () => {
		const counts = [
			{ kind: 'group', count: 1234 },
			{ kind: 'venue', count: 5 },
			{ kind: 'service', count: 3 }
		] as const;
		expect(kindCountsText(counts, 'en')).toBe('groups (1,234), venues (5) and services (3)');
		expect(kindCountsText(counts, 'cy')).toBe('grwpiau (1,234), lleoliadau (5) a gwasanaethau (3)');
	});
});
