/**
 * Merging two entries that an import flagged as possibly the same: the person reviewing chooses, field
 * by field, which entry's value the kept entry ends up with. The other entry is archived (never
 * deleted) and points at the kept one.
 */

/** The fields chosen one by one, in the order the review page shows them. */
export const MERGE_FIELDS = [
	{ key: 'name', label: 'Name' },
	{ key: 'nameCy', label: 'Name in Welsh' },
	{ key: 'description', label: 'Description' },
	{ key: 'descriptionCy', label: 'Description in Welsh' },
	{ key: 'where', label: 'Where' },
	{ key: 'categories', label: 'Categories' },
	{ key: 'sessions', label: 'When it meets' },
	{ key: 'contacts', label: 'Contacts' },
	{ key: 'accessibility', label: 'Accessibility' },
	{ key: 'ages', label: 'Ages' },
	{ key: 'cost', label: 'Cost' },
	{ key: 'languages', label: 'Languages' }
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number]['key'];

/** For each field, whose value to keep: the kept entry's own ('kept') or the other's ('other'). */
export type MergeChoices = Record<MergeField, 'kept' | 'other'>;

/** Keep everything of the kept entry unless told otherwise. */
export const keepAll = (): MergeChoices =>
	Object.fromEntries(MERGE_FIELDS.map((field) => [field.key, 'kept'])) as MergeChoices;

/**
 * The choices posted by the review form: `keep` = 'a' | 'b' (the entry kept) and, per field,
 * `field.<key>` = 'a' | 'b' (whose value it ends up with). Anything missing or unknown keeps the kept
 * entry's own value, so a tampered form can only keep more, never invent.
 * @example parseMergeChoices(new URLSearchParams('keep=a&field.name=b')).choices.name // 'other'
 */
export function parseMergeChoices(form: { get(name: string): unknown }): {
	keep: 'a' | 'b';
	choices: MergeChoices;
} {
	const keep = form.get('keep') === 'b' ? 'b' : 'a';
	const otherSide = keep === 'a' ? 'b' : 'a';
	const choices = keepAll();
	for (const { key } of MERGE_FIELDS) {
		if (form.get(`field.${key}`) === otherSide) choices[key] = 'other';
	}
	return { keep, choices };
}

/** The fields whose values differ between the two entries (the only ones worth asking about). */
export function differingFields<T extends Record<MergeField, unknown>>(
	kept: T,
	other: T
): MergeField[] {
	return MERGE_FIELDS.map((field) => field.key).filter(
		(key) => JSON.stringify(kept[key]) !== JSON.stringify(other[key])
	);
}

/** The kept entry's values after the merge. */
export function mergedValues<T extends Record<MergeField, unknown>>(
	kept: T,
	other: T,
	choices: MergeChoices
): T {
	const merged = { ...kept };
	for (const { key } of MERGE_FIELDS) {
		if (choices[key] === 'other') merged[key] = other[key];
	}
	return merged;
}
