/**
 * Moderating residents' suggestions: the four outcomes (approve a change, approve a closure, approve
 * a new entry, reject); what moderators read is in moderation-queue.ts.
 * Each outcome is one transaction with its audit rows, and checks again inside it that the suggestion
 * is still open and that this person may moderate it: the server decides, never the form.
 * Submitters' names and emails are personal data: only these moderator queries read them.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import * as t from '../db/schema';
import { canEditEntry, canModerate, type Actor } from '../../domain/permissions';
import { changedFields, type EntryValues, type NewEntryValues } from '../../domain/moderation';
import type { Verifier } from '../../domain/vocabulary';
import { normalisePostcode } from '../../domain/postcode';
import { recordChange } from './audit';
import { listPatchIdsAtPoint } from './entry-patches';
import {
	currentEntryValues,
	listPatchIdsOfSuggestion,
	postcodePoint,
	publicContacts
} from './moderation-queue';

type Suggestion = typeof t.suggestions.$inferSelect;
const asDb = (tx: Tx) => tx as unknown as Db;
const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export type ModerationRefusal =
	| 'not_found'
	| 'forbidden'
	/** Someone else has already accepted or rejected it. */
	| 'closed'
	/** The suggestion does not fit this action (e.g. "approve change" on a new-entry suggestion). */
	| 'wrong_kind'
	/** The entry is not published any more (archived or back to draft). */
	| 'entry_gone';

export type ModerationResult<T = object> =
	({ ok: true } & T) | { ok: false; reason: ModerationRefusal; errors?: Record<string, string> };

/** Re-read inside the transaction: open, of an allowed kind, and this person may moderate it. */
function openSuggestion(
	tx: Tx,
	actor: Actor,
	id: number,
	kinds: readonly Suggestion['kind'][]
):
	| { ok: true; suggestion: Suggestion; patchIds: number[] }
	| { ok: false; reason: ModerationRefusal } {
	const suggestion = tx.select().from(t.suggestions).where(eq(t.suggestions.id, id)).get();
	if (!suggestion) return { ok: false, reason: 'not_found' };
	const patchIds = listPatchIdsOfSuggestion(asDb(tx), suggestion);
	if (!canModerate(actor, patchIds)) return { ok: false, reason: 'forbidden' };
	if (suggestion.status !== 'open') return { ok: false, reason: 'closed' };
	if (!kinds.includes(suggestion.kind)) return { ok: false, reason: 'wrong_kind' };
	return { ok: true, suggestion, patchIds };
}

/** Close a suggestion as accepted or rejected; only if it is still open (else the caller rolls back). */
function closeSuggestion(
	tx: Tx,
	actor: Actor,
	suggestion: Suggestion,
	outcome: { status: 'accepted' | 'rejected'; reviewNote?: string; assetId?: number },
	patchIds: readonly number[]
): void {
	const reviewedAt = new Date().toISOString();
	const result = tx
		.update(t.suggestions)
		.set({
			status: outcome.status,
			reviewedBy: actor.id,
			reviewedAt,
			reviewNote: outcome.reviewNote ?? null,
			...(outcome.assetId !== undefined ? { assetId: outcome.assetId } : {}),
			updatedAt: nowSql
		})
		.where(and(eq(t.suggestions.id, suggestion.id), eq(t.suggestions.status, 'open')))
		.run();
	if (result.changes !== 1) throw new Error(`Suggestion ${suggestion.id} was closed meanwhile`);
	recordChange(tx, {
		actorId: actor.id,
		action: outcome.status === 'accepted' ? 'suggestion.approved' : 'suggestion.rejected',
		entity: 'suggestion',
		entityId: suggestion.id,
		before: { status: 'open' },
		after: {
			status: outcome.status,
			...(outcome.reviewNote ? { reviewNote: outcome.reviewNote } : {}),
			...(outcome.assetId !== undefined ? { assetId: outcome.assetId } : {})
		},
		patchIds
	});
}

const verifiedBy = (actor: Actor, today: string) => ({
	lastVerifiedOn: today,
	lastVerifiedBy: actor.id,
	lastVerifiedVia: actor.role as Verifier
});

/**
 * Approve a change suggestion with the values the moderator settled on: the entry takes them, its
 * version goes up, it counts as checked today by this person, and the audit row holds the fields
 * before and after.
 */
export function approveChange(
	db: Db,
	actor: Actor,
	suggestionId: number,
	values: EntryValues,
	today: string
): ModerationResult<{ changed: string[] }> {
	return db.transaction((tx) => {
		const found = openSuggestion(tx, actor, suggestionId, ['change']);
		if (!found.ok) return found;
		const { suggestion, patchIds } = found;
		const asset = tx.select().from(t.assets).where(eq(t.assets.id, suggestion.assetId!)).get();
		if (!asset || asset.status !== 'published') return { ok: false, reason: 'entry_gone' };
		const current = currentEntryValues(asDb(tx), asset.id)!;
		const changed = changedFields(current, values);
		const nullable = (v: string) => (v.trim() === '' ? null : v.trim());
		const checked = verifiedBy(actor, today);
		const result = tx
			.update(t.assets)
			.set({
				name: values.name.trim(),
				nameCy: nullable(values.nameCy),
				description: values.description.trim(),
				descriptionCy: nullable(values.descriptionCy),
				cost: (nullable(values.cost) as typeof asset.cost) ?? null,
				costDetail: nullable(values.costDetail),
				...checked,
				version: asset.version + 1,
				updatedAt: nowSql
			})
			.where(and(eq(t.assets.id, asset.id), eq(t.assets.version, asset.version)))
			.run();
		if (result.changes !== 1) throw new Error(`Entry ${asset.id} changed while it was saved`);
		const contacts = publicContacts(asDb(tx), asset.id);
		for (const kind of ['phone', 'email', 'website'] as const) {
			if (!changed.includes(kind)) continue;
			const value = values[kind].trim();
			const existing = contacts[kind];
			if (existing && value === '') {
				tx.delete(t.assetContacts).where(eq(t.assetContacts.id, existing.id)).run();
			} else if (existing) {
				tx.update(t.assetContacts).set({ value }).where(eq(t.assetContacts.id, existing.id)).run();
			} else if (value !== '') {
				tx.insert(t.assetContacts)
					.values({ assetId: asset.id, kind, value, visibility: 'public' })
					.run();
			}
		}
		const pick = (v: EntryValues) => Object.fromEntries(changed.map((key) => [key, v[key]]));
		recordChange(tx, {
			actorId: actor.id,
			action: 'entry.updated',
			entity: 'entry',
			entityId: asset.id,
			before: {
				...pick(current),
				version: asset.version,
				lastVerifiedOn: asset.lastVerifiedOn,
				lastVerifiedVia: asset.lastVerifiedVia
			},
			after: { ...pick(values), version: asset.version + 1, ...checked },
			patchIds,
			note: `From suggestion ${suggestion.id}`
		});
		closeSuggestion(tx, actor, suggestion, { status: 'accepted' }, patchIds);
		return { ok: true, changed };
	});
}

/** Approve "it has closed": the entry is archived (reason 'closed'), never deleted. */
export function approveClosed(db: Db, actor: Actor, suggestionId: number): ModerationResult {
	return db.transaction((tx) => {
		const found = openSuggestion(tx, actor, suggestionId, ['closed']);
		if (!found.ok) return found;
		const { suggestion, patchIds } = found;
		const asset = tx.select().from(t.assets).where(eq(t.assets.id, suggestion.assetId!)).get();
		if (!asset || asset.status === 'archived') return { ok: false, reason: 'entry_gone' };
		const after = {
			status: 'archived' as const,
			archivedAt: new Date().toISOString(),
			archivedReason: 'closed' as const,
			version: asset.version + 1
		};
		const result = tx
			.update(t.assets)
			.set({ ...after, updatedAt: nowSql })
			.where(and(eq(t.assets.id, asset.id), eq(t.assets.version, asset.version)))
			.run();
		if (result.changes !== 1) throw new Error(`Entry ${asset.id} changed while it was archived`);
		recordChange(tx, {
			actorId: actor.id,
			action: 'entry.archived',
			entity: 'entry',
			entityId: asset.id,
			before: { status: asset.status, version: asset.version },
			after,
			patchIds,
			note: `Reported closed in suggestion ${suggestion.id}`
		});
		closeSuggestion(tx, actor, suggestion, { status: 'accepted' }, patchIds);
		return { ok: true };
	});
}

/**
 * Approve a new-entry suggestion as the entry the moderator completed, as a draft or published. A
 * coordinator may place it only in their own patches. Returns the new entry's id.
 */
export function approveNewEntry(
	db: Db,
	actor: Actor,
	suggestionId: number,
	values: NewEntryValues,
	today: string
): ModerationResult<{ assetId: number }> {
	return db.transaction((tx) => {
		const found = openSuggestion(tx, actor, suggestionId, ['new']);
		if (!found.ok) return found;
		const { suggestion, patchIds } = found;
		let point: [number, number] | null = null;
		let entryPatchIds: number[];
		if (values.where === 'place') {
			point = postcodePoint(asDb(tx), values.postcode);
			if (!point) {
				return {
					ok: false,
					reason: 'forbidden',
					errors: {
						postcode: 'We do not know this postcode: check it, or choose online or no fixed place'
					}
				};
			}
			entryPatchIds = listPatchIdsAtPoint(asDb(tx), point);
		} else {
			entryPatchIds = [...values.patches];
		}
		if (!canEditEntry(actor, entryPatchIds)) {
			const field = values.where === 'place' ? 'postcode' : 'patches';
			return {
				ok: false,
				reason: 'forbidden',
				errors: { [field]: 'You can only add entries in your own patches' }
			};
		}
		const programme = tx
			.select({ id: t.programmes.id })
			.from(t.programmes)
			.orderBy(asc(t.programmes.id))
			.get();
		if (!programme) throw new Error('There is no programme to add the entry to');
		const nullable = (v: string) => (v.trim() === '' ? null : v.trim());
		const columns = {
			programmeId: programme.id,
			kind: values.kind,
			sector: values.kind === 'service' ? values.sector! : null,
			name: values.name,
			description: values.description,
			locationKind: values.where,
			lon: point?.[0] ?? null,
			lat: point?.[1] ?? null,
			postcode: values.where === 'place' ? normalisePostcode(values.postcode) : null,
			address: values.where === 'place' ? nullable(values.address) : null,
			status: values.status,
			...verifiedBy(actor, today)
		};
		const inserted = tx.insert(t.assets).values(columns).run();
		if (inserted.changes !== 1) throw new Error('The entry was not added');
		const assetId = Number(inserted.lastInsertRowid);
		tx.insert(t.assetCategories).values({ assetId, categoryId: values.category }).run();
		for (const kind of ['phone', 'email', 'website'] as const) {
			if (values[kind]) {
				tx.insert(t.assetContacts)
					.values({ assetId, kind, value: values[kind], visibility: 'public' })
					.run();
			}
		}
		if (values.where !== 'place') {
			for (const patchId of entryPatchIds)
				tx.insert(t.assetPatches).values({ assetId, patchId }).run();
		}
		const contacts = Object.fromEntries(
			(['phone', 'email', 'website'] as const).filter((k) => values[k]).map((k) => [k, values[k]])
		);
		recordChange(tx, {
			actorId: actor.id,
			action: 'entry.created',
			entity: 'entry',
			entityId: assetId,
			before: null,
			after: {
				...columns,
				categories: [values.category],
				...contacts,
				linkedPatchIds: values.where === 'place' ? [] : entryPatchIds
			},
			patchIds: entryPatchIds,
			note: `From suggestion ${suggestion.id}`
		});
		closeSuggestion(tx, actor, suggestion, { status: 'accepted', assetId }, [
			...new Set([...patchIds, ...entryPatchIds])
		]);
		return { ok: true, assetId };
	});
}

/** Reject a suggestion with the moderator's reason (kept in review_note). Nothing else changes. */
export function rejectSuggestion(
	db: Db,
	actor: Actor,
	suggestionId: number,
	reason: string
): ModerationResult {
	return db.transaction((tx) => {
		const found = openSuggestion(tx, actor, suggestionId, ['new', 'change', 'closed']);
		if (!found.ok) return found;
		closeSuggestion(
			tx,
			actor,
			found.suggestion,
			{ status: 'rejected', reviewNote: reason },
			found.patchIds
		);
		return { ok: true };
	});
}
