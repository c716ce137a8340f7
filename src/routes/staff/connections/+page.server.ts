/**
 * The connections log as counts by patch × theme × month: exact in the viewer's own patches, "fewer
 * than 5" for 1-4 elsewhere (council and admin have no own patch, so small counts are hidden
 * everywhere for them too: a count of 1 in a small patch can point to a person).
 */
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import { countConnections } from '$lib/server/finder/connections';
import { countRows } from '$lib/domain/finder/log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireRole(locals, url, 'coordinator', 'council');
	const db = getDb();
	const actor = actorFor(db, user);
	return { rows: countRows(countConnections(db), actor.patchIds) };
};
