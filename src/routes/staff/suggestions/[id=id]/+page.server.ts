import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { listCategories } from '$lib/server/queries/categories';
import { actorFor } from '$lib/server/staff/entry-patches';
import {
	approveChange,
	approveClosed,
	approveNewEntry,
	rejectSuggestion,
	type ModerationResult
} from '$lib/server/staff/moderation';
import { getSuggestionForModeration, listPatchChoices } from '$lib/server/staff/moderation-queue';
import { canModerate } from '$lib/domain/permissions';
import {
	compareEntryValues,
	entryValuesSchema,
	firstErrors,
	guessContacts,
	newEntrySchema,
	readNewEntryDetails,
	rejectSchema,
	suggestedPlace,
	suggestedValues
} from '$lib/domain/moderation';
import { londonDate } from '$lib/domain/sessions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The suggestion, if this person may moderate it: 404 when there is none, 403 when not theirs. */
function moderatable(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireRole(event.locals, event.url, 'coordinator', 'council');
	const db = getDb();
	const actor = actorFor(db, user);
	const found = getSuggestionForModeration(db, Number(event.params.id));
	if (!found) error(404, 'Page not found');
	if (!canModerate(actor, found.patchIds))
		error(403, 'You do not have permission to see this page');
	return { db, actor, found };
}

export const load: PageServerLoad = (event) => {
	const { db, actor, found } = moderatable(event);
	const { suggestion, asset, values, patchIds } = found;
	const patchChoices = listPatchChoices(db, actor);
	const names = new Map(
		listPatchChoices(db, { ...actor, role: 'council' }).map((p) => [p.id, p.name])
	);
	const freeText =
		typeof suggestion.details.details === 'string' ? suggestion.details.details : null;
	const newEntry = suggestion.kind === 'new' ? readNewEntryDetails(suggestion.details) : null;
	const place = newEntry ? suggestedPlace(suggestion.details) : null;
	const categories = listCategories(db);
	return {
		suggestion: {
			id: suggestion.id,
			kind: suggestion.kind,
			status: suggestion.status,
			createdAt: suggestion.createdAt,
			reviewedAt: suggestion.reviewedAt,
			reviewNote: suggestion.reviewNote,
			// Personal data: moderators only (this page is theirs alone).
			submitterName: suggestion.submitterName,
			submitterEmail: suggestion.submitterEmail,
			freeText
		},
		asset,
		patchNames: patchIds.map((id) => names.get(id) ?? `Patch ${id}`),
		comparison: values
			? compareEntryValues(values, suggestedValues(values, suggestion.details))
			: null,
		newEntry: newEntry && {
			...newEntry,
			categoryName: categories.find((c) => c.id === newEntry.category)?.name ?? null,
			// What the form starts with: the resident's words, and what could be read from them.
			defaults: {
				kind: newEntry.kind,
				name: newEntry.name,
				description: newEntry.description,
				category: newEntry.category,
				where: place ? 'place' : '',
				postcode: place && 'postcode' in place ? place.postcode : '',
				...guessContacts(newEntry.contact),
				status: 'draft'
			} as Record<string, string>
		},
		categories: categories.map(({ id, name, parentId }) => ({ id, name, parentId })),
		patchChoices: patchChoices.map(({ id, name }) => ({ id: String(id), name }))
	};
};

/** Turn a refusal into what the person sees: 403, 404, or the form again with a message. */
function refused(
	result: Extract<ModerationResult, { ok: false }>,
	values: Record<string, unknown>
) {
	if (result.reason === 'not_found') error(404, 'Page not found');
	if (result.reason === 'forbidden') {
		// A coordinator placing a new entry outside their patches: say so next to the field.
		if (result.errors) return fail(400, { errors: result.errors, values });
		error(403, 'You do not have permission to do this');
	}
	if (result.reason === 'closed') {
		return fail(409, {
			errors: { form: 'Someone has already accepted or rejected this suggestion' },
			values
		});
	}
	if (result.reason === 'entry_gone') {
		return fail(409, {
			errors: { form: 'The entry is no longer published, so this suggestion cannot change it' },
			values
		});
	}
	return fail(400, { errors: { form: 'This action does not fit this suggestion' }, values });
}

async function formValues(request: Request) {
	const form = await request.formData();
	const values: Record<string, string> = {};
	for (const [key, value] of form)
		if (typeof value === 'string' && key !== 'patches') values[key] = value;
	return { values, patches: form.getAll('patches').filter((v) => typeof v === 'string') };
}

const today = () => londonDate(new Date());
const done = (outcome: string, id: number) => redirect(303, `/staff/suggestions?${outcome}=${id}`);

export const actions: Actions = {
	/** Approve as suggested: a change takes the suggested values, "has closed" archives the entry. */
	approve: async (event) => {
		const { db, actor, found } = moderatable(event);
		const { suggestion } = found;
		let result: ModerationResult;
		if (suggestion.kind === 'closed') {
			result = approveClosed(db, actor, suggestion.id);
		} else if (suggestion.kind === 'change' && found.values) {
			const values = suggestedValues(found.values, suggestion.details);
			result = approveChange(db, actor, suggestion.id, values, today());
		} else {
			result = { ok: false, reason: 'wrong_kind' };
		}
		if (!result.ok) return refused(result, {});
		done('approved', suggestion.id);
	},

	/** Edit then approve a change: the moderator's values are applied. */
	edit: async (event) => {
		const { db, actor, found } = moderatable(event);
		const { values } = await formValues(event.request);
		const parsed = entryValuesSchema.safeParse(values);
		if (!parsed.success) return fail(400, { errors: firstErrors(parsed.error), values });
		const result = approveChange(db, actor, found.suggestion.id, parsed.data, today());
		if (!result.ok) return refused(result, values);
		done('approved', found.suggestion.id);
	},

	/** Approve a new entry as the moderator completed it, as a draft or published. */
	create: async (event) => {
		const { db, actor, found } = moderatable(event);
		const { values, patches } = await formValues(event.request);
		const schema = newEntrySchema(
			listCategories(db).map((c) => c.id),
			listPatchChoices(db, actor).map((p) => p.id)
		);
		const parsed = schema.safeParse({ ...values, patches });
		const kept = { ...values, patches };
		if (!parsed.success) return fail(400, { errors: firstErrors(parsed.error), values: kept });
		const result = approveNewEntry(db, actor, found.suggestion.id, parsed.data, today());
		if (!result.ok) return refused(result, kept);
		done('approved', found.suggestion.id);
	},

	/** Reject with a reason, kept with the suggestion. */
	reject: async (event) => {
		const { db, actor, found } = moderatable(event);
		const { values } = await formValues(event.request);
		const parsed = rejectSchema.safeParse(values);
		if (!parsed.success) return fail(400, { errors: firstErrors(parsed.error), values });
		const result = rejectSuggestion(db, actor, found.suggestion.id, parsed.data.reason);
		if (!result.ok) return refused(result, values);
		done('rejected', found.suggestion.id);
	}
};
