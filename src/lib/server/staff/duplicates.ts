/**
 * Possible duplicates flagged by imports, reviewed by staff: keep both (and stop flagging the pair), or
 * merge (the person chooses each field; the other entry is archived, pointing at the kept one). Both
 * entries must be the reviewer's to edit. Every decision is audited.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { listSessionsWithNotes } from '../queries/assets';
import { canEditEntry, type Actor } from '../../domain/permissions';
import { mergedValues, type MergeChoices, type MergeField } from '../../domain/duplicates/merge';
import { londonDate } from '../../domain/sessions';
import { listPatchIdsOfEntry } from './entry-patches';
import { recordChange } from './audit';

import type { Tx } from '../import/transaction';

/** An entry as the review page compares it: the mergeable fields, and what identifies it. */
export interface EntryForMerge {
	id: number;
	kind: string;
	status: string;
	source: string;
	version: number;
	lastVerifiedOn: string | null;
	patchIds: number[];
	values: Record<MergeField, unknown>;
}

/** One entry's mergeable fields, with its categories, sessions and contacts (null if there is none). */
export function loadEntryForMerge(db: Db | Tx, id: number): EntryForMerge | null {
	const asset = db.select().from(t.assets).where(eq(t.assets.id, id)).get();
	if (!asset) return null;
	const categories = db
		.select({ id: t.assetCategories.categoryId })
		.from(t.assetCategories)
		.where(eq(t.assetCategories.assetId, id))
		.orderBy(asc(t.assetCategories.categoryId))
		.all()
		.map((row) => row.id);
	const sessions = listSessionsWithNotes(db, id);
	const contacts = db
		.select({
			kind: t.assetContacts.kind,
			label: t.assetContacts.label,
			value: t.assetContacts.value,
			visibility: t.assetContacts.visibility
		})
		.from(t.assetContacts)
		.where(eq(t.assetContacts.assetId, id))
		.orderBy(asc(t.assetContacts.id))
		.all();
	const linkedPatchIds = db
		.select({ id: t.assetPatches.patchId })
		.from(t.assetPatches)
		.where(eq(t.assetPatches.assetId, id))
		.all()
		.map((row) => row.id);
	return {
		id,
		kind: asset.kind,
		status: asset.status,
		source: asset.source,
		version: asset.version,
		lastVerifiedOn: asset.lastVerifiedOn,
		patchIds: listPatchIdsOfEntry(db as Db, id),
		values: {
			name: asset.name,
			nameCy: asset.nameCy,
			description: asset.description,
			descriptionCy: asset.descriptionCy,
			where: {
				locationKind: asset.locationKind,
				lon: asset.lon,
				lat: asset.lat,
				address: asset.address,
				postcode: asset.postcode,
				venueId: asset.venueId,
				linkedPatchIds
			},
			categories,
			sessions,
			contacts,
			accessibility: asset.accessibility,
			ages: { min: asset.ageMin, max: asset.ageMax, familyFriendly: asset.familyFriendly },
			cost: { cost: asset.cost, detail: asset.costDetail },
			languages: asset.languages
		}
	};
}

export interface DuplicatePair {
	flagId: number;
	reason: string;
	createdAt: string;
	a: EntryForMerge;
	b: EntryForMerge;
}

/** An open flag with both its entries, or null when it is not open or an entry has gone. */
export function getOpenDuplicatePair(db: Db, flagId: number): DuplicatePair | null {
	const flag = db
		.select()
		.from(t.assetDuplicateFlags)
		.where(and(eq(t.assetDuplicateFlags.id, flagId), eq(t.assetDuplicateFlags.status, 'open')))
		.get();
	if (!flag) return null;
	const a = loadEntryForMerge(db, flag.assetId);
	const b = loadEntryForMerge(db, flag.otherAssetId);
	if (!a || !b) return null;
	return { flagId: flag.id, reason: flag.reason, createdAt: flag.createdAt, a, b };
}

/** May this person decide about the pair? Only if both entries are theirs to edit. */
export const canReviewPair = (actor: Actor, pair: DuplicatePair): boolean =>
	canEditEntry(actor, pair.a.patchIds) && canEditEntry(actor, pair.b.patchIds);

/** The open pairs this person may review, oldest first (archived entries' flags are left out). */
export function listDuplicatePairsFor(db: Db, actor: Actor): DuplicatePair[] {
	const flags = db
		.select({ id: t.assetDuplicateFlags.id })
		.from(t.assetDuplicateFlags)
		.where(eq(t.assetDuplicateFlags.status, 'open'))
		.orderBy(asc(t.assetDuplicateFlags.createdAt), asc(t.assetDuplicateFlags.id))
		.all();
	return flags
		.map((flag) => getOpenDuplicatePair(db, flag.id))
		.filter((pair): pair is DuplicatePair => pair !== null)
		.filter((pair) => pair.a.status !== 'archived' && pair.b.status !== 'archived')
		.filter((pair) => canReviewPair(actor, pair));
}

/** Thrown when a decision cannot be saved; its message is for the person. */
export class DuplicateReviewError extends Error {}

function closeFlag(tx: Tx, flagId: number, status: 'not_duplicate' | 'resolved', actor: Actor) {
	const result = tx
		.update(t.assetDuplicateFlags)
		.set({ status, reviewedBy: actor.id, reviewedAt: new Date().toISOString() })
		.where(and(eq(t.assetDuplicateFlags.id, flagId), eq(t.assetDuplicateFlags.status, 'open')))
		.run();
	if (result.changes !== 1) {
		throw new DuplicateReviewError(
			'Someone else has already dealt with this pair. Go back to the list to see what is left.'
		);
	}
}

/** "These are different": the pair is never flagged again (imports skip flagged pairs). */
export function keepBoth(db: Db, actor: Actor, flagId: number): void {
	db.transaction((tx) => {
		const pair = getOpenDuplicatePair(tx as unknown as Db, flagId);
		if (!pair) throw new DuplicateReviewError('This pair has already been dealt with.');
		if (!canReviewPair(actor, pair)) throw new DuplicateReviewError('You cannot review this pair.');
		closeFlag(tx, flagId, 'not_duplicate', actor);
		recordChange(tx, {
			actorId: actor.id,
			action: 'duplicate.kept_both',
			entity: 'entry',
			entityId: pair.a.id,
			after: { keptBoth: [pair.a.id, pair.b.id] },
			patchIds: [...new Set([...pair.a.patchIds, ...pair.b.patchIds])]
		});
	});
}

/**
 * Merge the pair into `keptId`, taking each chosen field from the other entry. The other is archived
 * (reason "merged", pointing at the kept one) and every other open flag about it is closed.
 */
export function mergePair(
	db: Db,
	actor: Actor,
	flagId: number,
	keptId: number,
	choices: MergeChoices,
	{ now = new Date(), seenVersions }: { now?: Date; seenVersions?: [number, number] } = {}
): void {
	db.transaction((tx) => {
		const pair = getOpenDuplicatePair(tx as unknown as Db, flagId);
		if (!pair) throw new DuplicateReviewError('This pair has already been dealt with.');
		if (!canReviewPair(actor, pair)) throw new DuplicateReviewError('You cannot review this pair.');
		if (keptId !== pair.a.id && keptId !== pair.b.id) {
			throw new DuplicateReviewError('Choose which of the two entries to keep.');
		}
		// The page showed the pair at these versions: a change since then means looking again.
		if (
			seenVersions &&
			(seenVersions[0] !== pair.a.version || seenVersions[1] !== pair.b.version)
		) {
			throw new DuplicateReviewError(
				'Someone changed one of these entries since you opened this page. Look at the pair again, then choose.'
			);
		}
		const [kept, other] = keptId === pair.a.id ? [pair.a, pair.b] : [pair.b, pair.a];
		const merged = mergedValues(kept.values, other.values, choices);
		writeMergedValues(tx, kept, merged, actor, now);
		archiveAsMerged(tx, other, kept.id, now);
		moveToKeptVenue(tx, other, kept);
		closeFlag(tx, flagId, 'resolved', actor);
		tx.update(t.assetDuplicateFlags)
			.set({ status: 'resolved', reviewedBy: actor.id, reviewedAt: now.toISOString() })
			.where(
				and(
					eq(t.assetDuplicateFlags.status, 'open'),
					or(
						eq(t.assetDuplicateFlags.assetId, other.id),
						eq(t.assetDuplicateFlags.otherAssetId, other.id)
					)
				)
			)
			.run();
		const patchIds = [...new Set([...kept.patchIds, ...other.patchIds])];
		recordChange(tx, {
			actorId: actor.id,
			action: 'entry.merged',
			entity: 'entry',
			entityId: kept.id,
			before: kept.values,
			after: merged,
			patchIds,
			note: `Merged with entry ${other.id}, which is now archived`
		});
		recordChange(tx, {
			actorId: actor.id,
			action: 'entry.archived',
			entity: 'entry',
			entityId: other.id,
			before: { status: other.status },
			after: { status: 'archived', archivedReason: 'merged', mergedIntoId: kept.id },
			patchIds
		});
	});
}

function writeMergedValues(
	tx: Tx,
	kept: EntryForMerge,
	merged: Record<MergeField, unknown>,
	actor: Actor,
	now: Date
) {
	const where = merged.where as {
		locationKind: 'place' | 'online' | 'roaming';
		lon: number | null;
		lat: number | null;
		address: string | null;
		postcode: string | null;
		venueId: number | null;
		linkedPatchIds: number[];
	};
	const ages = merged.ages as { min: number | null; max: number | null; familyFriendly: boolean };
	const cost = merged.cost as { cost: 'free' | 'low' | 'paid' | null; detail: string | null };
	const updated = tx
		.update(t.assets)
		.set({
			name: merged.name as string,
			nameCy: merged.nameCy as string | null,
			description: merged.description as string,
			descriptionCy: merged.descriptionCy as string | null,
			locationKind: where.locationKind,
			lon: where.lon,
			lat: where.lat,
			address: where.address,
			postcode: where.postcode,
			venueId: where.venueId === kept.id ? null : where.venueId,
			accessibility: merged.accessibility as string[],
			ageMin: ages.min,
			ageMax: ages.max,
			familyFriendly: ages.familyFriendly,
			cost: cost.cost,
			costDetail: cost.detail,
			languages: merged.languages as string[],
			version: kept.version + 1,
			lastVerifiedOn: londonDate(now),
			lastVerifiedBy: actor.id,
			lastVerifiedVia: actor.role,
			updatedAt: now.toISOString()
		})
		.where(and(eq(t.assets.id, kept.id), eq(t.assets.version, kept.version)))
		.run();
	if (updated.changes !== 1) {
		throw new DuplicateReviewError(
			'Someone changed the entry while you were comparing. Look at the pair again, then merge.'
		);
	}
	replaceRows(tx, kept.id, merged);
	tx.delete(t.assetPatches).where(eq(t.assetPatches.assetId, kept.id)).run();
	if (where.locationKind !== 'place' && where.linkedPatchIds.length > 0) {
		tx.insert(t.assetPatches)
			.values(where.linkedPatchIds.map((patchId) => ({ assetId: kept.id, patchId })))
			.run();
	}
}

/** Categories, sessions and contacts become exactly the merged lists. */
function replaceRows(tx: Tx, assetId: number, merged: Record<MergeField, unknown>) {
	tx.delete(t.assetCategories).where(eq(t.assetCategories.assetId, assetId)).run();
	const categories = merged.categories as string[];
	if (categories.length > 0) {
		tx.insert(t.assetCategories)
			.values(categories.map((categoryId) => ({ assetId, categoryId })))
			.run();
	}
	tx.delete(t.assetSessions).where(eq(t.assetSessions.assetId, assetId)).run();
	const sessions = merged.sessions as Omit<typeof t.assetSessions.$inferInsert, 'assetId'>[];
	if (sessions.length > 0) {
		tx.insert(t.assetSessions)
			.values(sessions.map((session) => ({ ...session, assetId })))
			.run();
	}
	tx.delete(t.assetContacts).where(eq(t.assetContacts.assetId, assetId)).run();
	const contacts = merged.contacts as Omit<typeof t.assetContacts.$inferInsert, 'assetId'>[];
	if (contacts.length > 0) {
		tx.insert(t.assetContacts)
			.values(contacts.map((contact) => ({ ...contact, assetId })))
			.run();
	}
}

function archiveAsMerged(tx: Tx, other: EntryForMerge, keptId: number, now: Date) {
	const archived = tx
		.update(t.assets)
		.set({
			status: 'archived',
			archivedAt: now.toISOString(),
			archivedReason: 'merged',
			mergedIntoId: keptId,
			version: other.version + 1,
			updatedAt: now.toISOString()
		})
		.where(and(eq(t.assets.id, other.id), eq(t.assets.version, other.version)))
		.run();
	if (archived.changes !== 1) {
		throw new DuplicateReviewError(
			'Someone changed the other entry while you were comparing. Look at the pair again.'
		);
	}
}

/** Two venues merged: whatever met at the archived one, and coordinators based there, move to the kept one. */
function moveToKeptVenue(tx: Tx, other: EntryForMerge, kept: EntryForMerge) {
	if (other.kind !== 'venue' || kept.kind !== 'venue') return;
	tx.update(t.assets).set({ venueId: kept.id }).where(eq(t.assets.venueId, other.id)).run();
	tx.update(t.presenceSessions)
		.set({ venueId: kept.id })
		.where(eq(t.presenceSessions.venueId, other.id))
		.run();
}

/** How many open pairs this person may review (for the staff home). */
export const countDuplicatePairsFor = (db: Db, actor: Actor): number =>
	listDuplicatePairsFor(db, actor).length;

/** Names of the categories, for showing a pair. */
export function categoryNames(db: Db, ids: readonly string[]): Map<string, string> {
	if (ids.length === 0) return new Map();
	return new Map(
		db
			.select({ id: t.categories.id, name: t.categories.name })
			.from(t.categories)
			.where(inArray(t.categories.id, [...ids]))
			.all()
			.map((row) => [row.id, row.name])
	);
}
