/**
 * Loading what the patch-sizing engine needs from the database, and running it. The prepared small
 * areas (indexes, projected rings) are cached per population set, because the editor recomputes one
 * patch on every drag; any import that changes small areas or populations calls invalidateSizingCache().
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { formatNumber } from '../domain/format';
import type { Db } from './db/client';
import * as t from './db/schema';
import type { DesignLimits } from '../domain/bands';
import type { AreaGeometry } from '../domain/geometry';
import {
	checkProgramme,
	coversAnySmallArea,
	estimatePatch,
	prepareSmallAreas
} from '../domain/sizing';
import { preparePatch } from '../domain/sizing/patch';
import { closeSizingPool, sizingPoolFor } from './sizing-threads';
import type {
	PatchEstimate,
	PatchInput,
	ProgrammeCheck,
	SizingMethod,
	SmallAreaInput
} from '../domain/sizing/types';

export interface PopulationSetSummary {
	id: number;
	name: string;
	referenceDate: string;
}

/** Which representative points the centroid method used, as the page and the JSON say it. */
export interface PointSource {
	/** Small areas counted at their ONS population-weighted centroid. */
	weighted: number;
	/** Small areas in the set. */
	total: number;
	/** e.g. "population-weighted centroids (ONS)", "interior points", or a mix of the two. */
	label: string;
}

export interface SizingContext {
	programme: { id: number; name: string; slug: string };
	limits: DesignLimits;
	populationSet: PopulationSetSummary;
	smallAreaCount: number;
	points: PointSource;
}

/**
 * The words for the points used.
 * @example pointSourceLabel(738, 738) // 'population-weighted centroids (ONS)'
 * @example pointSourceLabel(0, 738) // 'interior points'
 */
export function pointSourceLabel(weighted: number, total: number): string {
	if (weighted === 0) return 'interior points';
	if (weighted >= total) return 'population-weighted centroids (ONS)';
	return `population-weighted centroids (ONS) for ${formatNumber(weighted)} of ${formatNumber(total)} small areas, interior points for the rest`;
}

const cache = new Map<number, ReturnType<typeof prepareSmallAreas>>();

/** Forget prepared small areas: call after any import that changes small areas or populations. */
export function invalidateSizingCache(): void {
	cache.clear();
	void closeSizingPool();
}

/** The programme's design limits and default population set, or null when it has none yet. */
export function getSizingContext(
	db: Db,
	programmeId: number,
	populationSetId?: number
): SizingContext | null {
	const programme = db.select().from(t.programmes).where(eq(t.programmes.id, programmeId)).get();
	if (!programme) return null;
	const setId = populationSetId ?? programme.defaultPopulationSetId;
	if (setId === null || setId === undefined) return null;
	const populationSet = db
		.select({
			id: t.populationSets.id,
			name: t.populationSets.name,
			referenceDate: t.populationSets.referenceDate
		})
		.from(t.populationSets)
		.where(eq(t.populationSets.id, setId))
		.get();
	if (!populationSet) return null;
	const [{ smallAreaCount, weighted }] = db
		.select({ smallAreaCount: count(), weighted: count(t.smallAreas.weightedPointLon) })
		.from(t.populationValues)
		.innerJoin(t.smallAreas, eq(t.smallAreas.id, t.populationValues.smallAreaId))
		.where(eq(t.populationValues.populationSetId, populationSet.id))
		.all();
	return {
		programme: { id: programme.id, name: programme.name, slug: programme.slug },
		limits: {
			smallMin: programme.limitSmallMin,
			usualMin: programme.limitUsualMin,
			usualMax: programme.limitUsualMax,
			max: programme.limitMax
		},
		populationSet,
		smallAreaCount,
		points: { weighted, total: smallAreaCount, label: pointSourceLabel(weighted, smallAreaCount) }
	};
}

/**
 * A small area's representative point, as selected columns: the ONS population-weighted centroid
 * where one was imported, else the interior point. The centroid method and the gap analysis both
 * count a small area's people there.
 */
export const REPRESENTATIVE_POINT = {
	pointLon: sql<number>`coalesce(${t.smallAreas.weightedPointLon}, ${t.smallAreas.pointLon})`,
	pointLat: sql<number>`coalesce(${t.smallAreas.weightedPointLat}, ${t.smallAreas.pointLat})`
};

/** Small areas with their population in one set (areas without a figure in the set are left out). */
export function loadSmallAreaInputs(db: Db, populationSetId: number): SmallAreaInput[] {
	return db
		.select({
			code: t.smallAreas.code,
			geometry: t.smallAreas.geometry,
			population: t.populationValues.value,
			...REPRESENTATIVE_POINT
		})
		.from(t.populationValues)
		.innerJoin(t.smallAreas, eq(t.smallAreas.id, t.populationValues.smallAreaId))
		.where(eq(t.populationValues.populationSetId, populationSetId))
		.orderBy(asc(t.smallAreas.code))
		.all()
		.map(({ pointLon, pointLat, ...area }) => ({ ...area, point: [pointLon, pointLat] }));
}

/** The programme's patches that are not retired, as engine input. */
export function loadPatchInputs(db: Db, programmeId: number): PatchInput[] {
	return db
		.select({ id: t.patches.id, name: t.patches.name, geometry: t.patches.boundary })
		.from(t.patches)
		.where(
			and(eq(t.patches.programmeId, programmeId), inArray(t.patches.status, ['active', 'planned']))
		)
		.orderBy(asc(t.patches.name))
		.all();
}

/** The population set's small areas made ready for the engine (cached; see invalidateSizingCache). */
export function preparedFor(db: Db, populationSetId: number) {
	let prepared = cache.get(populationSetId);
	if (!prepared) {
		prepared = prepareSmallAreas(loadSmallAreaInputs(db, populationSetId));
		cache.set(populationSetId, prepared);
	}
	return prepared;
}

type CheckOptions = { method?: SizingMethod; populationSetId?: number; withShares?: boolean };
type ContextCheck = ProgrammeCheck & { context: SizingContext };

/** What a full check needs, read from the database; null when there is nothing to check with. */
function checkInputs(
	db: Db,
	programmeId: number,
	{ method = 'areal', populationSetId, withShares = false }: CheckOptions
) {
	const context = getSizingContext(db, programmeId, populationSetId);
	if (!context) return null;
	return {
		context,
		prepared: preparedFor(db, context.populationSet.id),
		patches: loadPatchInputs(db, programmeId),
		options: { limits: context.limits, method, withShares }
	};
}

/** Every patch of the programme checked against its limits. Null when there is nothing to check with. */
export function checkProgrammeSizing(
	db: Db,
	programmeId: number,
	options: CheckOptions = {}
): ContextCheck | null {
	const inputs = checkInputs(db, programmeId, options);
	if (!inputs) return null;
	const { context, prepared, patches } = inputs;
	return { ...checkProgramme(prepared, patches, inputs.options), context };
}

/**
 * checkProgrammeSizing on every core where the programme is large enough to gain (sizing-threads.ts):
 * the same figures, sooner. For pages and downloads, which can wait on a promise.
 */
export async function checkProgrammeSizingSoon(
	db: Db,
	programmeId: number,
	options: CheckOptions = {}
): Promise<ContextCheck | null> {
	const inputs = checkInputs(db, programmeId, options);
	if (!inputs) return null;
	const { context, prepared, patches } = inputs;
	const pool = sizingPoolFor(prepared);
	const check = pool
		? await pool.check(patches, inputs.options)
		: checkProgramme(prepared, patches, inputs.options);
	return { ...check, context };
}

/** One boundary (stored or being drawn) estimated alone, as the patch page and the editor show it. */
export function estimateBoundary(
	db: Db,
	context: SizingContext,
	patch: { id: number | string; name: string; geometry: AreaGeometry },
	{ method = 'areal', withShares = false }: { method?: SizingMethod; withShares?: boolean } = {}
): PatchEstimate {
	return estimatePatch(preparedFor(db, context.populationSet.id), patch, {
		limits: context.limits,
		method,
		withShares
	});
}

/**
 * The patches (of those given) that cover no small area: of the default population set's small
 * areas when the programme has one, otherwise of all stored small areas. Empty when none are stored.
 */
export function patchesCoveringNoSmallArea(
	db: Db,
	defaultPopulationSetId: number | null,
	patches: PatchInput[]
): PatchInput[] {
	let prepared: ReturnType<typeof prepareSmallAreas>;
	if (defaultPopulationSetId !== null) prepared = preparedFor(db, defaultPopulationSetId);
	else {
		const areas = db
			.select({
				code: t.smallAreas.code,
				geometry: t.smallAreas.geometry,
				pointLon: t.smallAreas.pointLon,
				pointLat: t.smallAreas.pointLat
			})
			.from(t.smallAreas)
			.all();
		prepared = prepareSmallAreas(
			areas.map(({ pointLon, pointLat, ...area }) => ({
				...area,
				population: 0,
				point: [pointLon, pointLat]
			}))
		);
	}
	if (prepared.count === 0) return [];
	return patches.filter(
		(patch, i) => !coversAnySmallArea(prepared, preparePatch(prepared, patch, i))
	);
}
