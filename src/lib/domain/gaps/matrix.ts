/**
 * Patch × category: how many published entries each patch has in each category, per 1,000 residents,
 * against the programme's median rate for that category. A patch with none, or with under a quarter
 * of the median rate, is flagged. A patch without a population estimate gets counts but no rates, and
 * takes no part in the median: nothing is ever divided by zero.
 */
import { countableAssets } from './countable';
import { median } from './median';
import type { GapAsset, GapCategory, GapPatch } from './types';

/** Under this share of the programme's median rate, a patch is flagged as low. */
export const LOW_SHARE_OF_MEDIAN = 0.25;

export type MatrixFlag = 'none' | 'low' | null;

export interface MatrixCell {
	categoryId: string;
	count: number;
	/** Entries per 1,000 residents, or null when the patch has no population estimate (or none). */
	per1000: number | null;
	flag: MatrixFlag;
}

export interface MatrixRow {
	patchId: number;
	patchName: string;
	population: number | null;
	cells: MatrixCell[];
}

export interface CategoryColumn extends GapCategory {
	/** Entries in the category anywhere in the programme (counted once, whatever their patches). */
	total: number;
	/** Median over patches with a population of their rate per 1,000; null when there are none. */
	medianPer1000: number | null;
}

export interface PatchCategoryMatrix {
	categories: CategoryColumn[];
	rows: MatrixRow[];
}

function flagOf(count: number, per1000: number | null, medianRate: number | null): MatrixFlag {
	if (count === 0) return 'none';
	if (per1000 === null || medianRate === null) return null;
	return per1000 < medianRate * LOW_SHARE_OF_MEDIAN ? 'low' : null;
}

/**
 * Counts, rates, medians and flags for every patch and category.
 * @param patches the programme's patches with their populations (members are not used here)
 * @param categories the columns, in the order to show them
 * @param assets every entry with its categories and patches; only those a visitor sees are counted
 * @example patchCategoryMatrix([{ id: 1, name: 'North', population: 2000, members: [] }],
 *   [{ id: 'food', name: 'Food' }], [foodBankInNorth]).rows[0].cells[0] // { count: 1, per1000: 0.5, … }
 */
export function patchCategoryMatrix(
	patches: readonly Pick<GapPatch, 'id' | 'name' | 'population'>[],
	categories: readonly GapCategory[],
	assets: readonly GapAsset[]
): PatchCategoryMatrix {
	const column = new Map(categories.map((category, i) => [category.id, i]));
	const row = new Map(patches.map((patch, i) => [patch.id, i]));
	const counts = patches.map(() => new Int32Array(categories.length));
	const totals = new Int32Array(categories.length);
	for (const asset of countableAssets(assets)) {
		for (const categoryId of asset.categoryIds) {
			const c = column.get(categoryId);
			if (c === undefined) continue;
			totals[c]++;
			for (const patchId of asset.patchIds) {
				const r = row.get(patchId);
				if (r !== undefined) counts[r][c]++;
			}
		}
	}
	const hasPopulation = (population: number | null): population is number =>
		population !== null && Number.isFinite(population) && population > 0;
	const rate = (r: number, c: number): number | null => {
		const population = patches[r].population;
		return hasPopulation(population) ? (counts[r][c] / population) * 1000 : null;
	};
	const columns: CategoryColumn[] = categories.map((category, c) => ({
		...category,
		total: totals[c],
		medianPer1000: median(
			patches.flatMap((_, r) => {
				const value = rate(r, c);
				return value === null ? [] : [value];
			})
		)
	}));
	return {
		categories: columns,
		rows: patches.map((patch, r) => ({
			patchId: patch.id,
			patchName: patch.name,
			population: patch.population,
			cells: columns.map((category, c) => {
				const per1000 = rate(r, c);
				return {
					categoryId: category.id,
					count: counts[r][c],
					per1000,
					flag: flagOf(counts[r][c], per1000, category.medianPer1000)
				};
			})
		}))
	};
}
