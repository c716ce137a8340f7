/**
 * The person's list: the chosen entries as a visitor may see them (public contacts only; an entry no
 * longer visible is left out), with their sessions in plain words, in English or Welsh.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listPublicEntries } from '$lib/server/queries/public-entries';
import { parseListPath } from '$lib/domain/finder/list';
import { londonDate } from '$lib/domain/sessions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const ids = parseListPath(params.ids);
	if (!ids) error(404, 'Page not found');
	const entries = listPublicEntries(getDb(), ids);
	return {
		entries,
		missing: ids.length - entries.length,
		today: londonDate(new Date()),
		origin: url.origin
	};
};
