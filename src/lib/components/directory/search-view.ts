/**
 * Plain helpers behind the search page's form, result list and pager: no Svelte, so they are tested
 * on their own.
 */
import type { DirectorySearch } from '$lib/domain/directory/search';
import type { Lang } from '$lib/domain/sessions';
import { m } from '$lib/paraglide/messages';

/**
 * A whole number as 12,345. Not format.ts's formatNumber: that module pulls the session parser (and
 * zod) into the browser, and the search page's first load must stay small.
 */
export const formatCount = (n: number) => n.toLocaleString('en-GB');

export interface CategoryOption {
	id: string;
	parentId: string | null;
	/** The name in the page's language where the category has one. */
	name: string;
	/** 'en' when an English name shows on a Welsh page (for `lang=`). */
	lang?: Lang;
}

export interface CategoryGroup {
	/** The parent category: chosen on its own it includes all its children. */
	parent: CategoryOption;
	children: CategoryOption[];
}

/**
 * Categories as optgroups: each top-level category with its children, in the order given.
 * A child whose parent is missing becomes a group of its own.
 * @example categoryGroups([{ id: 'food', parentId: 'social', name: 'Food' }, …])
 */
export function categoryGroups(categories: readonly CategoryOption[]): CategoryGroup[] {
	const ids = new Set(categories.map((c) => c.id));
	const groups = categories
		.filter((c) => c.parentId === null || !ids.has(c.parentId))
		.map((parent) => ({ parent, children: [] as CategoryOption[] }));
	const byId = new Map(groups.map((group) => [group.parent.id, group]));
	for (const category of categories) {
		if (category.parentId !== null && byId.has(category.parentId)) {
			byId.get(category.parentId)!.children.push(category);
		}
	}
	return groups;
}

/** How many filters (beyond the words and the sort) a search has, to open the filters and say so. */
export function activeFilterCount(search: DirectorySearch): number {
	return [
		search.category !== null,
		search.kinds.length > 0,
		search.days.length > 0,
		search.times.length > 0,
		search.cost !== null,
		search.age !== null,
		search.access.length > 0,
		search.language !== null,
		search.patch !== null,
		search.postcode !== null || search.point !== null,
		search.sort !== null
	].filter(Boolean).length;
}

/**
 * The headline count: "1,234 results for “choir”", or "More than 1,000 results" when the total
 * was not counted to the end. Welsh keeps the noun singular after a numeral: "5 canlyniad".
 */
export function resultCountText(
	total: number,
	totalIsExact: boolean,
	q: string,
	lang: Lang = 'en'
): string {
	const count = formatCount(total);
	const options = { locale: lang };
	if (!totalIsExact) {
		return q
			? m.search_more_than_for({ count, q }, options)
			: m.search_more_than({ count }, options);
	}
	if (total === 1) {
		return q
			? m.search_result_count_one_for({ count, q }, options)
			: m.search_result_count_one({ count }, options);
	}
	return q
		? m.search_result_count_for({ count, q }, options)
		: m.search_result_count({ count }, options);
}

/** Stands in for a value in a message that messageParts then splits; no message contains it. */
export const VALUE_MARK = '\u0000';

/** A message's text split around one of its values, so the page can wrap that value (e.g. in lang=). */
export interface MessageParts {
	before: string;
	after: string;
}

/**
 * Splits a message made with a marker in place of one value.
 * @example messageParts(m.search_in_patch({ name: VALUE_MARK }))
 * // { before: 'in ', after: '' } (Welsh: { before: 'yng nghymdogaeth ', after: '' })
 */
export function messageParts(message: string): MessageParts {
	const at = message.indexOf(VALUE_MARK);
	if (at < 0) return { before: message, after: '' };
	return { before: message.slice(0, at), after: message.slice(at + VALUE_MARK.length) };
}

/**
 * Items in the order of the names shown, so on a Welsh page a Welsh name sorts by its Welsh
 * spelling. Returns a new array.
 * @example sortByName([{ name: 'Canol Tref' }, { name: 'Aldermoor' }], 'cy') // Aldermoor, Canol Tref
 */
export function sortByName<T extends { name: string }>(items: readonly T[], lang: Lang): T[] {
	const locale = lang === 'cy' ? 'cy' : 'en-GB';
	return [...items].sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** A page link in the pager, or a gap ("…") between them. */
export type PagerItem = { page: number; current: boolean } | { gap: true };

/**
 * Page numbers to link: the first, the last, and two either side of the current page, with gaps.
 * @example pagerItems(6, 20) // 1 … 4 5 [6] 7 8 … 20
 */
export function pagerItems(page: number, pageCount: number): PagerItem[] {
	if (pageCount <= 1) return [];
	const shown = new Set([1, pageCount]);
	for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) shown.add(p);
	const pages = [...shown].sort((a, b) => a - b);
	const items: PagerItem[] = [];
	pages.forEach((p, index) => {
		if (index > 0 && p - pages[index - 1] > 1) items.push({ gap: true });
		items.push({ page: p, current: p === page });
	});
	return items;
}

/** "/search?…" for a search's query string; pages pass it through href() for the page's language. */
export function searchHref(query: string): string {
	return query ? `/search?${query}` : '/search';
}

/** Fields a new place replaces: the postcode and old point give way, and paging starts again. */
const PLACE_FIELDS = new Set(['postcode', 'lat', 'lon', 'page']);

/**
 * The search form as it stands (what has been typed or ticked, sent or not), measured from a new
 * place: for "Use my location". Empty fields are left out; five decimals is about a metre.
 */
export function formQueryNear(
	entries: Iterable<[string, FormDataEntryValue]>,
	[lon, lat]: [number, number]
): string {
	const params = new URLSearchParams();
	for (const [name, value] of entries) {
		if (typeof value === 'string' && value.trim() !== '' && !PLACE_FIELDS.has(name))
			params.append(name, value);
	}
	params.set('lat', lat.toFixed(5));
	params.set('lon', lon.toFixed(5));
	return params.toString();
}
