import { error, redirect } from '@sveltejs/kit';
import { listEntryChoices } from '$lib/server/staff/entry-choices';
import { createEntry } from '$lib/server/staff/entries';
import { takeFormDraft } from '$lib/server/staff/form-drafts';
import { fieldsFrom, newEntryFields } from '$lib/domain/entries';
import { ASSET_KINDS } from '$lib/domain/vocabulary';
import type { Actor } from '$lib/domain/permissions';
import {
	addRow,
	checkEntryFields,
	fieldsForNew,
	refuse,
	requireEditor,
	tileSettings,
	today
} from '../editor.server';
import type { Actions, PageServerLoad } from './$types';

/** A coordinator with no patch has nowhere to add an entry (council and admin add anywhere). */
function requirePatch(actor: Actor) {
	if (actor.role === 'coordinator' && actor.patchIds.length === 0) {
		error(403, 'You have no patch yet, so there is nowhere to add an entry. Ask an administrator.');
	}
}

export const load: PageServerLoad = (event) => {
	const { actor, db } = requireEditor(event);
	requirePatch(actor);
	const kind = event.url.searchParams.get('kind') ?? '';
	const draft = takeFormDraft(db, event.cookies, event.url.pathname);
	return {
		values: draft ?? fieldsForNew(newEntryFields(ASSET_KINDS.includes(kind as never) ? kind : '')),
		restored: draft !== null,
		choices: listEntryChoices(db),
		...tileSettings()
	};
};

export const actions: Actions = {
	save: async (event) => {
		const fields = fieldsFrom(await event.request.formData());
		const { actor, db } = requireEditor(event, fields);
		requirePatch(actor);
		const read = checkEntryFields(db, fields, listEntryChoices(db));
		if (!read.ok) return refuse(fields, read.errors);
		const created = createEntry(db, actor, read.entry, { today: today() });
		if (!created.ok) return refuse(fields, created.errors);
		redirect(303, `/entries/${created.id}/edit?done=created`);
	},
	more: async (event) => {
		const fields = fieldsFrom(await event.request.formData());
		const { actor } = requireEditor(event, fields);
		requirePatch(actor);
		return addRow(fields);
	}
};
