/**
 * A resident's shortlist ("Save"): entry ids kept only in their browser, and shared as a link that
 * holds only those ids, "/saved?ids=12,40". Nothing about the person, nothing on the server.
 * Pure: the browser store (components/saved) and the /saved page both read and write through these.
 * No zod here: this runs in every page's first script (the header's "Saved" link), where zod would
 * weigh about 20 KB gzipped; the stored list is checked by hand instead. The link's parameter, read
 * on the server, goes through zod in ./saved-link.ts.
 */

/** The most entries a shortlist holds (and a shared link shows): a page a person can print. */
export const MAX_SAVED = 30;

/** The query parameter of a shared link. */
export const SAVED_IDS_PARAM = 'ids';

/** The largest entry id a list takes (nine digits). */
export const MAX_ID = 999_999_999;

/** Whether a value is an entry id: a whole number from 1 to MAX_ID. */
export function isEntryId(value: unknown): value is number {
	return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_ID;
}

/** The ids in their first order, each once, at most MAX_SAVED. */
export function tidy(ids: readonly number[]): number[] {
	return [...new Set(ids)].slice(0, MAX_SAVED);
}

/**
 * The ids kept in the browser, from the stored text (null when nothing is stored). A list changed
 * by hand or by an older version is read as far as it is valid, never thrown on.
 * @example readStoredIds('[12,40,12]') // [12, 40]
 * @example readStoredIds('not json') // []
 */
export function readStoredIds(raw: string | null): number[] {
	if (!raw) return [];
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return [];
	}
	// What the browser keeps is a JSON array of ids; anything else reads as an empty list.
	return Array.isArray(value) ? tidy(value.filter(isEntryId)) : [];
}

/** The text the browser keeps for a list. */
export function storedText(ids: readonly number[]): string {
	return JSON.stringify(tidy(ids));
}

/**
 * A list's shareable path: '/saved?ids=12,40', or '/saved' for an empty list (the caller adds the
 * language prefix).
 */
export function savedPath(ids: readonly number[]): string {
	const kept = tidy(ids);
	return kept.length ? `/saved?${SAVED_IDS_PARAM}=${kept.join(',')}` : '/saved';
}

/**
 * Adds ids to a list, keeping its order and putting new ones at the end, until it is full.
 * @returns the merged list, and how many ids did not fit
 * @example mergeIds([1, 2], [2, 3]) // { ids: [1, 2, 3], left: 0 }
 */
export function mergeIds(
	kept: readonly number[],
	added: readonly number[]
): { ids: number[]; left: number } {
	const all = [...new Set([...kept, ...added])];
	return { ids: all.slice(0, MAX_SAVED), left: Math.max(0, all.length - MAX_SAVED) };
}

/** The list without one id. */
export function removeId(ids: readonly number[], id: number): number[] {
	return ids.filter((kept) => kept !== id);
}

/** Whether every id is already in the list (a shared link of entries the person has kept). */
export function allKept(kept: readonly number[], ids: readonly number[]): boolean {
	const set = new Set(kept);
	return ids.every((id) => set.has(id));
}
