/**
 * What the two editor routes (add an entry, edit one) share: who may use them, the expired-session
 * draft, reading the form, and the answers a save can give (errors, a conflict, a new row).
 */
import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { FORBIDDEN_MESSAGE, requireRole, type SessionUser } from '$lib/server/auth';
import { getDb, type Db } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import {
	EntryForbiddenError,
	EntryNotFoundError,
	resolvePostcodePoint,
	type EntryInput,
	type StoredEntry
} from '$lib/server/staff/entries';
import { entryFormOptions, entryNames, type EntryChoices } from '$lib/server/staff/entry-choices';
import { keepFormDraft } from '$lib/server/staff/form-drafts';
import { londonDate } from '$lib/domain/sessions';
import { formatDateTime } from '$lib/domain/format';
import {
	MAX_ROWS,
	describeEntryField,
	diffEntries,
	entryToFields,
	fieldsFrom,
	mergeEntries,
	one,
	parseEntryForm,
	readEntrySnapshot,
	rowNumbers,
	ENTRY_FIELDS,
	type ConflictView,
	type EntryData,
	type FormFields,
	type MergedField
} from '$lib/domain/entries';
import { ROLE_LABELS } from '$lib/domain/vocabulary';
import type { Actor } from '$lib/domain/permissions';

/** Today in London: the date every save checks the entry on. */
export const today = () => londonDate(new Date());

/** The small map's raster tiles, if the site has a basemap (as the public asset page). */
export const tileSettings = () => ({
	tileUrl: env.BASEMAP_TILE_URL?.trim() || null,
	tileAttribution: env.BASEMAP_TILE_ATTRIBUTION?.trim() || ''
});

/**
 * The staff member using the editor. With no session (it ran out while they typed) and a posted
 * form, their fields are kept as a draft for this page before they are sent to sign in, so nothing
 * typed is lost. Coordinators, council and admins only.
 */
export function requireEditor(
	event: Pick<RequestEvent, 'locals' | 'url' | 'cookies'>,
	posted?: FormFields
): { user: SessionUser; actor: Actor; db: Db } {
	if (!event.locals.user && posted) {
		keepFormDraft(getDb(), event.cookies, event.url.pathname, posted, { secure: !dev });
		redirect(303, '/login?redirectTo=' + encodeURIComponent(event.url.pathname));
	}
	const user = requireRole(event.locals, event.url, 'coordinator', 'council');
	const db = getDb();
	return { user, actor: actorFor(db, user), db };
}

/** Runs a server function, answering 404 for no such entry and 403 for someone else's. */
export function answering<T>(run: () => T): T {
	try {
		return run();
	} catch (e) {
		if (e instanceof EntryNotFoundError) error(404, 'Page not found');
		if (e instanceof EntryForbiddenError) error(403, FORBIDDEN_MESSAGE);
		throw e;
	}
}

/** How many rows of a group the form shows: what it showed before, what it holds, at least one. */
export function rowCount(values: FormFields, group: 'session' | 'contact'): number {
	const declared = Number(one(values, `${group}Rows`)) || 0;
	const highest = Math.max(0, ...rowNumbers(values, group));
	return Math.min(MAX_ROWS, Math.max(declared, highest, 1));
}

/** The fields with the row counts set: each group shows its rows and one empty row. */
function withEmptyRows(fields: FormFields, sessions: number, contacts: number): FormFields {
	return { ...fields, sessionRows: [String(sessions + 1)], contactRows: [String(contacts + 1)] };
}

/** The editor's fields for a saved entry, with the version and snapshot it was read at. */
export function fieldsForEntry(entry: StoredEntry): FormFields {
	return {
		...withEmptyRows(
			entryToFields(entry.data),
			entry.data.sessions.length,
			entry.data.contacts.length
		),
		version: [String(entry.version)],
		startedFrom: [JSON.stringify(entry.data)]
	};
}

/** The fields of a new entry's form, with one empty row of each group. */
export const fieldsForNew = (fields: FormFields) => withEmptyRows(fields, 0, 0);

/** Everything an action can send back to the editor; each key present so the page reads one shape. */
export interface EditorAnswer {
	errors: Record<string, string>;
	values: FormFields | null;
	conflict: ConflictView | null;
	/** A sentence about an archive, restore or publish that could not be done. */
	notice: string | null;
}

const answer = (parts: Partial<EditorAnswer>): EditorAnswer => ({
	errors: {},
	values: null,
	conflict: null,
	notice: null,
	...parts
});

/** The posted form, refused with its messages, or the entry it describes (its postcode looked up). */
export async function readPostedEntry(
	db: Db,
	request: Request,
	choices: EntryChoices
): Promise<
	| { ok: true; fields: FormFields; entry: EntryInput }
	| { ok: false; fields: FormFields; errors: Record<string, string> }
> {
	const fields = fieldsFrom(await request.formData());
	return checkEntryFields(db, fields, choices);
}

/** Reads fields already taken from a request (see readPostedEntry). */
export function checkEntryFields(db: Db, fields: FormFields, choices: EntryChoices) {
	const parsed = parseEntryForm(fields, entryFormOptions(choices, today()));
	if (!parsed.ok) return { ok: false as const, fields, errors: parsed.errors };
	const located = resolvePostcodePoint(db, parsed.entry);
	if (!located.ok) return { ok: false as const, fields, errors: located.errors };
	return { ok: true as const, fields, entry: located.entry };
}

/** The form sent back with its problems, as typed. */
export const refuse = (fields: FormFields, errors: Record<string, string>) =>
	fail(400, answer({ errors, values: fields }));

/** The form sent back with one more empty row of sessions or contacts, as typed. */
export function addRow(fields: FormFields) {
	const group = one(fields, 'more') === 'contact' ? 'contact' : 'session';
	const count = Math.min(MAX_ROWS, rowCount(fields, group) + 1);
	const { more: _more, ...rest } = fields;
	void _more;
	return answer({ values: { ...rest, [`${group}Rows`]: [String(count)] } });
}

/** A sentence for an archive, restore or publish that was not done. */
export const refuseStatus = (status: number, notice: string) => fail(status, answer({ notice }));

/**
 * The answer to a save that someone beat: the fields they changed (theirs beside the value you
 * started from), and the form again with your changes kept, their other changes taken, and the new
 * version, so a second save goes through without undoing their work.
 */
export function conflictAnswer(
	fields: FormFields,
	yours: EntryData,
	theirs: StoredEntry,
	choices: EntryChoices
) {
	const started = readEntrySnapshot(one(fields, 'startedFrom'));
	// Without the version you started from, every difference counts as yours, and yours is kept.
	const { merged, theirChanges } = started
		? mergeEntries(started, theirs.data, yours)
		: {
				merged: yours,
				theirChanges: diffEntries(yours, theirs.data).map((key): MergedField => ({
					key,
					label: ENTRY_FIELDS.find((f) => f.key === key)!.label,
					bothChanged: true
				}))
			};
	const names = entryNames(choices);
	const rows = theirChanges.map(({ key, label, bothChanged }) => ({
		field: key,
		label,
		theirs: describeEntryField(theirs.data, key, names),
		started: started ? describeEntryField(started, key, names) : null,
		yours: bothChanged ? describeEntryField(yours, key, names) : null
	}));
	// "Tracey Thwaite, local area coordinator": every save is a check, so the last checker saved last.
	const via = theirs.lastVerifiedVia;
	const role = via && via in ROLE_LABELS ? ROLE_LABELS[via as keyof typeof ROLE_LABELS] : null;
	const by = theirs.lastVerifiedByName
		? [theirs.lastVerifiedByName, role?.toLowerCase()].filter(Boolean).join(', ')
		: null;
	const values: FormFields = {
		...withEmptyRows(entryToFields(merged), merged.sessions.length, merged.contacts.length),
		version: [String(theirs.version)],
		startedFrom: [JSON.stringify(theirs.data)]
	};
	return fail(
		409,
		answer({
			values,
			conflict: { by, at: formatDateTime(theirs.updatedAt), rows }
		})
	);
}

/** The notices a redirect after a change asks the editor to show (?done=…). */
export const DONE_NOTICES = {
	created: 'Entry added.',
	saved: 'Changes saved. The entry is marked as checked today.',
	published: 'Entry published: visitors can now see it.',
	archived: 'Entry archived: visitors no longer see it. You can restore it at any time.',
	restored: 'Entry restored.'
} as const;

export function doneNotice(url: URL): string | null {
	const done = url.searchParams.get('done');
	return done && done in DONE_NOTICES ? DONE_NOTICES[done as keyof typeof DONE_NOTICES] : null;
}
