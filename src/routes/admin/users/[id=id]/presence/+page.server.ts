import { error, redirect } from '@sveltejs/kit';
import { FORBIDDEN_MESSAGE, requireRole } from '$lib/server/auth';
import { getUserForAdmin } from '$lib/server/auth/admin-users';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import {
	addPresenceFromForm,
	presencePageData,
	removePresenceFromForm
} from '$lib/server/staff/presence-page';
import { canEditPresenceOf } from '$lib/domain/permissions';
import type { Actions, PageServerLoad } from './$types';

/** The administrator and the user whose times they edit (404 for no such user). */
function allowed(locals: App.Locals, url: URL, id: string) {
	const admin = requireRole(locals, url, 'admin');
	const owner = getUserForAdmin(getDb(), Number(id));
	if (!owner) error(404, 'Page not found');
	if (!canEditPresenceOf(actorFor(getDb(), admin), owner.id)) error(403, FORBIDDEN_MESSAGE);
	return { admin, owner };
}

const SAVED: Record<string, string> = { added: 'Time added', removed: 'Time removed' };

export const load: PageServerLoad = ({ locals, url, params }) => {
	const { owner } = allowed(locals, url, params.id);
	return {
		owner: { id: owner.id, displayName: owner.displayName },
		...presencePageData(getDb(), owner.id),
		saved: SAVED[url.searchParams.get('saved') ?? ''] ?? null
	};
};

export const actions: Actions = {
	add: async ({ locals, url, params, request }) => {
		const { admin, owner } = allowed(locals, url, params.id);
		const failure = addPresenceFromForm(getDb(), admin.id, owner.id, await request.formData());
		if (failure) return failure;
		redirect(303, `/admin/users/${owner.id}/presence?saved=added`);
	},
	remove: async ({ locals, url, params, request }) => {
		const { admin, owner } = allowed(locals, url, params.id);
		if (!removePresenceFromForm(getDb(), admin.id, owner.id, await request.formData())) {
			error(404, 'That time is not one of theirs');
		}
		redirect(303, `/admin/users/${owner.id}/presence?saved=removed`);
	}
};
