/**
 * The list a coordinator gives the person: a short link that holds only the chosen entries' ids,
 * "/list/12.45.78", and nothing about the person.
 */
import { z } from 'zod';

export const MAX_LIST_ENTRIES = 20;

/** Entry ids as the form sends them: whole numbers, repeats dropped, at most MAX_LIST_ENTRIES. */
export const listIdsSchema = z
	.array(
		z
			.string()
			.regex(/^\d{1,9}$/)
			.transform(Number)
	)
	.max(MAX_LIST_ENTRIES)
	.transform((ids) => [...new Set(ids.filter((id) => id > 0))]);

/**
 * The ids in a short link, or null when it is not one.
 * @example parseListPath('12.45.78') // [12, 45, 78]
 */
export function parseListPath(path: string): number[] | null {
	if (!/^\d{1,9}(\.\d{1,9}){0,19}$/.test(path)) return null;
	const ids = listIdsSchema.safeParse(path.split('.'));
	return ids.success && ids.data.length ? ids.data : null;
}
