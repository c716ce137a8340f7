import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import {
	deletePatch,
	describePatchDeletion,
	getPatchForManaging
} from '$lib/server/queries/patch-lifecycle';
import { deleteFormSchema, fieldsOf } from '../../manage-form';
import type { Actions, PageServerLoad } from './$types';

function findPatch(id: string) {
	const patch = getPatchForManaging(getDb(), Number(id));
	if (!patch) error(404, 'Page not found');
	return patch;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireRole(locals, url, 'council');
	const patch = findPatch(params.id);
	return {
		patch: { id: patch.id, name: patch.name, status: patch.status },
		effects: describePatchDeletion(getDb(), patch.id)
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		// Layouts do not guard actions: without this, anyone could delete a patch.
		const user = requireRole(locals, url, 'council');
		const patch = findPatch(params.id);
		const parsed = deleteFormSchema.safeParse(fieldsOf(await request.formData(), ['moveTo']));
		const message = 'Choose a patch from the list, or no patch';
		if (!parsed.success) return fail(400, { errors: { moveTo: message } });
		const deleted = deletePatch(getDb(), {
			patchId: patch.id,
			userId: user.id,
			moveTo: parsed.data.moveTo
		});
		if (!deleted) return fail(400, { errors: { moveTo: message } });
		redirect(303, `/council/patches?deleted=${patch.id}`);
	}
};
