/**
 * A shared saved list's address, "/saved?ids=12,40", as the server reads it: the `ids` parameter
 * through zod, then each id checked, repeats dropped, at most MAX_SAVED.
 */
import { z } from 'zod';
import { isEntryId, MAX_SAVED, tidy } from './saved';

/** A shared link's `ids` value as it arrives: short text of digits and commas, else nothing. */
const idsParamSchema = z
	.string()
	.max(MAX_SAVED * 11)
	.regex(/^[\d,\s]*$/);

/**
 * The ids of a shared link's `ids` parameter: whole numbers separated by commas, each once, at most
 * MAX_SAVED. Returns null when the parameter is absent, and [] when it holds no valid id.
 * @example parseIdsParam('12,40,12') // [12, 40]
 * @example parseIdsParam('12;drop') // []
 */
export function parseIdsParam(value: string | null): number[] | null {
	if (value === null) return null;
	const text = idsParamSchema.safeParse(value);
	if (!text.success) return [];
	const ids = text.data
		.split(',')
		.map((piece) => piece.trim())
		.filter((piece) => /^\d{1,9}$/.test(piece))
		.map(Number)
		.filter(isEntryId);
	return tidy(ids);
}
