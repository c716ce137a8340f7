/**
 * Where an editor's entry is: the point of a place given by postcode, and whether this person may put
 * the entry there (a coordinator only in their own patches), with the message naming the field.
 */
import type { Db } from '../db/client';
import { canEditEntry, type Actor } from '../../domain/permissions';
import type { EntryData, PointSource } from '../../domain/entries';
import { lookupPostcode } from '../queries/directory';
import { listPatchIdsForWhere } from './entry-patches';

/** An entry as the form gave it: `pointFrom` says which field a problem with the place belongs to. */
export type EntryInput = EntryData & { pointFrom?: PointSource | null };

export type EntryWhereResult =
	{ ok: true; entry: EntryInput } | { ok: false; errors: Record<string, string> };

/** Looks up the point of a place given by its postcode (the postcodes table). */
export function resolvePostcodePoint(db: Db, entry: EntryInput): EntryWhereResult {
	if (entry.locationKind !== 'place' || entry.pointFrom !== 'postcode') return { ok: true, entry };
	const found = entry.postcode ? lookupPostcode(db, entry.postcode) : null;
	if (!found) {
		return {
			ok: false,
			errors: {
				postcode: `We could not find the postcode ${entry.postcode ?? ''}: check it, or give the place on the map or as coordinates`
			}
		};
	}
	return {
		ok: true,
		entry: { ...entry, lon: found.lon, lat: found.lat, postcode: found.postcode }
	};
}

/** The field that says where an entry is, for a message about its place. */
function whereField(entry: EntryInput): string {
	if (entry.locationKind !== 'place') return 'patches';
	if (entry.pointFrom === 'map') return 'map';
	if (entry.pointFrom === 'postcode') return 'postcode';
	return 'lat';
}

/** Why this person may not put the entry where it says, or null when they may. */
export function whereProblem(
	db: Db,
	actor: Actor,
	entry: EntryInput
): Record<string, string> | null {
	const patchIds = listPatchIdsForWhere(db, entry);
	if (canEditEntry(actor, patchIds)) return null;
	const message =
		entry.locationKind !== 'place'
			? 'Choose at least one of your own patches: you can add and change entries in your patches only'
			: patchIds.length === 0
				? 'This place is not in any patch. Give a place inside one of your patches'
				: 'This place is in a patch you do not coordinate. Give a place inside one of your patches, or ask the coordinator of that patch to add it';
	return { [whereField(entry)]: message };
}
