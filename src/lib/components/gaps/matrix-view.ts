/**
 * The patch × category table as the Gaps page shows it: each cell's words (never colour alone), its
 * colour class and a link to the entries it counts; rows sorted on the server by a column header's
 * link so sorting works without JavaScript.
 */
import { z } from 'zod';
import { formatNumber } from '$lib/domain/format';
import type { CategoryColumn, PatchCategoryMatrix, MatrixFlag } from '$lib/domain/gaps/matrix';
import type { BeyondRow } from '$lib/domain/gaps/beyond';

export type SortDirection = 'asc' | 'desc';

export interface MatrixSort {
	/** 'patch', 'population', or a category id (sorted by its rate, then count). */
	sort: string;
	dir: SortDirection;
}

const sortSchema = z.object({
	sort: z
		.string()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
		.max(80)
		.catch('patch'),
	dir: z.enum(['asc', 'desc']).catch('asc')
});

/** The sort from a query string; anything unknown falls back to patch name, A to Z. */
export function parseMatrixSort(params: URLSearchParams): MatrixSort {
	return sortSchema.parse({ sort: params.get('sort') ?? 'patch', dir: params.get('dir') ?? 'asc' });
}

export interface MatrixCellView {
	categoryId: string;
	count: number;
	/** What the cell says, e.g. "3 (0.27 per 1,000)" or "None". */
	text: string;
	/** The flag in words for screen readers and print, or '' when none. */
	flagText: string;
	flag: MatrixFlag;
	/** The directory search for the entries counted. */
	href: string;
}

export interface MatrixRowView {
	patchId: number;
	patchName: string;
	populationText: string;
	cells: MatrixCellView[];
	peopleBeyond: number[];
}

export const FLAG_TEXT: Record<'none' | 'low', string> = {
	none: 'none in this patch',
	low: 'under a quarter of the median'
};

function cellText(count: number, per1000: number | null): string {
	if (count === 0) return 'None';
	const rate =
		per1000 === null ? '' : ` (${formatNumber(per1000, { fractionDigits: 2 })} per 1,000)`;
	return `${formatNumber(count)}${rate}`;
}

/**
 * Rows for the table, sorted.
 * @param slugs patch id → slug, for the search links
 */
export function matrixRows(
	matrix: PatchCategoryMatrix,
	beyond: BeyondRow[],
	slugs: Map<number, string>,
	{ sort, dir }: MatrixSort
): MatrixRowView[] {
	const rows = matrix.rows.map((row, r) => ({
		patchId: row.patchId,
		patchName: row.patchName,
		population: row.population,
		populationText:
			row.population === null
				? 'No population estimate'
				: formatNumber(Math.round(row.population)) +
					(beyond[r]?.deprivedPeople == null
						? ''
						: ` (${formatNumber(Math.round(beyond[r].deprivedPeople!))} in the most deprived 20%)`),
		cells: row.cells.map((cell) => {
			const params = new URLSearchParams({ category: cell.categoryId });
			const slug = slugs.get(row.patchId);
			if (slug) params.set('patch', slug);
			return {
				categoryId: cell.categoryId,
				count: cell.count,
				per1000: cell.per1000,
				text: cellText(cell.count, cell.per1000),
				flagText: cell.flag ? FLAG_TEXT[cell.flag] : '',
				flag: cell.flag,
				href: `/search?${params}`
			};
		}),
		peopleBeyond: beyond[r]?.cells.map((cell) => cell.people) ?? []
	}));
	const column = matrix.categories.findIndex((category) => category.id === sort);
	const key = (row: (typeof rows)[number]): [number, number] | string => {
		if (sort === 'population') return [row.population ?? -1, 0];
		if (column >= 0) return [row.cells[column].per1000 ?? -1, row.cells[column].count];
		return row.patchName;
	};
	const sign = dir === 'asc' ? 1 : -1;
	rows.sort((a, b) => {
		const [ka, kb] = [key(a), key(b)];
		const order =
			typeof ka === 'string' || typeof kb === 'string'
				? String(ka).localeCompare(String(kb), 'en-GB')
				: ka[0] - kb[0] || ka[1] - kb[1];
		return sign * order || a.patchName.localeCompare(b.patchName, 'en-GB');
	});
	return rows.map(({ population: _population, ...row }) => ({
		...row,
		cells: row.cells.map(({ per1000: _per1000, ...cell }) => cell)
	}));
}

/** aria-sort for a header. */
export const ariaSort = (current: MatrixSort, column: string) =>
	current.sort === column ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none';

/** The link a header sorts by: the same page and filters, this column, the other way if already sorted. */
export function sortHref(params: URLSearchParams, current: MatrixSort, column: string): string {
	const next = new URLSearchParams(params);
	next.set('sort', column);
	next.set('dir', current.sort === column && current.dir === 'asc' ? 'desc' : 'asc');
	return `?${next}`;
}

/**
 * What a category's column says about the programme's median: never a rate where there is nothing
 * to take one of.
 * @example medianText({ total: 12, medianPer1000: 0.5 }) // 'Median 0.50 per 1,000'
 */
export function medianText(
	category: Pick<CategoryColumn, 'total' | 'medianPer1000'>,
	{ short = false } = {}
): string {
	if (category.total === 0) return 'No entries in this category';
	if (category.medianPer1000 === null) return short ? 'No median' : 'No median (no population)';
	const rate = formatNumber(category.medianPer1000, { fractionDigits: 2 });
	return short ? rate : `Median ${rate} per 1,000`;
}
