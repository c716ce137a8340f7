import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { getPatchForEditing, updatePatchBoundary } from '$lib/server/queries/patch-boundaries';
import { boundaryValues, readBoundaryForm, refusedForLock } from '../../boundary-form';
import { editorPageData, lockedRefusal } from '../../editor.server';
import type { Actions, PageServerLoad } from './$types';

function findPatch(id: string) {
	const patch = getPatchForEditing(getDb(), Number(id));
	if (!patch) error(404, 'Page not found');
	return patch;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireRole(locals, url, 'council');
	const patch = findPatch(params.id);
	return editorPageData(getDb(), patch.programmeId, patch);
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		// Layouts do not guard actions: without this, anyone could post a boundary.
		const user = requireRole(locals, url, 'council');
		const patch = findPatch(params.id);
		const form = await request.formData();
		const formValues = boundaryValues(form);
		const result = await readBoundaryForm(form, { withName: false });
		if (!result.ok) return fail(400, result);
		const refusal = lockedRefusal(getDb(), patch.programmeId, {
			id: patch.id,
			name: patch.name,
			geometry: result.geometry
		});
		if (refusal) return fail(400, refusedForLock(refusal, result.geometry, formValues));
		updatePatchBoundary(getDb(), {
			patchId: patch.id,
			geometry: result.geometry,
			userId: user.id,
			source: result.source
		});
		redirect(303, `/council/patches?saved=${patch.id}`);
	}
};
