/** The sign-in form, parsed at the edge. Messages follow the GOV.UK design system's wording. */
import { z } from 'zod';

export const SIGN_IN_FAILED_MESSAGE = 'Enter a correct email address and password';

export const signInFormSchema = z.object({
	email: z
		.string()
		.trim()
		.min(1, 'Enter your email address')
		.max(320, 'Email address must be 320 characters or fewer')
		.pipe(z.email('Enter an email address in the correct format, like name@example.com')),
	// Not trimmed: spaces can be part of a password. Capped so nobody makes us hash megabytes.
	password: z
		.string()
		.min(1, 'Enter your password')
		.max(1000, 'Password must be 1,000 characters or fewer'),
	redirectTo: z.string().optional()
});

export type SignInErrors = Partial<Record<'email' | 'password' | 'form', string>>;

/**
 * Read the sign-in form. Missing fields count as empty, so the person sees "Enter …" rather
 * than a type error.
 * @returns the values, or the first message per field to show beside it
 */
export function parseSignInForm(
	form: FormData
):
	| { ok: true; data: z.output<typeof signInFormSchema> }
	| { ok: false; errors: SignInErrors; values: { email: string } } {
	const raw = {
		email: String(form.get('email') ?? ''),
		password: String(form.get('password') ?? ''),
		redirectTo: form.get('redirectTo')?.toString()
	};
	const result = signInFormSchema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const { fieldErrors } = z.flattenError(result.error);
	const errors: SignInErrors = {};
	if (fieldErrors.email) errors.email = fieldErrors.email[0];
	if (fieldErrors.password) errors.password = fieldErrors.password[0];
	return {
		ok: false,
		errors,
		values: { email: raw.email.trim() }
	};
}
