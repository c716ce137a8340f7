import { describe, expect, it } from 'vitest';
import { roleAfterBy } from './labels';

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
