/**
 * The resident's saved list, or a list shared with them: the entries named by `?ids=12,40` as a
 * visitor may see them. The list itself lives only in the browser; the server sees just these ids,
 * as any page address, and answers with public data only.
 */
import { getDb } from '$lib/server/db';
import { listPublicEntries } from '$lib/server/queries/public-entries';
import { SAVED_IDS_PARAM } from '$lib/domain/saved/saved';
import { parseIdsParam } from '$lib/domain/saved/saved-link';
import { londonDate } from '$lib/domain/sessions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const requested = parseIdsParam(url.searchParams.get(SAVED_IDS_PARAM));
	const entries = requested?.length ? listPublicEntries(getDb(), requested) : [];
	return {
		/** The ids in the address (null: none given, the browser's own list is to be read). */
		requested,
		entries,
		missing: (requested?.length ?? 0) - entries.length,
		today: londonDate(new Date()),
		origin: url.origin
	};
};
