import { describe, expect, it } from 'vitest';
import { describedBy } from './field';

describe('describedBy', () => {
	it('names the hint and the error that are there, or nothing', () => {
		expect(describedBy('email', 'We never share it', 'Enter an email address')).toBe(
			'email-hint email-error'
		);
		expect(describedBy('email', undefined, 'Enter an email address')).toBe('email-error');
		expect(describedBy('email')).toBeUndefined();
	});
});
