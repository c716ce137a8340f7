/**
 * One patch's population, as the patch page and the editor show it: by areal weighting and by the
 * centroid method side by side, with area, density, band, guidance and boundary problems.
 */
import { area } from '@turf/turf';
import { DEFAULT_LIMITS, sizingGuidance, type DesignLimits, type SizingGuidance } from '../bands';
import type { AreaGeometry } from '../geometry';
import { preparePatch, type PreparedPatch } from './patch';
import { COVER_NOISE } from './accounting';
import { planeAreaKm2 } from './plane';
import type { PreparedSmallAreas } from './prepare';
import { shareOf } from './shares';
import { noSmallAreaProblem } from './coverage';
import type {
	EdgeMove,
	GeometryProblem,
	PatchEstimate,
	PatchInput,
	SizingMethod,
	SmallAreaShare
} from './types';
import { validatePatchGeometry } from './validate';

export interface SizingOptions {
	limits?: DesignLimits;
	method?: SizingMethod;
	/** List every small area each patch touches (the editor's detail view). */
	withShares?: boolean;
}

/** A patch's area in km², on the sphere (Turf). A self-crossing ring's lobes cancel, as in Turf. */
export function patchAreaKm2(geometry: AreaGeometry): number {
	return area(geometry) / 1e6;
}

export interface EstimateParts {
	areal: number;
	centroid: number;
	method: SizingMethod;
	limits: DesignLimits;
	problems: GeometryProblem[];
	/** The area when already known (from the projected shape); otherwise Turf measures it. */
	areaKm2?: number;
	/** Guidance for a population (a programme check remembers it per whole number of people). */
	guide?: (population: number) => SizingGuidance;
	overlapPeople?: number;
	overlapsWith?: PatchEstimate['overlapsWith'];
	suggestedMoves?: EdgeMove[];
	shares?: SmallAreaShare[];
	/** People in small areas wholly inside, and in those the boundary cuts (NaN when unknown). */
	wholePeople?: number;
	cutPeople?: number;
}

/**
 * Whether a small area with this share is wholly inside (1), cut by the boundary (a part), or out.
 * A sliver below COVER_NOISE is rounding along a shared border, unless the point falls there.
 */
export function cutKind(share: number, pointInside: boolean): 'whole' | 'cut' | 'out' {
	if (share >= 1 - COVER_NOISE) return 'whole';
	return share > COVER_NOISE || pointInside ? 'cut' : 'out';
}

/** Assembles a PatchEstimate: population by the chosen method, band, guidance, density. */
export function toEstimate(patch: PatchInput, parts: EstimateParts): PatchEstimate {
	const { areal, centroid, method, limits } = parts;
	const population = method === 'areal' ? areal : centroid;
	const areaKm2 = parts.areaKm2 ?? patchAreaKm2(patch.geometry);
	// The band comes with the guidance (both from the population rounded to whole people).
	const guidance = parts.guide ? parts.guide(population) : sizingGuidance(population, limits);
	const estimate: PatchEstimate = {
		id: patch.id,
		name: patch.name,
		areal,
		centroid,
		difference: areal - centroid,
		cutPeople: parts.cutPeople ?? NaN,
		centroidRange: {
			min: parts.wholePeople ?? NaN,
			max: (parts.wholePeople ?? NaN) + (parts.cutPeople ?? NaN)
		},
		method,
		population,
		areaKm2,
		densityPerKm2: areaKm2 > 0 ? population / areaKm2 : 0,
		band: guidance.band,
		guidance,
		overlapPeople: parts.overlapPeople ?? 0,
		overlapsWith: parts.overlapsWith ?? [],
		suggestedMoves: parts.suggestedMoves ?? [],
		problems: parts.problems
	};
	if (parts.shares) estimate.shares = parts.shares;
	return estimate;
}

/** Small areas whose box or representative point falls in the patch's box. */
export function candidatesFor(prepared: PreparedSmallAreas, patch: PreparedPatch): number[] {
	const { shape } = patch;
	if (!prepared.boxIndex || !prepared.pointIndex || shape.rings.length === 0) return [];
	const found = new Set(prepared.boxIndex.search(shape.minX, shape.minY, shape.maxX, shape.maxY));
	for (const i of prepared.pointIndex.search(shape.minX, shape.minY, shape.maxX, shape.maxY)) {
		found.add(i);
	}
	return [...found].sort((a, b) => a - b);
}

/**
 * One patch's estimate on its own (as in the editor): overlaps and suggested moves need the other
 * patches, so they are empty here; use checkProgramme for those.
 * @param prepared small areas from prepareSmallAreas
 * @param patch the patch, in lon/lat (throws, naming the patch, on any other coordinates)
 * @example estimatePatch(prepared, patch).guidance.message // 'Within the usual size'
 */
export function estimatePatch(
	prepared: PreparedSmallAreas,
	patch: PatchInput,
	{ limits = DEFAULT_LIMITS, method = 'areal', withShares = false }: SizingOptions = {}
): PatchEstimate {
	const prepatch = preparePatch(prepared, patch);
	const problems = validatePatchGeometry(patch.geometry);
	let areal = 0;
	let centroid = 0;
	let touched = false;
	let wholePeople = 0;
	let cutPeople = 0;
	const shares: SmallAreaShare[] = [];
	for (const i of candidatesFor(prepared, prepatch)) {
		const { share, pointInside } = shareOf(prepared, i, prepatch);
		const population = prepared.population[i];
		if (share > 0 || pointInside) touched = true;
		const kind = cutKind(share, pointInside);
		if (kind === 'whole') wholePeople += population;
		else if (kind === 'cut') cutPeople += population;
		areal += share * population;
		if (pointInside) centroid += population;
		if (withShares && (share > 0 || pointInside)) {
			shares.push({ code: prepared.codes[i], share, people: share * population, pointInside });
		}
	}
	if (!touched && prepared.count > 0) problems.push(noSmallAreaProblem(prepatch));
	return toEstimate(patch, {
		areal,
		centroid,
		areaKm2: planeAreaKm2(prepatch.shape.area),
		method,
		limits,
		problems,
		wholePeople,
		cutPeople,
		shares: withShares ? shares : undefined
	});
}
