import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import { listDuplicatePairsFor } from '$lib/server/staff/duplicates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireRole(locals, url, 'coordinator', 'council');
	const db = getDb();
	const pairs = listDuplicatePairsFor(db, actorFor(db, user)).map((pair) => ({
		flagId: pair.flagId,
		reason: pair.reason,
		createdAt: pair.createdAt,
		names: [pair.a.values.name as string, pair.b.values.name as string],
		sources: [pair.a.source, pair.b.source]
	}));
	const done = url.searchParams.get('done');
	return { pairs, done: done === 'kept' || done === 'merged' ? done : null };
};
