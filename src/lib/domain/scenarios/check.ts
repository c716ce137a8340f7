/**
 * A scenario's figures, from the sizing engine (reused, not copied): every patch's estimate, band,
 * overlaps, uncovered people and boundary problems (parts that do not touch among them), and the
 * comparison with the published patches.
 */
import type { DesignLimits } from '../bands';
import { checkProgramme, type PreparedSmallAreas } from '../sizing';
import type { PatchInput, ProgrammeCheck } from '../sizing/types';
import { compareWithPublished, type ScenarioComparison } from './compare';
import type { ScenarioPatch } from './types';

export interface ScenarioFigures {
	check: ProgrammeCheck;
	comparison: ScenarioComparison;
}

/** Patches as the engine takes them, with their slug as id (so the two sets can be matched). */
const asInput = (patches: readonly Pick<ScenarioPatch, 'slug' | 'name' | 'geometry'>[]) =>
	patches.map((p): PatchInput => ({ id: p.slug, name: p.name, geometry: p.geometry }));

/**
 * Checks a scenario's patches and compares them with the published ones.
 * @param prepared the programme's small areas (prepareSmallAreas)
 * @param scenario the scenario's patches
 * @param published the live patches, by slug
 */
export function scenarioFigures(
	prepared: PreparedSmallAreas,
	scenario: readonly ScenarioPatch[],
	published: readonly Pick<ScenarioPatch, 'slug' | 'name' | 'geometry'>[],
	limits?: DesignLimits
): ScenarioFigures {
	const options = { limits, method: 'areal' as const, withShares: true };
	const check = checkProgramme(prepared, asInput(scenario), options);
	const before = checkProgramme(prepared, asInput(published), options);
	return { check, comparison: compareWithPublished(before, check) };
}
