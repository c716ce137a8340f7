import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import {
	addPresenceFromForm,
	presencePageData,
	removePresenceFromForm
} from '$lib/server/staff/presence-page';
import { canEditPresenceOf } from '$lib/domain/permissions';
import { FORBIDDEN_MESSAGE } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person, if they may edit their own presence (coordinators and admins); else 403. */
function owner(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!canEditPresenceOf(actorFor(getDb(), user), user.id)) error(403, FORBIDDEN_MESSAGE);
	return user;
}

const SAVED: Record<string, string> = { added: 'Time added', removed: 'Time removed' };

export const load: PageServerLoad = ({ locals, url }) => {
	const user = owner(locals, url);
	return {
		...presencePageData(getDb(), user.id),
		saved: SAVED[url.searchParams.get('saved') ?? ''] ?? null
	};
};

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		const user = owner(locals, url);
		const failure = addPresenceFromForm(getDb(), user.id, user.id, await request.formData());
		if (failure) return failure;
		redirect(303, '/account/presence?saved=added');
	},
	remove: async ({ locals, url, request }) => {
		const user = owner(locals, url);
		if (!removePresenceFromForm(getDb(), user.id, user.id, await request.formData())) {
			error(404, 'That time is not one of yours');
		}
		redirect(303, '/account/presence?saved=removed');
	}
};
