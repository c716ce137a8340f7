import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { getProgramme } from '$lib/server/queries/patches';
import { createScenario, getScenario, listScenarios } from '$lib/server/scenarios';
import type { Actions, PageServerLoad } from './$types';

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const nameSchema = z
	.string()
	.trim()
	.min(1, 'Give the scenario a name, for example "Re-draw 2027"')
	.max(100, 'The name must be 100 characters or fewer');

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const db = getDb();
	const programme = getProgramme(db);
	const scenarios = programme ? listScenarios(db, programme.id) : [];
	// After publishing or discarding, the list says what happened.
	let notice: { kind: 'published' | 'discarded'; name: string } | null = null;
	for (const kind of ['published', 'discarded'] as const) {
		const id = idParam.safeParse(url.searchParams.get(kind));
		const scenario = id.success ? getScenario(db, id.data) : null;
		if (scenario && scenario.status === kind) notice = { kind, name: scenario.name };
	}
	return { programme: programme && { name: programme.name }, scenarios, notice };
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const user = requireRole(locals, url, 'council');
		const db = getDb();
		const form = await request.formData();
		const raw = form.get('name');
		const name = nameSchema.safeParse(typeof raw === 'string' ? raw : '');
		if (!name.success) {
			return fail(400, {
				errors: { name: name.error.issues[0].message },
				values: { name: typeof raw === 'string' ? raw : '' }
			});
		}
		const programme = getProgramme(db);
		if (!programme) {
			return fail(400, {
				errors: { name: 'There is no programme to plan patches for yet' },
				values: { name: name.data }
			});
		}
		const id = createScenario(db, { programmeId: programme.id, name: name.data, userId: user.id });
		redirect(303, `/council/scenarios/${id}`);
	}
};
