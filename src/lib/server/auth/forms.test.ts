import { describe, expect, it } from 'vitest';
import { parseSignInForm } from './forms';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

describe('parseSignInForm', () => {
	it('reads a trimmed email, the password as typed, and redirectTo', () => {
		expect(
			parseSignInForm(
				form({ email: ' sam@example.org ', password: ' pass word ', redirectTo: '/x' })
			)
		).toEqual({
			ok: true,
			data: { email: 'sam@example.org', password: ' pass word ', redirectTo: '/x' }
		});
	});

	it('asks for both fields when they are empty or missing', () => {
		expect(parseSignInForm(new FormData())).toEqual({
			ok: false,
			errors: { email: 'Enter your email address', password: 'Enter your password' },
			values: { email: '' }
		});
	});

	it('asks for a real email address and keeps what was typed', () => {
		const result = parseSignInForm(form({ email: 'sam at example', password: 'x' }));
		expect(result).toEqual({
			ok: false,
			errors: { email: 'Enter an email address in the correct format, like name@example.com' },
			values: { email: 'sam at example' }
		});
	});
});
