import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import { getFreshnessSettings, updateFreshnessSettings } from '$lib/server/staff/freshness';
import { freshnessSettingsSchema } from '$lib/domain/freshness/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const { checkDueMonths, checkStaleMonths, archiveAfterMonths } = getFreshnessSettings(getDb());
	return {
		settings: { checkDueMonths, checkStaleMonths, archiveAfterMonths },
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		// Layouts do not guard actions: this one checks for itself.
		const user = requireRole(locals, url, 'council');
		const values = Object.fromEntries(
			[...(await request.formData())].map(([key, value]) => [
				key,
				typeof value === 'string' ? value : ''
			])
		);
		const parsed = freshnessSettingsSchema.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return fail(400, { errors, values });
		}
		const db = getDb();
		updateFreshnessSettings(db, actorFor(db, user), parsed.data);
		redirect(303, '/council/settings?saved');
	}
};
