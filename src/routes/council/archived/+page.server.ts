import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import {
	getFreshnessSettings,
	listAutoArchivedEntries,
	restoreArchivedEntry
} from '$lib/server/staff/freshness';
import { getLastJobRun, JOB_NAMES } from '$lib/server/jobs';
import { getPublicAsset } from '$lib/server/queries/assets';
import { londonDate } from '$lib/domain/sessions';
import type { Actions, PageServerLoad } from './$types';

/** The entry just restored (published again), for the notice. */
function restoredEntry(db: ReturnType<typeof getDb>, id: number) {
	if (!Number.isInteger(id) || id < 1) return null;
	const found = getPublicAsset(db, id);
	return found ? { id, name: found.asset.name } : null;
}

/** The entries the daily job archived because nobody checked them, with a Restore button each. */
export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const db = getDb();
	const lastRun = getLastJobRun(db, JOB_NAMES.autoArchive);
	const restored = Number(url.searchParams.get('restored'));
	return {
		entries: listAutoArchivedEntries(db),
		archiveAfterMonths: getFreshnessSettings(db).archiveAfterMonths,
		lastRun: lastRun && { ranAt: lastRun.ranAt, archived: Number(lastRun.summary.archived ?? 0) },
		restored: restoredEntry(db, restored)
	};
};

export const actions: Actions = {
	/** Published again, checked today by this person, audited. */
	restore: async ({ locals, url, request }) => {
		const user = requireRole(locals, url, 'council');
		const id = z.coerce
			.number()
			.int()
			.positive()
			.safeParse((await request.formData()).get('id'));
		if (!id.success) return fail(400, { errors: { form: 'Choose an entry to restore' } });
		const db = getDb();
		const result = restoreArchivedEntry(db, actorFor(db, user), id.data, londonDate(new Date()));
		if (!result.ok) {
			if (result.reason === 'forbidden') error(403, 'You do not have permission to do this');
			return fail(409, { errors: { form: 'That entry is not archived any more' } });
		}
		redirect(303, `/council/archived?restored=${id.data}`);
	}
};
