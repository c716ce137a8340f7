/**
 * The patch-sizing page's query string: sort column and direction, method and population set.
 * Parsed with zod at the edge; a bad or missing value falls back to its default rather than
 * failing, so an old or hand-edited link still shows the table.
 */
import { z } from 'zod';
import { SIZING_METHODS, type SizingMethod } from '$lib/domain/sizing/types';

/** Columns the table can be sorted by, in the order they appear. */
export const SORT_COLUMNS = [
	'name',
	'areal',
	'centroid',
	'difference',
	'area',
	'density',
	'band',
	'overlap'
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export const DEFAULT_SIZING_QUERY = {
	sort: 'name',
	dir: 'asc',
	method: 'areal'
} as const satisfies Partial<SizingQuery>;

export const sizingQuerySchema = z.object({
	sort: z.enum(SORT_COLUMNS).catch(DEFAULT_SIZING_QUERY.sort),
	dir: z.enum(['asc', 'desc']).catch(DEFAULT_SIZING_QUERY.dir),
	method: z.enum(SIZING_METHODS).catch(DEFAULT_SIZING_QUERY.method),
	/** A population set id; absent means the programme's default set. */
	set: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined)
});

export interface SizingQuery {
	sort: SortColumn;
	dir: SortDirection;
	method: SizingMethod;
	set?: number;
}

/**
 * Read the query string. Only the first value of each key counts; anything unknown is ignored.
 * @example parseSizingQuery(new URLSearchParams('sort=areal&dir=sideways')) // { sort: 'areal', dir: 'asc', method: 'areal' }
 */
export function parseSizingQuery(params: URLSearchParams): SizingQuery {
	const raw = {
		sort: params.get('sort') ?? undefined,
		dir: params.get('dir') ?? undefined,
		method: params.get('method') ?? undefined,
		set: params.get('set') || undefined
	};
	return sizingQuerySchema.parse(raw);
}

/**
 * The query string for a sizing view, leaving out values that are the default, with a leading
 * '?' (or '' when everything is the default).
 */
export function sizingQueryString(query: SizingQuery): string {
	const params = new URLSearchParams();
	if (query.sort !== DEFAULT_SIZING_QUERY.sort) params.set('sort', query.sort);
	if (query.dir !== DEFAULT_SIZING_QUERY.dir) params.set('dir', query.dir);
	if (query.method !== DEFAULT_SIZING_QUERY.method) params.set('method', query.method);
	if (query.set !== undefined) params.set('set', String(query.set));
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** Numbers are most often wanted biggest first; names and bands A to Z and smallest first. */
function firstDirection(column: SortColumn): SortDirection {
	return column === 'name' || column === 'band' ? 'asc' : 'desc';
}

/**
 * Where a column header's link leads: the same view sorted by that column, or the other way round
 * when it is already the sort column.
 * @example sortHref('/council/patches', { sort: 'name', dir: 'asc', method: 'areal' }, 'name') // '/council/patches?dir=desc'
 */
export function sortHref(path: string, query: SizingQuery, column: SortColumn): string {
	const dir: SortDirection =
		query.sort === column ? (query.dir === 'asc' ? 'desc' : 'asc') : firstDirection(column);
	return path + sizingQueryString({ ...query, sort: column, dir });
}

/** The aria-sort value of a column header. */
export function ariaSort(
	query: SizingQuery,
	column: SortColumn
): 'ascending' | 'descending' | 'none' {
	if (query.sort !== column) return 'none';
	return query.dir === 'asc' ? 'ascending' : 'descending';
}
