/**
 * Entries by id as a visitor may see them, for the lists people take away: the coordinator's list
 * (/list/12.45) and the resident's saved list (/saved?ids=12,45). Only published entries (and
 * informal supports with public consent), only public contacts; an id that is not visible is left
 * out, so a list never shows a draft, archived or private entry.
 */
import type { Db } from '../db/client';
import { getPublicAsset } from './assets';

/** The visible entries among `ids`, in the order given. */
export function listPublicEntries(db: Db, ids: readonly number[]) {
	return ids.flatMap((id) => {
		const found = getPublicAsset(db, id);
		if (!found) return [];
		const { asset, contacts, sessions, venue } = found;
		return [
			{
				id: asset.id,
				name: asset.name,
				nameCy: asset.nameCy,
				kind: asset.kind,
				sector: asset.sector,
				locationKind: asset.locationKind,
				address: [asset.address, asset.postcode].filter(Boolean).join(', '),
				cost: asset.cost,
				accessibility: asset.accessibility,
				sessions,
				contacts: contacts.map(({ kind, label, value }) => ({ kind, label, value })),
				venue
			}
		];
	});
}

export type PublicEntry = ReturnType<typeof listPublicEntries>[number];
