import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { getLastJobRun, JOB_NAMES } from '$lib/server/jobs';
import { getFreshnessSettings } from '$lib/server/staff/freshness';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	// Loads run alongside the layout's, so each page checks too rather than rely on it.
	requireRole(locals, url, 'council');
	const db = getDb();
	const lastRun = getLastJobRun(db, JOB_NAMES.autoArchive);
	const { checkDueMonths, checkStaleMonths, archiveAfterMonths } = getFreshnessSettings(db);
	return {
		/** The last auto-archive run's summary, for the "Keeping entries fresh" section. */
		lastAutoArchive: lastRun && {
			ranAt: lastRun.ranAt,
			archived: Number(lastRun.summary.archived ?? 0)
		},
		freshness: { checkDueMonths, checkStaleMonths, archiveAfterMonths }
	};
};
