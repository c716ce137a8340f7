import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { getProgramme } from '$lib/server/queries/patches';
import { createPatch } from '$lib/server/queries/patch-boundaries';
import { boundaryValues, readBoundaryForm, refusedForLock, slugFromName } from '../boundary-form';
import { editorPageData, lockedRefusal } from '../editor.server';
import type { Actions, PageServerLoad } from './$types';

function programmeId(): number {
	const programme = getProgramme(getDb());
	if (!programme) error(404, 'There is no programme to add a patch to yet');
	return programme.id;
}

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'council');
	return editorPageData(getDb(), programmeId(), null);
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireRole(locals, url, 'council');
		const programme = programmeId();
		const form = await request.formData();
		const result = await readBoundaryForm(form, { withName: true });
		if (!result.ok) return fail(400, result);
		const refusal = lockedRefusal(getDb(), programme, {
			id: 'new',
			name: result.name,
			geometry: result.geometry
		});
		if (refusal) return fail(400, refusedForLock(refusal, result.geometry, boundaryValues(form)));
		const created = createPatch(getDb(), {
			programmeId: programme,
			name: result.name,
			slug: slugFromName(result.name),
			geometry: result.geometry,
			userId: user.id,
			source: result.source
		});
		redirect(303, `/council/patches?added=${created.id}`);
	}
};
