/**
 * The person's list: the chosen entries as a visitor may see them (public contacts only; an entry no
 * longer visible is left out), with their sessions in plain words, in English or Welsh.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPublicAsset } from '$lib/server/queries/assets';
import { parseListPath } from '$lib/domain/finder/list';
import { londonDate } from '$lib/domain/sessions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const ids = parseListPath(params.ids);
	if (!ids) error(404, 'Page not found');
	const db = getDb();
	const entries = ids.flatMap((id) => {
		const found = getPublicAsset(db, id);
		if (!found) return [];
		const { asset, contacts, sessions, venue } = found;
		return [
			{
				id: asset.id,
				name: asset.name,
				nameCy: asset.nameCy,
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
	return {
		entries,
		missing: ids.length - entries.length,
		today: londonDate(new Date()),
		origin: url.origin
	};
};
