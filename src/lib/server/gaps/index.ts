/**
 * The gap analysis fed from the database, for the council page, its downloads and the CLI: one
 * function so they always show the same figures.
 */
import type { Db } from '../db/client';
import { analyseGaps, type GapInputs, type GapReport } from '../../domain/gaps/report';
import type { GapQuery } from '../../domain/gaps/options';
import { cachedGaps } from './cache';
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
 * Loads and analyses, or takes the run from the cache when nothing it reads has changed since (see
 * cache.ts; the run is shared, so callers must not change it). Null when there is no programme yet;
 * throws UnknownCategoryError (naming the category and the ones there are) for a category that does
 * not exist.
 */
export function runGaps(
	db: Db,
	query: Pick<GapQuery, 'threshold' | 'method' | 'category'>
): GapRun | null {
	const categoryId = query.category ?? null;
	return cachedGaps(db, `run:${query.method}:${query.threshold}:${categoryId ?? ''}`, () =>
		runGapsUncached(db, { ...query, category: categoryId })
	);
}

function runGapsUncached(
	db: Db,
	query: { threshold: number; method: GapQuery['method']; category: string | null }
): GapRun | null {
	const loaded = cachedGaps(db, `inputs:${query.method}`, () => {
		const programme = gapProgramme(db);
		return programme
			? { programme, ...loadGapInputs(db, programme.id, { method: query.method }) }
			: null;
	});
	if (!loaded) return null;
	const { programme, populationSetId, ...inputs } = loaded;
	const categoryId = query.category;
	if (categoryId !== null && !inputs.categories.some((c) => c.id === categoryId)) {
		throw new UnknownCategoryError(
			`There is no category "${categoryId}". The categories are: ${inputs.categories.map((c) => c.id).join(', ')}.`
		);
	}
	const report = analyseGaps(inputs, { thresholdMetres: query.threshold, categoryId });
	return { programme, inputs, report, populationSetId };
}
