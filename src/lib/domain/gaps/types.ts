/**
 * The shapes the gap analysis takes and gives. Pure data: the server reads them from the database,
 * the benchmark generates them, tests write them by hand. Points are [lon, lat] in WGS84.
 */
import type { SessionRule } from '../sessions';
import type { SizingMethod } from '../sizing/types';

/** An entry as the gap analysis sees it: only what decides whether and where it counts. */
export interface GapAsset {
	id: number;
	name: string;
	kind: string;
	status: string;
	/** Consent of an informal support to be shown publicly: without it, it is not counted. */
	consentPublic: boolean;
	/** Its place, or null for online and roaming entries (counted in patches, never in distances). */
	point: [number, number] | null;
	categoryIds: string[];
	/** The patches it belongs to: those its point falls in, or its explicit links. */
	patchIds: number[];
	sessions: SessionRule[];
}

/** A census small area with its population and representative point. */
export interface GapSmallArea {
	code: string;
	point: [number, number];
	population: number;
	/** Its LSOA's deprivation decile (1 = most deprived 10%), or null/absent without deprivation data. */
	decile?: number | null;
}

/** The most deprived 20%: deciles 1 and 2 of the Index of Multiple Deprivation. */
export const MOST_DEPRIVED_DECILE = 2;

/** True when the small area is in the most deprived 20%. */
export function isMostDeprived(area: Pick<GapSmallArea, 'decile'>): boolean {
	return area.decile != null && area.decile <= MOST_DEPRIVED_DECILE;
}

/** Who lives in a patch: small areas (by position in the list) and the people of each counted. */
export interface GapPatch {
	id: number;
	name: string;
	/** The patch's population by `method`; null when there is no estimate (no population figures). */
	population: number | null;
	/** Small areas the patch holds, with the people of each it counts (population × share). */
	members: { area: number; people: number }[];
}

export interface GapCategory {
	id: string;
	name: string;
}

/** Where the population came from, so every figure can name its method and data set. */
export interface GapMethod {
	sizing: SizingMethod;
	populationSet: string | null;
	/** Straight-line distances, in metres. */
	thresholdMetres: number;
}

/** Default distance threshold: about ten minutes' walk. */
export const DEFAULT_THRESHOLD_METRES = 800;
