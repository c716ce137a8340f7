import { dev } from '$app/environment';
import { deleteSessionCookie, signOut } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST only; a GET (a link, a prefetch) just shows the button.
export const load: PageServerLoad = ({ locals }) => ({
	displayName: locals.user?.displayName ?? null
});

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		if (locals.session && locals.user) signOut(getDb(), locals.session.id, locals.user.id);
		deleteSessionCookie(cookies, !dev);
		redirect(303, '/');
	}
};
