import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import { listOpenSuggestionsFor, listPatchChoices } from '$lib/server/staff/moderation-queue';
import type { PageServerLoad } from './$types';

/** The open suggestions about entries in the person's patches, oldest first, filterable by patch. */
export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireRole(locals, url, 'coordinator', 'council');
	const db = getDb();
	const actor = actorFor(db, user);
	const patches = listPatchChoices(db, actor);
	const chosen = patches.find((patch) => patch.slug === url.searchParams.get('patch')) ?? null;
	const names = new Map(patches.map((patch) => [patch.id, patch.name]));
	const all = listOpenSuggestionsFor(db, actor);
	const shown = chosen ? all.filter((s) => s.patchIds.includes(chosen.id)) : all;
	return {
		everywhere: actor.role !== 'coordinator',
		patches,
		chosen: chosen?.slug ?? null,
		total: all.length,
		suggestions: shown.map(({ patchIds, ...s }) => ({
			...s,
			patchNames: patchIds.map((id) => names.get(id)).filter((name) => name !== undefined)
		}))
	};
};
