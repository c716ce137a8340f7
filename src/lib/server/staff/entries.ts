/**
 * Creating and changing entries from the editor. Every change runs in one transaction, is refused when
 * the entry changed since the person read it (the version they started from is checked inside the
 * UPDATE, so two saves can never both win), writes one audit row with the entry before and after, and
 * checks how many rows each write changed: a write that did not happen throws, and the transaction
 * takes everything back, so nobody is told "saved" for something that was not.
 *
 * Permissions are decided here too (src/lib/domain/permissions): a coordinator acts only on entries in
 * their patches, and may not move an entry out of them.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import * as t from '../db/schema';
import { canEditEntry, type Actor } from '../../domain/permissions';
import type { EntryData } from '../../domain/entries';
import type { ArchiveReason, Verifier } from '../../domain/vocabulary';
import { getProgramme } from '../queries/patches';
import { recordChange } from './audit';
import { listPatchIdsForWhere } from './entry-patches';
import { whereProblem, type EntryInput } from './entry-where';

export { resolvePostcodePoint, type EntryInput, type EntryWhereResult } from './entry-where';

/** There is no entry with this id: the page answers 404. */
export class EntryNotFoundError extends Error {
	name = 'EntryNotFoundError';
	constructor(readonly id: number) {
		super(`There is no entry ${id}`);
	}
}

/** This person may not change this entry: the page answers 403. */
export class EntryForbiddenError extends Error {
	name = 'EntryForbiddenError';
	constructor() {
		super('You can change entries in your own patches only');
	}
}

/** An entry as stored, with what the editor shows about it beside its fields. */
export interface StoredEntry {
	id: number;
	programmeId: number;
	/** The version this was read at: a save must name it. */
	version: number;
	data: EntryData;
	/** The patches it belongs to now (by its point, or its links). */
	patchIds: number[];
	archivedAt: string | null;
	archivedReason: ArchiveReason | null;
	mergedIntoId: number | null;
	lastVerifiedOn: string | null;
	lastVerifiedVia: Verifier | null;
	/** Who saved it last (every save is a check), by display name. */
	lastVerifiedByName: string | null;
	updatedAt: string;
}

/** Thrown inside a transaction to take it back when the version moved on; never leaves the entry modules. */
export class StaleVersion extends Error {}

/** A write that did not change the rows it had to: the transaction is taken back and this surfaces. */
export function expectChanges(result: { changes: number }, expected: number, what: string): void {
	if (result.changes !== expected) {
		throw new Error(`Saving ${what} changed ${result.changes} rows, not ${expected}`);
	}
}

/** Everything about one entry, including its private parts (coordinators-only contacts, consent). */
export function readEntry(db: Db, id: number): StoredEntry | null {
	const row = db
		.select({ asset: t.assets, lastVerifiedByName: t.users.displayName })
		.from(t.assets)
		.leftJoin(t.users, eq(t.users.id, t.assets.lastVerifiedBy))
		.where(eq(t.assets.id, id))
		.get();
	if (!row) return null;
	const a = row.asset;
	const categoryIds = db
		.select({ id: t.assetCategories.categoryId })
		.from(t.assetCategories)
		.where(eq(t.assetCategories.assetId, id))
		.orderBy(asc(t.assetCategories.categoryId))
		.all()
		.map((c) => c.id);
	const linkedPatchIds = db
		.select({ id: t.assetPatches.patchId })
		.from(t.assetPatches)
		.where(eq(t.assetPatches.assetId, id))
		.orderBy(asc(t.assetPatches.patchId))
		.all()
		.map((p) => p.id);
	const sessions = db
		.select()
		.from(t.assetSessions)
		.where(eq(t.assetSessions.assetId, id))
		.orderBy(asc(t.assetSessions.id))
		.all()
		.map((s) => ({
			frequency: s.frequency,
			weekday: s.weekday,
			weekOfMonth: s.weekOfMonth,
			anchorDate: s.anchorDate,
			startTime: s.startTime,
			endTime: s.endTime,
			note: s.note || null
		}));
	const contacts = db
		.select()
		.from(t.assetContacts)
		.where(eq(t.assetContacts.assetId, id))
		.orderBy(asc(t.assetContacts.id))
		.all()
		.map((c) => ({
			kind: c.kind,
			label: c.label || null,
			value: c.value,
			visibility: c.visibility
		}));
	const data: EntryData = {
		kind: a.kind,
		sector: a.sector,
		name: a.name,
		nameCy: a.nameCy || null,
		description: a.description,
		descriptionCy: a.descriptionCy || null,
		categoryIds,
		locationKind: a.locationKind,
		lon: a.lon,
		lat: a.lat,
		address: a.address || null,
		postcode: a.postcode || null,
		linkedPatchIds: a.locationKind === 'place' ? [] : linkedPatchIds,
		venueId: a.venueId,
		sessions,
		contacts,
		accessibility: [...a.accessibility].sort(),
		ageMin: a.ageMin,
		ageMax: a.ageMax,
		familyFriendly: a.familyFriendly,
		cost: a.cost,
		costDetail: a.costDetail || null,
		languages: [...a.languages].sort(),
		status: a.status,
		consentRecordedOn: a.consentRecordedOn,
		consentHow: a.consentHow,
		consentPublic: a.consentPublic,
		consentPublicOn: a.consentPublicOn,
		consentContactsPublic: a.consentContactsPublic
	};
	return {
		id: a.id,
		programmeId: a.programmeId,
		version: a.version,
		data,
		patchIds: listPatchIdsForWhere(db, { ...a, linkedPatchIds }),
		archivedAt: a.archivedAt,
		archivedReason: a.archivedReason,
		mergedIntoId: a.mergedIntoId,
		lastVerifiedOn: a.lastVerifiedOn,
		lastVerifiedVia: a.lastVerifiedVia,
		lastVerifiedByName: row.lastVerifiedByName,
		updatedAt: a.updatedAt
	};
}

/**
 * An entry for the editor, private parts included, for someone who may edit it.
 * @throws EntryNotFoundError, EntryForbiddenError
 */
export function getEntryForEditing(db: Db, actor: Actor, id: number): StoredEntry {
	const entry = readEntry(db, id);
	if (!entry) throw new EntryNotFoundError(id);
	if (!canEditEntry(actor, entry.patchIds)) throw new EntryForbiddenError();
	return entry;
}

/** The asset columns an entry sets, with the check this save is (every save is a verification). */
function assetValues(entry: EntryData, actor: Actor, today: string) {
	const atPlace = entry.locationKind === 'place';
	const informal = entry.kind === 'informal_support';
	return {
		kind: entry.kind,
		sector: entry.kind === 'service' ? entry.sector : null,
		name: entry.name,
		nameCy: entry.nameCy,
		description: entry.description,
		descriptionCy: entry.descriptionCy,
		locationKind: entry.locationKind,
		lon: atPlace ? entry.lon : null,
		lat: atPlace ? entry.lat : null,
		address: atPlace ? entry.address : null,
		postcode: atPlace ? entry.postcode : null,
		venueId: entry.venueId,
		accessibility: entry.accessibility,
		ageMin: entry.ageMin,
		ageMax: entry.ageMax,
		familyFriendly: entry.familyFriendly,
		cost: entry.cost,
		costDetail: entry.costDetail,
		languages: entry.languages,
		status: entry.status,
		consentRecordedOn: informal ? entry.consentRecordedOn : null,
		consentHow: informal ? entry.consentHow : null,
		consentPublic: informal && entry.consentPublic,
		consentPublicOn: informal && entry.consentPublic ? entry.consentPublicOn : null,
		consentContactsPublic: informal && entry.consentContactsPublic,
		lastVerifiedOn: today,
		lastVerifiedBy: actor.id,
		lastVerifiedVia: actor.role,
		updatedAt: new Date().toISOString()
	};
}

/** Replaces an entry's categories, sessions, contacts and patch links with the entry's. */
function writeParts(tx: Tx, id: number, entry: EntryData): void {
	tx.delete(t.assetCategories).where(eq(t.assetCategories.assetId, id)).run();
	tx.delete(t.assetSessions).where(eq(t.assetSessions.assetId, id)).run();
	tx.delete(t.assetContacts).where(eq(t.assetContacts.assetId, id)).run();
	tx.delete(t.assetPatches).where(eq(t.assetPatches.assetId, id)).run();
	if (entry.categoryIds.length) {
		const rows = entry.categoryIds.map((categoryId) => ({ assetId: id, categoryId }));
		expectChanges(tx.insert(t.assetCategories).values(rows).run(), rows.length, 'the categories');
	}
	if (entry.sessions.length) {
		const rows = entry.sessions.map((session) => ({ assetId: id, ...session }));
		expectChanges(tx.insert(t.assetSessions).values(rows).run(), rows.length, 'the sessions');
	}
	if (entry.contacts.length) {
		const rows = entry.contacts.map((contact) => ({ assetId: id, ...contact }));
		expectChanges(tx.insert(t.assetContacts).values(rows).run(), rows.length, 'the contacts');
	}
	if (entry.locationKind !== 'place' && entry.linkedPatchIds.length) {
		const rows = entry.linkedPatchIds.map((patchId) => ({ assetId: id, patchId }));
		expectChanges(tx.insert(t.assetPatches).values(rows).run(), rows.length, 'the patch links');
	}
}

/** The audit snapshot of an entry: every field, and its version. */
const snapshot = (data: EntryData, version: number) => ({ ...data, version });

/** What the form's entry looks like once stored: fields that do not apply are cleared. */
function stored(entry: EntryInput): EntryData {
	const { pointFrom: _pointFrom, ...data } = entry;
	void _pointFrom;
	const atPlace = data.locationKind === 'place';
	const informal = data.kind === 'informal_support';
	return {
		...data,
		sector: data.kind === 'service' ? data.sector : null,
		lon: atPlace ? data.lon : null,
		lat: atPlace ? data.lat : null,
		address: atPlace ? data.address : null,
		postcode: atPlace ? data.postcode : null,
		linkedPatchIds: atPlace ? [] : data.linkedPatchIds,
		consentRecordedOn: informal ? data.consentRecordedOn : null,
		consentHow: informal ? data.consentHow : null,
		consentPublic: informal && data.consentPublic,
		consentPublicOn: informal && data.consentPublic ? data.consentPublicOn : null,
		consentContactsPublic: informal && data.consentContactsPublic
	};
}

export interface WriteOptions {
	/** Today ('YYYY-MM-DD', London): the date of the check every save is. */
	today: string;
}

export type CreateResult =
	{ ok: true; id: number; version: number } | { ok: false; errors: Record<string, string> };

/**
 * Adds an entry. A coordinator may add one only in their own patches (by its point, or the patches an
 * online or roaming entry is linked to); otherwise the place's field says why.
 */
export function createEntry(
	db: Db,
	actor: Actor,
	input: EntryInput,
	{ today }: WriteOptions
): CreateResult {
	const problem = whereProblem(db, actor, input);
	if (problem) return { ok: false, errors: problem };
	const programme = getProgramme(db);
	if (!programme) throw new Error('There is no programme to add entries to');
	const entry = stored(input);
	if (entry.status === 'archived') {
		return { ok: false, errors: { status: 'Choose whether it is a draft or published' } };
	}
	const patchIds = listPatchIdsForWhere(db, entry);
	const id = db.transaction((tx) => {
		const inserted = tx
			.insert(t.assets)
			.values({ programmeId: programme.id, ...assetValues(entry, actor, today), version: 1 })
			.run();
		expectChanges(inserted, 1, 'the entry');
		const newId = Number(inserted.lastInsertRowid);
		writeParts(tx, newId, entry);
		recordChange(tx, {
			actorId: actor.id,
			action: 'entry.created',
			entity: 'entry',
			entityId: newId,
			before: null,
			after: snapshot(entry, 1),
			patchIds
		});
		return newId;
	});
	return { ok: true, id, version: 1 };
}

export type SaveResult =
	| { ok: true; id: number; version: number }
	| { ok: false; errors: Record<string, string> }
	/** Someone saved first: the entry as it is now, for the person to compare and try again. */
	| { ok: false; conflict: StoredEntry };

/**
 * Saves the editor's form over an entry read at `baseVersion`. Refused (nothing written) when the
 * entry has moved on since, when it would leave the person's patches, or when the form tries to
 * archive or restore it (those have their own buttons).
 * @throws EntryNotFoundError, EntryForbiddenError
 */
export function saveEntry(
	db: Db,
	actor: Actor,
	id: number,
	input: EntryInput,
	baseVersion: number,
	{ today }: WriteOptions
): SaveResult {
	const current = getEntryForEditing(db, actor, id);
	if (current.version !== baseVersion) return { ok: false, conflict: current };
	const problem = whereProblem(db, actor, input);
	if (problem) return { ok: false, errors: problem };
	const entry = stored(input);
	if ((entry.status === 'archived') !== (current.data.status === 'archived')) {
		return {
			ok: false,
			errors: { status: 'Use the Archive or Restore button to archive an entry or bring it back' }
		};
	}
	if (entry.venueId === id) {
		return {
			ok: false,
			errors: { venueId: 'An entry cannot meet at itself: choose another venue, or "None"' }
		};
	}
	const patchIds = [...new Set([...current.patchIds, ...listPatchIdsForWhere(db, entry)])];
	const version = baseVersion + 1;
	try {
		db.transaction((tx) => {
			const updated = tx
				.update(t.assets)
				.set({ ...assetValues(entry, actor, today), version })
				.where(and(eq(t.assets.id, id), eq(t.assets.version, baseVersion)))
				.run();
			if (updated.changes === 0) throw new StaleVersion();
			expectChanges(updated, 1, 'the entry');
			writeParts(tx, id, entry);
			recordChange(tx, {
				actorId: actor.id,
				action: 'entry.updated',
				entity: 'entry',
				entityId: id,
				before: snapshot(current.data, current.version),
				after: snapshot(entry, version),
				patchIds
			});
		});
	} catch (error) {
		if (!(error instanceof StaleVersion)) throw error;
		const now = readEntry(db, id);
		if (!now) throw new EntryNotFoundError(id);
		return { ok: false, conflict: now };
	}
	return { ok: true, id, version };
}
