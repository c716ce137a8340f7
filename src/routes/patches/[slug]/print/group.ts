/** Groups the printable sheet's assets under top-level categories, in the taxonomy's order. */

export interface CategoryRow {
	id: string;
	name: string;
	parentId: string | null;
}

/** The heading for assets with no category. */
export const OTHER_HEADING = 'Other';

/**
 * Each asset goes once, under the top-level category of its first category; those with none go
 * under "Other" at the end. Within a group, assets are in name order.
 *
 * @example groupForPrint([{ name: 'Choir', categoryIds: ['music'] }], [{ id: 'creative', name: 'Creative', parentId: null }, { id: 'music', name: 'Music', parentId: 'creative' }])
 * // [{ heading: 'Creative', assets: [{ name: 'Choir', ... }] }]
 */
export function groupForPrint<T extends { name: string; categoryIds: string[] }>(
	assets: readonly T[],
	categories: readonly CategoryRow[]
): { heading: string; assets: T[] }[] {
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
	return [...order, '']
		.filter((key) => groups.has(key))
		.map((key) => ({
			heading: key ? byId.get(key)!.name : OTHER_HEADING,
			assets: groups.get(key)!.sort((a, b) => a.name.localeCompare(b.name))
		}));
}
