/**
 * The lists the entry editor offers (categories, venues, patches, languages) and the names the
 * conflict view describes ids with. The parser refuses anything not offered here.
 */
import { and, asc, eq, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { listCategories } from '../queries/categories';
import type { EntryChoices, EntryFormOptions, EntryNames } from '../../domain/entries';

export type { EntryChoices };
import { LANGUAGE_NAMES } from '../../domain/vocabulary';

/**
 * What the editor offers, for an entry (`entryId`: never its own venue; `venueId` and `languages`: what
 * it has now, kept on the lists) or a new one.
 */
export function listEntryChoices(
	db: Db,
	{
		entryId,
		venueId = null,
		languages = []
	}: { entryId?: number; venueId?: number | null; languages?: readonly string[] } = {}
): EntryChoices {
	const venues = db
		.select({ id: t.assets.id, name: t.assets.name })
		.from(t.assets)
		.where(
			and(
				entryId === undefined ? undefined : ne(t.assets.id, entryId),
				// The entry's own venue stays on the list even if it has since been archived.
				or(
					and(eq(t.assets.kind, 'venue'), ne(t.assets.status, 'archived')),
					venueId === null ? undefined : eq(t.assets.id, venueId)
				)
			)
		)
		.orderBy(asc(t.assets.name))
		.all();
	const patches = db
		.select({
			id: t.patches.id,
			name: t.patches.name,
			minLon: t.patches.minLon,
			minLat: t.patches.minLat,
			maxLon: t.patches.maxLon,
			maxLat: t.patches.maxLat
		})
		.from(t.patches)
		.where(ne(t.patches.status, 'retired'))
		.orderBy(asc(t.patches.name))
		.all();
	const codes = [...new Set([...Object.keys(LANGUAGE_NAMES), ...languages])];
	let centre: EntryChoices['centre'] = null;
	if (patches.length) {
		const minLon = Math.min(...patches.map((p) => p.minLon));
		const maxLon = Math.max(...patches.map((p) => p.maxLon));
		const minLat = Math.min(...patches.map((p) => p.minLat));
		const maxLat = Math.max(...patches.map((p) => p.maxLat));
		centre = { lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2 };
	}
	return {
		categories: listCategories(db).map(({ id, parentId, name }) => ({ id, parentId, name })),
		venues,
		patches: patches.map(({ id, name }) => ({ id, name })),
		languages: codes.map((code) => ({ code, name: LANGUAGE_NAMES[code] ?? code })),
		centre
	};
}

/** What the parser accepts, from what the form offered. */
export function entryFormOptions(choices: EntryChoices, today: string): EntryFormOptions {
	return {
		categoryIds: choices.categories.map((c) => c.id),
		venueIds: choices.venues.map((v) => v.id),
		patchIds: choices.patches.map((p) => p.id),
		languageCodes: choices.languages.map((l) => l.code),
		today
	};
}

/** Names for ids, for describing an entry's fields in words. */
export function entryNames(choices: EntryChoices): EntryNames {
	return {
		categories: new Map(choices.categories.map((c) => [c.id, c.name])),
		venues: new Map(choices.venues.map((v) => [v.id, v.name])),
		patches: new Map(choices.patches.map((p) => [p.id, p.name]))
	};
}
