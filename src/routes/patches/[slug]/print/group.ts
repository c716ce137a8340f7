/** Groups the printable sheet's assets under top-level categories, in the taxonomy's order. */
import type { Lang } from '$lib/domain/sessions';

export interface CategoryRow {
	id: string;
	name: string;
	/** The Welsh name, where the taxonomy has one. */
	nameCy?: string | null;
	parentId: string | null;
}

/** The heading for assets with no category (a page shows its own words for it). */
export const OTHER_HEADING = 'Other';

export interface PrintGroup<T> {
	/** The top-level category's id; '' for the assets with none. */
	key: string;
	heading: string;
	headingCy: string | null;
	assets: T[];
}

/**
 * Each asset goes once, under the top-level category of its first category; those with none go
 * under "Other" at the end. Within a group, assets are in order of the name the page shows: the
 * Welsh one, where there is one, on a Welsh page, in Welsh alphabetical order.
 *
 * @example groupForPrint([{ name: 'Choir', categoryIds: ['music'] }], [{ id: 'creative', name: 'Creative', parentId: null }, { id: 'music', name: 'Music', parentId: 'creative' }])
 * // [{ key: 'creative', heading: 'Creative', headingCy: null, assets: [{ name: 'Choir', ... }] }]
 */
export function groupForPrint<
	T extends { name: string; nameCy?: string | null; categoryIds: string[] }
>(assets: readonly T[], categories: readonly CategoryRow[], lang: Lang = 'en'): PrintGroup<T>[] {
	const byId = new Map(categories.map((category) => [category.id, category]));
	const topOf = (id: string): CategoryRow | undefined => {
		let category = byId.get(id);
		// Bounded walk up: a broken taxonomy with a cycle cannot hang the page.
		for (let depth = 0; category?.parentId && depth < 10; depth++) {
			category = byId.get(category.parentId) ?? category;
			if (!category.parentId) break;
		}
		// No top level reached (a cycle): treat as uncategorised rather than lose the asset.
		return category?.parentId ? undefined : category;
	};
	const order = categories.filter((category) => !category.parentId).map((category) => category.id);
	const groups = new Map<string, T[]>();
	for (const asset of assets) {
		const top = asset.categoryIds.length ? topOf(asset.categoryIds[0]) : undefined;
		const key = top?.id ?? '';
		groups.set(key, [...(groups.get(key) ?? []), asset]);
	}
	const shownName = (asset: T) => (lang === 'cy' && asset.nameCy) || asset.name;
	const collator = new Intl.Collator(lang === 'cy' ? 'cy' : 'en-GB');
	return [...order, '']
		.filter((key) => groups.has(key))
		.map((key) => ({
			key,
			heading: key ? byId.get(key)!.name : OTHER_HEADING,
			headingCy: key ? (byId.get(key)!.nameCy ?? null) : null,
			assets: groups.get(key)!.sort((a, b) => collator.compare(shownName(a), shownName(b)))
		}));
}
