import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import { countEntriesToCheck, getFreshnessSettings } from '$lib/server/staff/freshness';
import { countOpenSuggestionsFor } from '$lib/server/staff/moderation-queue';
import { countDuplicatePairsFor } from '$lib/server/staff/duplicates';
import { getLastJobRun, JOB_NAMES } from '$lib/server/jobs';
import { londonDate } from '$lib/domain/sessions';
import type { PageServerLoad } from './$types';

/** The signed-in home for coordinators and council (and admins): what is waiting for them. */
export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireRole(locals, url, 'coordinator', 'council');
	const db = getDb();
	const actor = actorFor(db, user);
	const everywhere = actor.role !== 'coordinator';
	const settings = getFreshnessSettings(db);
	const today = londonDate(new Date());
	const lastRun = everywhere ? getLastJobRun(db, JOB_NAMES.autoArchive) : null;
	return {
		displayName: user.displayName,
		everywhere,
		hasPatches: everywhere || actor.patchIds.length > 0,
		openSuggestions: countOpenSuggestionsFor(db, actor),
		duplicates: countDuplicatePairsFor(db, actor),
		toCheck: countEntriesToCheck(db, {
			patchIds: everywhere ? null : actor.patchIds,
			today,
			settings
		}),
		settings,
		lastAutoArchive: lastRun && {
			ranAt: lastRun.ranAt,
			archived: Number(lastRun.summary.archived ?? 0)
		}
	};
};
