import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listCategories } from '$lib/server/queries/categories';
import { searchDirectory } from '$lib/server/queries/directory';
import { getProgramme, listPatches } from '$lib/server/queries/patches';
import { parseDirectorySearch, toQueryString } from '$lib/domain/directory';
import { SEARCH_WORDS as W } from '$lib/components/directory/words';
import { formatDistance } from '$lib/domain/format';
import { describeSession, londonDate } from '$lib/domain/sessions';
import type { PageServerLoad } from './$types';

const PER_PAGE = 20;

/** The parser never throws and the query leaves out what it cannot find, so every URL gets a page. */
export const load: PageServerLoad = ({ url }) => {
	// A plain form sends every empty field ("q=&cost=&age="): drop those for a short shareable URL.
	const filled = [...url.searchParams].filter(([, value]) => value !== '');
	if (filled.length < [...url.searchParams].length) {
		redirect(303, `${url.pathname}${filled.length ? `?${new URLSearchParams(filled)}` : ''}`);
	}
	const { search, notices } = parseDirectorySearch(url.searchParams);
	const db = getDb();
	const programme = getProgramme(db);
	const result = searchDirectory(db, search, {
		today: londonDate(new Date()),
		perPage: PER_PAGE
	});
	return {
		search,
		/** The search's own URL, so paging and sorting links keep every filter. */
		query: toQueryString(search),
		// Words are made here, not in the browser: the session and number formatters bring zod with
		// them, which would double the page's first JavaScript (see src/cli/bench/page-weight.ts).
		result: {
			...result,
			rows: result.rows.map((row) => ({
				...row,
				when: row.sessions.map((session) => describeSession(session)),
				distanceText: row.distanceMetres === null ? null : formatDistance(row.distanceMetres)
			}))
		},
		scope: [
			result.origin && result.radiusMetres !== null
				? W.withinOf(formatDistance(result.radiusMetres), result.origin.postcode ?? W.yourPlace)
				: '',
			result.patch ? W.inPatch(result.patch.name) : ''
		]
			.filter(Boolean)
			.join(' '),
		notices: [...notices, ...result.notices],
		categories: listCategories(db),
		patches: programme
			? listPatches(db, programme.id).map(({ slug, name }) => ({ slug, name }))
			: []
	};
};
