/**
 * "Remove this person's data" (UK GDPR erasure) for an informal support: a confirmation page and the
 * POST that erases it. For coordinators of the entry's patches, council and admin; anyone else signed
 * in gets 403, a visitor is sent to sign in. Only informal supports can be erased here (others: 404).
 */
import { error, redirect } from '@sveltejs/kit';
import { getDb, type Db } from '$lib/server/db';
import { FORBIDDEN_MESSAGE, requireRole, type SessionUser } from '$lib/server/auth';
import { canEditEntry } from '$lib/domain/permissions';
import { actorFor, listPatchIdsOfEntry } from '$lib/server/staff/entry-patches';
import { eraseInformalSupport, previewErasure } from '$lib/server/staff/erasure';
import type { Actions, PageServerLoad } from './$types';

/** The informal support, once the person is known to be allowed to erase it. */
function allowedErasure(db: Db, user: SessionUser, id: number) {
	const preview = previewErasure(db, id);
	if (!preview) error(404, 'Page not found');
	if (!canEditEntry(actorFor(db, user), listPatchIdsOfEntry(db, id))) {
		error(403, FORBIDDEN_MESSAGE);
	}
	return preview;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const user = requireRole(locals, url, 'coordinator', 'council');
	return { entry: allowedErasure(getDb(), user, Number(params.id)) };
};

export const actions: Actions = {
	default: ({ locals, url, params }) => {
		const user = requireRole(locals, url, 'coordinator', 'council');
		const db = getDb();
		const id = Number(params.id);
		allowedErasure(db, user, id);
		const outcome = eraseInformalSupport(db, { assetId: id, actorId: user.id });
		if (!outcome.ok) error(404, 'Page not found');
		redirect(303, '/entries/erased');
	}
};
