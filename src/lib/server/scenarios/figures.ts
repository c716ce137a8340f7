/**
 * A scenario's figures for its page: the sizing engine run on the scenario's patches and on the
 * live ones, compared (domain/scenarios/check.ts), with the small areas to move and draw.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { listPatchBoundaries, listSmallAreaOutlines } from '../queries/patch-boundaries';
import { getSizingContext, preparedFor, type SizingContext } from '../sizing';
import type { AreaGeometry } from '../../domain/geometry';
import { scenarioFigures, type ScenarioFigures, type ScenarioPatch } from '../../domain/scenarios';

/** More small areas than this are left off the map and the move list (the page would be megabytes). */
export const MAX_SMALL_AREAS_ON_PAGE = 5000;

export interface ScenarioPageFigures extends ScenarioFigures {
	context: SizingContext;
	/** The small areas (code, geometry), or null when there are too many to send. */
	smallAreas: { code: string; geometry: AreaGeometry }[] | null;
}

/** The figures, or null when the programme has no population figures to size with yet. */
export function figuresForScenario(
	db: Db,
	programmeId: number,
	patches: readonly ScenarioPatch[]
): ScenarioPageFigures | null {
	const context = getSizingContext(db, programmeId);
	if (!context) return null;
	const published = listPatchBoundaries(db, programmeId).map((p) => ({
		slug: p.slug,
		name: p.name,
		geometry: p.boundary as AreaGeometry
	}));
	const figures = scenarioFigures(
		preparedFor(db, context.populationSet.id),
		patches,
		published,
		context.limits
	);
	const smallAreas = listSmallAreaOutlines(db, context.populationSet.id, MAX_SMALL_AREAS_ON_PAGE);
	return { ...figures, context, smallAreas };
}

/** One small area's boundary by its code, or null (for moving it). */
export function smallAreaGeometry(db: Db, code: string): AreaGeometry | null {
	const row = db
		.select({ geometry: t.smallAreas.geometry })
		.from(t.smallAreas)
		.where(eq(t.smallAreas.code, code))
		.orderBy(asc(t.smallAreas.id))
		.get();
	return (row?.geometry as AreaGeometry | undefined) ?? null;
}
