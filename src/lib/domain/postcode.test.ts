import { describe, expect, it } from 'vitest';
import { normalisePostcode } from './postcode';

describe('normalisePostcode', () => {
	it.each([
		['m32 0th', 'M32 0TH'],
		['M320TH', 'M32 0TH'],
		[' fv12  3ab ', 'FV12 3AB'],
		['EC1A 1BB', 'EC1A 1BB'],
		['W1A0AX', 'W1A 0AX'],
		['CF10 1AA', 'CF10 1AA']
	])('writes %s as %s', (input, expected) => {
		expect(normalisePostcode(input)).toBe(expected);
	});

	it.each(['', 'hello', '12345', 'M32', 'M32 0T', 'M32 0THX', "'; DROP TABLE"])(
		'refuses %j',
		(input) => {
			expect(normalisePostcode(input)).toBeNull();
		}
	);
});
