/**
 * The gap analysis fed from the database, for the council page, its downloads and the CLI: one
 * function so they always show the same figures.
 */
import type { Db } from '../db/client';
import { analyseGaps, type GapInputs, type GapReport } from '../../domain/gaps/report';
import type { GapQuery } from '../../domain/gaps/options';
import { gapProgramme, loadGapInputs } from './load';

export { gapProgramme, loadGapInputs, loadGapAssets } from './load';

export class UnknownCategoryError extends Error {}

export interface GapRun {
	programme: { id: number; name: string; isFictional: boolean };
	inputs: GapInputs;
	report: GapReport;
	/** The population set used, or null when the programme has none. */
	populationSetId: number | null;
}

/**
 * Loads and analyses. Null when there is no programme yet; throws UnknownCategoryError (naming the
 * category and the ones there are) for a category that does not exist.
 */
export function runGaps(
	db: Db,
	query: Pick<GapQuery, 'threshold' | 'method' | 'category'>
): GapRun | null {
	const programme = gapProgramme(db);
	if (!programme) return null;
	const { populationSetId, ...inputs } = loadGapInputs(db, programme.id, { method: query.method });
	const categoryId = query.category ?? null;
	if (categoryId !== null && !inputs.categories.some((c) => c.id === categoryId)) {
		throw new UnknownCategoryError(
			`There is no category "${categoryId}". The categories are: ${inputs.categories.map((c) => c.id).join(', ')}.`
		);
	}
	const report = analyseGaps(inputs, { thresholdMetres: query.threshold, categoryId });
	return { programme, inputs, report, populationSetId };
}
