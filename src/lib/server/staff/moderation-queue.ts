/**
 * What moderators read: the queue of open suggestions a person may moderate, one suggestion with the
 * entry it is about and its patches, and the patches a person may filter staff lists by. The four
 * outcomes are in moderation.ts. Submitters' names and emails are personal data: only moderator
 * queries read them.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { canModerate, type Actor } from '../../domain/permissions';
import { readNewEntryDetails, suggestedPlace, type EntryValues } from '../../domain/moderation';
import type { ContactKind } from '../../domain/vocabulary';
import { normalisePostcode } from '../../domain/postcode';
import { listPatchIdsAtPoint, listPatchIdsOfEntry } from './entry-patches';

type Suggestion = typeof t.suggestions.$inferSelect;

/** A postcode's point from the postcodes table, or null. */
export function postcodePoint(db: Db, postcode: string): [number, number] | null {
	const normalised = normalisePostcode(postcode);
	if (!normalised) return null;
	const row = db
		.select({ lon: t.postcodes.lon, lat: t.postcodes.lat })
		.from(t.postcodes)
		.where(eq(t.postcodes.postcode, normalised))
		.get();
	return row ? [row.lon, row.lat] : null;
}

/**
 * The patches a suggestion is about: its entry's, or for a new entry where its point or postcode says
 * (none when it says nowhere: then only council and admin moderate it).
 */
export function listPatchIdsOfSuggestion(
	db: Db,
	suggestion: Pick<Suggestion, 'kind' | 'assetId' | 'details'>
): number[] {
	if (suggestion.assetId !== null) return listPatchIdsOfEntry(db, suggestion.assetId);
	if (suggestion.kind !== 'new') return [];
	const place = suggestedPlace(suggestion.details);
	if (!place) return [];
	const point = 'point' in place ? place.point : postcodePoint(db, place.postcode);
	return point ? listPatchIdsAtPoint(db, point) : [];
}

/** One row of the moderation queue. */
export interface QueuedSuggestion {
	id: number;
	kind: Suggestion['kind'];
	createdAt: string;
	assetId: number | null;
	/** The entry's name, or for a new entry the name the resident gave. */
	title: string;
	patchIds: number[];
}

/** The open suggestions this person may moderate, oldest first. */
export function listOpenSuggestionsFor(db: Db, actor: Actor): QueuedSuggestion[] {
	const rows = db
		.select({
			id: t.suggestions.id,
			kind: t.suggestions.kind,
			createdAt: t.suggestions.createdAt,
			assetId: t.suggestions.assetId,
			details: t.suggestions.details,
			assetName: t.assets.name
		})
		.from(t.suggestions)
		.leftJoin(t.assets, eq(t.assets.id, t.suggestions.assetId))
		.where(eq(t.suggestions.status, 'open'))
		.orderBy(asc(t.suggestions.createdAt), asc(t.suggestions.id))
		.all();
	const queue: QueuedSuggestion[] = [];
	for (const row of rows) {
		const patchIds = listPatchIdsOfSuggestion(db, row);
		if (!canModerate(actor, patchIds)) continue;
		const title =
			row.kind === 'new' ? readNewEntryDetails(row.details).name : (row.assetName ?? '');
		queue.push({
			id: row.id,
			kind: row.kind,
			createdAt: row.createdAt,
			assetId: row.assetId,
			title,
			patchIds
		});
	}
	return queue;
}

/** The first public contact of each kind an entry's moderated fields show. */
export function publicContacts(db: Db, assetId: number) {
	const rows = db
		.select()
		.from(t.assetContacts)
		.where(and(eq(t.assetContacts.assetId, assetId), eq(t.assetContacts.visibility, 'public')))
		.orderBy(asc(t.assetContacts.id))
		.all();
	const first = (kind: ContactKind) => rows.find((row) => row.kind === kind) ?? null;
	return { phone: first('phone'), email: first('email'), website: first('website') };
}

/** An entry's moderated fields as the form holds them ('' for none). */
export function currentEntryValues(db: Db, assetId: number): EntryValues | null {
	const asset = db.select().from(t.assets).where(eq(t.assets.id, assetId)).get();
	if (!asset) return null;
	const contacts = publicContacts(db, assetId);
	return {
		name: asset.name,
		nameCy: asset.nameCy ?? '',
		description: asset.description,
		descriptionCy: asset.descriptionCy ?? '',
		cost: asset.cost ?? '',
		costDetail: asset.costDetail ?? '',
		phone: contacts.phone?.value ?? '',
		email: contacts.email?.value ?? '',
		website: contacts.website?.value ?? ''
	};
}

/** A suggestion for its moderation page, with its entry and patches; null when there is none. */
export function getSuggestionForModeration(db: Db, id: number) {
	const suggestion = db.select().from(t.suggestions).where(eq(t.suggestions.id, id)).get();
	if (!suggestion) return null;
	const asset =
		suggestion.assetId === null
			? null
			: (db
					.select({
						id: t.assets.id,
						name: t.assets.name,
						kind: t.assets.kind,
						status: t.assets.status,
						version: t.assets.version,
						lastVerifiedOn: t.assets.lastVerifiedOn
					})
					.from(t.assets)
					.where(eq(t.assets.id, suggestion.assetId))
					.get() ?? null);
	return {
		suggestion,
		asset,
		values: asset ? currentEntryValues(db, asset.id) : null,
		patchIds: listPatchIdsOfSuggestion(db, suggestion)
	};
}

/** How many open suggestions this person may moderate. */
export function countOpenSuggestionsFor(db: Db, actor: Actor): number {
	return listOpenSuggestionsFor(db, actor).length;
}

/** The patches a person may filter their staff lists by: their own, or every patch not retired. */
export function listPatchChoices(
	db: Db,
	actor: Actor
): { id: number; name: string; slug: string }[] {
	const rows = db
		.select({
			id: t.patches.id,
			name: t.patches.name,
			slug: t.patches.slug,
			status: t.patches.status
		})
		.from(t.patches)
		.orderBy(asc(t.patches.name))
		.all()
		.filter((patch) => patch.status !== 'retired');
	const mine = actor.role === 'coordinator';
	return rows
		.filter((patch) => !mine || actor.patchIds.includes(patch.id))
		.map(({ id, name, slug }) => ({ id, name, slug }));
}
