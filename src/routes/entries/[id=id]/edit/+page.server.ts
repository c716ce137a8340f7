import { redirect } from '@sveltejs/kit';
import { listEntryChoices } from '$lib/server/staff/entry-choices';
import { getEntryForEditing, saveEntry } from '$lib/server/staff/entries';
import {
	archiveEntry,
	publishEntry,
	restoreEntry,
	type StatusResult
} from '$lib/server/staff/entry-status';
import { takeFormDraft } from '$lib/server/staff/form-drafts';
import { fieldsFrom, one, type FormFields } from '$lib/domain/entries';
import {
	addRow,
	answering,
	checkEntryFields,
	conflictAnswer,
	doneNotice,
	fieldsForEntry,
	refuse,
	refuseStatus,
	requireEditor,
	tileSettings,
	today
} from '../../editor.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const { actor, db } = requireEditor(event);
	const id = Number(event.params.id);
	const entry = answering(() => getEntryForEditing(db, actor, id));
	const choices = listEntryChoices(db, {
		entryId: id,
		venueId: entry.data.venueId,
		languages: entry.data.languages
	});
	// After signing in again: what was typed when the session ran out, once.
	const draft = takeFormDraft(db, event.cookies, event.url.pathname);
	const patchNames = new Map(choices.patches.map((p) => [p.id, p.name]));
	return {
		entry: {
			id,
			name: entry.data.name,
			kind: entry.data.kind,
			status: entry.data.status,
			version: entry.version,
			isPrivate: entry.data.kind === 'informal_support' && !entry.data.consentPublic,
			archivedAt: entry.archivedAt,
			archivedReason: entry.archivedReason,
			lastVerifiedOn: entry.lastVerifiedOn,
			lastVerifiedVia: entry.lastVerifiedVia,
			lastVerifiedByName: entry.lastVerifiedByName,
			patches: entry.patchIds.map((patchId) => patchNames.get(patchId) ?? `Patch ${patchId}`)
		},
		values: draft ?? fieldsForEntry(entry),
		restored: draft !== null,
		done: doneNotice(event.url),
		choices,
		...tileSettings()
	};
};

/** Saves the form (publishing it too with `publish`): the entry, its errors, or a conflict. */
async function saveForm(event: RequestEvent, fields: FormFields, { publish = false } = {}) {
	const { actor, db } = requireEditor(event, fields);
	const id = Number(event.params.id);
	const current = answering(() => getEntryForEditing(db, actor, id));
	const choices = listEntryChoices(db, {
		entryId: id,
		venueId: current.data.venueId,
		languages: current.data.languages
	});
	const read = checkEntryFields(
		db,
		publish ? { ...fields, status: ['published'] } : fields,
		choices
	);
	if (!read.ok) return refuse(fields, read.errors);
	const saved = answering(() =>
		saveEntry(db, actor, id, read.entry, Number(one(fields, 'version')), { today: today() })
	);
	if ('conflict' in saved) return conflictAnswer(fields, read.entry, saved.conflict, choices);
	if (!saved.ok) return refuse(fields, saved.errors);
	redirect(303, `/entries/${id}/edit?done=${publish ? 'published' : 'saved'}`);
}

/** Archive, restore or publish as saved: each names the version it was pressed at. */
async function changeStatus(
	event: RequestEvent,
	change: typeof archiveEntry,
	done: 'archived' | 'restored' | 'published'
) {
	const { actor, db } = requireEditor(event);
	const id = Number(event.params.id);
	const version = Number(one(fieldsFrom(await event.request.formData()), 'version'));
	const result: StatusResult = answering(() => change(db, actor, id, version));
	if ('conflict' in result) {
		return refuseStatus(
			409,
			'Someone else changed this entry since you opened it, so nothing was done. The page now shows it as it is: check it, then try again.'
		);
	}
	if (!result.ok) return refuseStatus(400, result.refused);
	redirect(303, `/entries/${id}/edit?done=${done}`);
}

export const actions: Actions = {
	save: async (event) => saveForm(event, fieldsFrom(await event.request.formData())),
	/**
	 * From the editor's Publish button the whole form comes too: it is saved as published. From the
	 * draft banner on the entry's page only the version comes: the entry is published as saved.
	 */
	publish: async (event) => {
		const fields = fieldsFrom(await event.request.clone().formData());
		if ('name' in fields) return saveForm(event, fields, { publish: true });
		return changeStatus(event, publishEntry, 'published');
	},
	archive: (event) => changeStatus(event, archiveEntry, 'archived'),
	restore: (event) => changeStatus(event, restoreEntry, 'restored'),
	more: async (event) => {
		const fields = fieldsFrom(await event.request.formData());
		const { actor, db } = requireEditor(event, fields);
		answering(() => getEntryForEditing(db, actor, Number(event.params.id)));
		return addRow(fields);
	}
};
