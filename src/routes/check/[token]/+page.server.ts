import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { answerChanged, answerStillRight, openCheckLink } from '$lib/server/staff/check-answers';
import { GROUP_CHANGE_FORM_FIELDS, readGroupChange } from '$lib/domain/freshness/group-change';
import { readFormFields } from '$lib/domain/suggestions';
import { londonDate } from '$lib/domain/sessions';
import type { Actions, PageServerLoad } from './$types';

/**
 * The page an emailed "is it still right?" link opens: no account, the token is the key. Opening it
 * never answers (mail scanners open links); each answer is a POST.
 */
export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	// The token is in the address: keep it out of caches.
	setHeaders({ 'cache-control': 'no-store' });
	const opened = openCheckLink(getDb(), params.token);
	if (!opened.ok) return { refusal: opened };
	const { asset, contacts } = opened.entry;
	return {
		refusal: null,
		entry: {
			id: asset.id,
			name: asset.name,
			kind: asset.kind,
			description: asset.description,
			locationKind: asset.locationKind,
			address: asset.address,
			postcode: asset.postcode,
			cost: asset.cost,
			costDetail: asset.costDetail,
			lastVerifiedOn: asset.lastVerifiedOn,
			contacts: contacts.map(({ kind, label, value }) => ({ kind, label, value }))
		},
		values: opened.values,
		expiresAt: opened.expiresAt,
		changing: url.searchParams.get('answer') === 'changed'
	};
};

export const actions: Actions = {
	stillRight: ({ params }) => {
		const result = answerStillRight(getDb(), params.token, { today: londonDate(new Date()) });
		if (!result.ok) return fail(409, { refusal: result });
		return { answered: 'still_right' as const, entry: result.entry };
	},

	changed: async ({ params, request }) => {
		const db = getDb();
		const opened = openCheckLink(db, params.token);
		if (!opened.ok) return fail(409, { refusal: opened });
		const values = readFormFields(await request.formData(), GROUP_CHANGE_FORM_FIELDS);
		const read = readGroupChange(opened.values, values);
		if (!read.ok) return fail(400, { errors: read.errors, values });
		const result = answerChanged(db, params.token, read.change);
		if (!result.ok) return fail(409, { refusal: result });
		return { answered: 'changed' as const, entry: result.entry };
	}
};
