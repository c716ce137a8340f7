import { dev } from '$app/environment';
import { fail, redirect } from '@sveltejs/kit';
import { invalidateSession, setSessionCookie } from '$lib/server/auth';
import {
	checkSignInLink,
	LINK_PROBLEM_MESSAGES,
	useSignInLink
} from '$lib/server/auth/sign-in-links';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/**
 * A one-time sign-in link. Opening it (GET) only says whose it is; the button (POST) signs them in,
 * once, and takes them to choose their password. A mail scanner that opens links uses nothing up.
 */
export const load: PageServerLoad = ({ params }) => {
	const link = checkSignInLink(getDb(), params.token);
	return link.ok
		? { ok: true as const, displayName: link.displayName }
		: { ok: false as const, message: LINK_PROBLEM_MESSAGES[link.problem] };
};

export const actions: Actions = {
	default: async ({ params, cookies, locals }) => {
		const db = getDb();
		const used = useSignInLink(db, params.token);
		if (!used.ok) return fail(400, { message: LINK_PROBLEM_MESSAGES[used.problem] });
		// Whoever was signed in on this browser before is signed out: the link is for its own user.
		if (locals.session) invalidateSession(db, locals.session.id);
		setSessionCookie(cookies, used.token, used.session.expiresAt, !dev);
		redirect(303, '/account/password');
	}
};
