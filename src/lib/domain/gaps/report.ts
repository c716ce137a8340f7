/**
 * The whole gap analysis in one call, as the council page, its downloads and the CLI show it, so they
 * always agree: the patch × category matrix, straight-line distances and the people beyond the
 * threshold, and the time-of-week grids, each stating its method and data set.
 */
import type { SizingMethod } from '../sizing/types';
import { peopleBeyond, programmeBeyond, type BeyondRow } from './beyond';
import { categoryIndexes, nearestDistances, type CategoryDistances } from './distances';
import { patchCategoryMatrix, type PatchCategoryMatrix } from './matrix';
import { patchTimeOfWeek, type WeekSlot } from './time-of-week';
import {
	isMostDeprived,
	type GapAsset,
	type GapCategory,
	type GapPatch,
	type GapSmallArea
} from './types';

export interface GapInputs {
	method: {
		sizing: SizingMethod;
		populationSet: string | null;
		/** The deprivation data set's name and date, or null when none is imported. */
		deprivation?: string | null;
	};
	areas: GapSmallArea[];
	patches: GapPatch[];
	assets: GapAsset[];
	categories: GapCategory[];
}

export interface GapOptions {
	thresholdMetres: number;
	/** Only this category (an id from the inputs), or null for every category. */
	categoryId: string | null;
}

export interface GapReport {
	method: {
		sizing: SizingMethod;
		populationSet: string | null;
		deprivation: string | null;
		thresholdMetres: number;
		distance: 'straight line';
	};
	categories: GapCategory[];
	matrix: PatchCategoryMatrix;
	beyond: BeyondRow[];
	/** People beyond the threshold in the whole programme (each small area once), per category. */
	programmeBeyond: { categoryId: string; people: number; deprivedPeople: number | null }[];
	/** People in the most deprived 20% (deciles 1-2), or null without deprivation data. */
	deprivedPeople: number | null;
	distances: CategoryDistances[];
	/** Each patch's 21 slots, for the chosen category (or all entries when none is chosen). */
	timeOfWeek: { patchId: number; patchName: string; slots: WeekSlot[] }[];
	/** Plain statements of what is missing from the data, e.g. no population figures. */
	notes: string[];
}

/**
 * Runs every analysis.
 * @example analyseGaps(inputs, { thresholdMetres: 800, categoryId: null }).matrix.rows[0].cells
 */
export function analyseGaps(inputs: GapInputs, options: GapOptions): GapReport {
	const categories =
		options.categoryId === null
			? inputs.categories
			: inputs.categories.filter((category) => category.id === options.categoryId);
	const distances = nearestDistances(
		inputs.areas,
		categoryIndexes(
			inputs.assets,
			categories.map((category) => category.id)
		)
	);
	const deprivation = inputs.method.deprivation ?? null;
	const deprived = deprivation === null ? null : inputs.areas.map(isMostDeprived);
	const notes: string[] = [];
	if (inputs.method.populationSet === null) {
		notes.push(
			'There are no population figures yet, so there are no rates per 1,000 residents and no distances. Import small areas and a population set first.'
		);
	}
	const noEstimate = inputs.patches.filter((patch) => patch.population === null);
	if (inputs.method.populationSet !== null && noEstimate.length > 0) {
		notes.push(
			`No population estimate for ${noEstimate.map((patch) => patch.name).join(', ')}: no rates shown there.`
		);
	}
	return {
		method: {
			sizing: inputs.method.sizing,
			populationSet: inputs.method.populationSet,
			deprivation,
			thresholdMetres: options.thresholdMetres,
			distance: 'straight line'
		},
		categories,
		matrix: patchCategoryMatrix(inputs.patches, categories, inputs.assets),
		beyond: peopleBeyond(inputs.patches, distances, options.thresholdMetres, deprived),
		programmeBeyond: programmeBeyond(
			inputs.areas.map((area) => area.population),
			distances,
			options.thresholdMetres,
			deprived
		),
		deprivedPeople:
			deprived === null
				? null
				: inputs.areas.reduce((sum, area, a) => sum + (deprived[a] ? area.population : 0), 0),
		distances,
		timeOfWeek: patchTimeOfWeek(inputs.patches, inputs.assets, options.categoryId),
		notes
	};
}
