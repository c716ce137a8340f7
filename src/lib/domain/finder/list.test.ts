import { describe, expect, it } from 'vitest';
import { listIdsSchema, parseListPath } from './list';

describe('the person’s list link', () => {
	it('holds only entry ids', () => {
		expect(parseListPath('12.45.78')).toEqual([12, 45, 78]);
		expect(parseListPath('12.12')).toEqual([12]);
		for (const bad of ['', 'abc', '12,45', '12.', '0', `${'1.'.repeat(20)}1`]) {
			expect(parseListPath(bad)).toBeNull();
		}
	});

	it('reads the form’s ids, refusing anything that is not a whole number', () => {
		expect(listIdsSchema.parse(['3', '1', '3'])).toEqual([3, 1]);
		expect(listIdsSchema.safeParse(['3', 'x']).success).toBe(false);
	});
});
