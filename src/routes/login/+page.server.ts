import { dev } from '$app/environment';
import {
	createLoginSession,
	invalidateSession,
	safeRedirectPath,
	setSessionCookie,
	verifyLogin
} from '$lib/server/auth';
import { SIGN_IN_FAILED_MESSAGE, parseSignInForm, type SignInErrors } from '$lib/server/auth/forms';
import { admitSignIn, settleSignIn } from '$lib/server/auth/rate-limit';
import { getDb } from '$lib/server/db';
import { whenWritable, writeTransaction } from '$lib/server/db/busy';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
	// Already signed in: go where they were heading rather than sign in twice.
	if (locals.user) redirect(303, redirectTo);
	return { redirectTo };
};

export const actions: Actions = {
	default: async ({ request, cookies, locals, getClientAddress }) => {
		const parsed = parseSignInForm(await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });

		const { email, password } = parsed.data;
		const values = { email };
		const db = getDb();
		// Counted before the password is checked (it takes a while), so a burst cannot outrun it.
		// Each step's writes are one transaction, tried again off the thread while a command-line
		// import holds the write lock (busy.ts).
		const address = getClientAddress();
		const admission = await whenWritable(() =>
			writeTransaction(db, () => admitSignIn(db, { email, address }))
		);
		if (!admission.ok) {
			return fail(429, { errors: { form: admission.refusal.message } as SignInErrors, values });
		}

		const user = await verifyLogin(db, email, password);
		await whenWritable(() =>
			writeTransaction(db, () => settleSignIn(db, admission.ticket, user !== null))
		);
		if (!user) {
			return fail(400, { errors: { form: SIGN_IN_FAILED_MESSAGE } as SignInErrors, values });
		}

		// A fresh session on every sign-in, so a token planted before sign-in is worth nothing after.
		const { token, session } = await whenWritable(() =>
			writeTransaction(db, () => {
				if (locals.session) invalidateSession(db, locals.session.id);
				return createLoginSession(db, user.id);
			})
		);
		setSessionCookie(cookies, token, session.expiresAt, !dev);
		redirect(303, safeRedirectPath(parsed.data.redirectTo));
	}
};
