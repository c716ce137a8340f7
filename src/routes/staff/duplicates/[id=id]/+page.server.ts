import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import {
	canReviewPair,
	categoryNames,
	DuplicateReviewError,
	getOpenDuplicatePair,
	keepBoth,
	mergePair
} from '$lib/server/staff/duplicates';
import { describeMergeValue } from '$lib/domain/duplicates/describe';
import { differingFields, MERGE_FIELDS, parseMergeChoices } from '$lib/domain/duplicates/merge';
import type { Actions, PageServerLoad } from './$types';

const versions = z.object({
	versionA: z.coerce.number().int().nonnegative(),
	versionB: z.coerce.number().int().nonnegative()
});

/** The open pair this person may review, or the right HTTP error. */
function reviewablePair(locals: App.Locals, url: URL, flagId: number) {
	const user = requireRole(locals, url, 'coordinator', 'council');
	const db = getDb();
	const actor = actorFor(db, user);
	const pair = getOpenDuplicatePair(db, flagId);
	if (!pair) error(404, 'This pair has already been dealt with, or there is no such pair');
	if (!canReviewPair(actor, pair)) error(403, 'You do not have permission to see this page');
	return { db, actor, pair };
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const { db, pair } = reviewablePair(locals, url, Number(params.id));
	const categoryIds = [
		...(pair.a.values.categories as string[]),
		...(pair.b.values.categories as string[])
	];
	const names = categoryNames(db, categoryIds);
	const differing = new Set(differingFields(pair.a.values, pair.b.values));
	const entry = (e: typeof pair.a) => ({
		id: e.id,
		name: e.values.name as string,
		source: e.source,
		status: e.status,
		version: e.version,
		lastVerifiedOn: e.lastVerifiedOn
	});
	return {
		flagId: pair.flagId,
		reason: pair.reason,
		a: entry(pair.a),
		b: entry(pair.b),
		fields: MERGE_FIELDS.map(({ key, label }) => ({
			key,
			label,
			differs: differing.has(key),
			a: describeMergeValue(key, pair.a.values[key], names),
			b: describeMergeValue(key, pair.b.values[key], names)
		}))
	};
};

export const actions: Actions = {
	keepBoth: async ({ locals, url, params }) => {
		const { db, actor } = reviewablePair(locals, url, Number(params.id));
		try {
			keepBoth(db, actor, Number(params.id));
		} catch (e) {
			if (e instanceof DuplicateReviewError) return fail(409, { message: e.message });
			throw e;
		}
		redirect(303, '/staff/duplicates?done=kept');
	},
	merge: async ({ locals, url, params, request }) => {
		const { db, actor, pair } = reviewablePair(locals, url, Number(params.id));
		const form = await request.formData();
		const seen = versions.safeParse(Object.fromEntries(form));
		if (!seen.success) {
			return fail(400, { message: 'The form was incomplete. Open the pair again and choose.' });
		}
		const { keep, choices } = parseMergeChoices(form);
		try {
			mergePair(db, actor, pair.flagId, keep === 'a' ? pair.a.id : pair.b.id, choices, {
				seenVersions: [seen.data.versionA, seen.data.versionB]
			});
		} catch (e) {
			if (e instanceof DuplicateReviewError) return fail(409, { message: e.message });
			throw e;
		}
		redirect(303, '/staff/duplicates?done=merged');
	}
};
