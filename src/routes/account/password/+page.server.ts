import { dev } from '$app/environment';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser, setSessionCookie, UserInputError } from '$lib/server/auth';
import { changeOwnPassword, ownPasswordFormSchema } from '$lib/server/auth/own-password';
import { sessionBeganWithLink } from '$lib/server/auth/sign-in-links';
import { clearPasswordChanges, countPasswordChange } from '$lib/server/auth/password-change-limit';
import { getDb } from '$lib/server/db';
import { firstErrors } from '../../admin/users/form-values';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		// Just signed in with a one-time link: they have no password they know, so none is asked for.
		firstPassword: locals.session
			? sessionBeganWithLink(getDb(), locals.session.id, user.id)
			: false
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request, cookies }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const parsed = ownPasswordFormSchema.safeParse({
			currentPassword: String(form.get('currentPassword') ?? ''),
			newPassword: String(form.get('newPassword') ?? ''),
			confirmPassword: String(form.get('confirmPassword') ?? '')
		});
		// Passwords are never sent back to the page.
		if (!parsed.success) {
			return fail(400, { errors: firstErrors(z.flattenError(parsed.error).fieldErrors) });
		}
		// Counted before the slow check of the current password, so a burst cannot outrun the limit.
		const allowed = countPasswordChange(getDb(), user.id);
		if (!allowed.ok) return fail(429, { errors: { form: allowed.message } });
		let fresh;
		try {
			fresh = await changeOwnPassword(getDb(), user, locals.session!, parsed.data);
		} catch (e) {
			if (e instanceof UserInputError) return fail(400, { errors: firstErrors(e.errors) });
			throw e;
		}
		clearPasswordChanges(getDb(), user.id);
		setSessionCookie(cookies, fresh.token, fresh.session.expiresAt, !dev);
		redirect(303, '/account?password-changed');
	}
};
