import { redirect } from '@sveltejs/kit';
import { getDb, type Db } from '$lib/server/db';
import { cachedRead } from '$lib/server/db/read-cache';
import { listCategories } from '$lib/server/queries/categories';
import { searchDirectory } from '$lib/server/queries/directory';
import { placesForList } from '$lib/server/queries/locality';
import { getProgramme, listPatches } from '$lib/server/queries/patches';
import { parseDirectorySearch, toQueryString } from '$lib/domain/directory';
import { formatDistance, freshnessLabel } from '$lib/domain/format';
import { describeSession, londonDate, type Lang } from '$lib/domain/sessions';
import { sortByName } from '$lib/components/directory/search-view';
import { emptySearchRecord } from '$lib/domain/gaps/demand';
import { recordEmptySearch } from '$lib/server/gaps/demand';
import { sharePage } from '$lib/server/http/page-cache';
import { href, localText, pageLang } from '$lib/components/lang';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

const PER_PAGE = 20;

/** Every URL gets a page (see searchPage). */
export const load: PageServerLoad = ({ url, locals }) => {
	// A plain form sends every empty field ("q=&cost=&age="): drop those for a short shareable URL.
	const filled = [...url.searchParams].filter(([, value]) => value !== '');
	if (filled.length < [...url.searchParams].length) {
		const query = filled.length ? `?${new URLSearchParams(filled)}` : '';
		redirect(303, href(`/search${query}`));
	}
	const lang = pageLang();
	const today = londonDate(new Date());
	const db = getDb();
	// The same search gives the same page until something is written: kept until then.
	const page = cachedRead(db, `search:${lang}:${today}:${url.search}`, () =>
		searchPage(db, url.searchParams, lang, today)
	);
	// Demand for the council's gap page: every search that found nothing is counted (outside the
	// caches, so a repeat counts too), by date and filters only: never the postcode, point, long
	// text, IP address or session.
	const record =
		page.result.total === 0 && page.search.page === 1
			? emptySearchRecord(page.search, today)
			: null;
	if (record) recordEmptySearch(db, record);
	// The same answer for every visitor; an empty search is counted on every showing, kept or not.
	sharePage(locals, record ? () => recordEmptySearch(db, record) : undefined);
	return page;
};

/** The search page's data: the parser never throws, and the query leaves out what it cannot find. */
function searchPage(db: Db, params: URLSearchParams, lang: Lang, today: string) {
	const { search, notices } = parseDirectorySearch(params, lang);
	const programme = getProgramme(db);
	const staleMonths = programme?.checkStaleMonths ?? 12;
	const result = searchDirectory(db, search, {
		today,
		staleMonths: programme?.checkStaleMonths,
		perPage: PER_PAGE,
		lang
	});
	// Same-named entries on this page ("Christ Church" three times) each say where they are.
	const { places, apart } = placesForList(db, result.rows, { lang });
	const distance = result.radiusMetres === null ? '' : formatDistance(result.radiusMetres, lang);
	return {
		search,
		/** Months after which an entry counts as not checked, for the help on ordering. */
		staleMonths,
		/** The search's own URL, so paging and sorting links keep every filter. */
		query: toQueryString(search),
		// Words are made here, not in the browser: the session and number formatters bring zod with
		// them, which would double the page's first JavaScript (see src/cli/bench/page-weight.ts).
		result: {
			...result,
			// Each row's sessions and categories go as words only: the page shows nothing else of them.
			rows: result.rows.map(({ sessions, categories, ...row }) => ({
				...row,
				place: places.get(row.id) ?? null,
				apart: apart.get(row.id) ?? null,
				when: sessions.map((session) => describeSession(session, lang)),
				distanceText: row.distanceMetres === null ? null : formatDistance(row.distanceMetres, lang),
				// The same words as every other page: "Not checked yet" for an entry never checked,
				// "Not checked for over 12 months" (the programme's own limit) for one checked long ago.
				staleText: row.stale
					? freshnessLabel(row.lastVerifiedOn, today, lang, staleMonths, row.importedOn)
					: null
			}))
		},
		/** What the count is limited to: "within 2 km of FV1 0LW", and the patch's name on its own. */
		scope: {
			within:
				result.origin && result.radiusMetres !== null
					? result.origin.postcode
						? m.search_within_of({ distance, place: result.origin.postcode })
						: m.search_within_chosen_place({ distance })
					: null,
			patch: result.patch ? localText(result.patch.name, result.patch.nameCy, lang) : null
		},
		notices: [...notices, ...result.notices],
		// Names in the page's language where they have one; `lang` marks English on a Welsh page.
		categories: listCategories(db).map(({ id, parentId, name, nameCy }) => {
			const local = localText(name, nameCy, lang);
			return { id, parentId, name: local.text, lang: local.lang };
		}),
		patches: sortByName(
			programme
				? listPatches(db, programme.id).map(({ slug, name, nameCy }) => {
						const local = localText(name, nameCy, lang);
						return { slug, name: local.text, lang: local.lang };
					})
				: [],
			lang
		)
	};
}
