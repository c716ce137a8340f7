/**
 * The shapes the patch-sizing engine takes and gives. Pure data: no database, no I/O.
 * See DESIGN.md, "How a patch's population is estimated".
 */
import type { Band, DesignLimits, SizingGuidance } from '../bands';
import type { AreaGeometry } from '../geometry';

/** How a patch's population is counted from small areas. */
export const SIZING_METHODS = ['areal', 'centroid'] as const;
export type SizingMethod = (typeof SIZING_METHODS)[number];

export const SIZING_METHOD_LABELS: Record<SizingMethod, string> = {
	areal: 'Areal weighting',
	centroid: 'Centroid (whole small areas)'
};

/** A census small area with its population from one population set. */
export interface SmallAreaInput {
	code: string;
	geometry: AreaGeometry;
	population: number;
	/** A point inside the polygon for the centroid method; computed if absent. */
	point?: [number, number];
}

export interface PatchInput {
	id: number | string;
	name: string;
	geometry: AreaGeometry;
}

/** How much of one small area a patch holds. */
export interface SmallAreaShare {
	code: string;
	/**
	 * Fraction of the small area's area inside the patch, 0-1 (1 for wholly inside). NaN when areas
	 * were not computed (checkProgramme with method 'centroid' and compare: false).
	 */
	share: number;
	/** population × share. */
	people: number;
	/** True when the small area's representative point is inside the patch (centroid method). */
	pointInside: boolean;
}

/** A small area on a patch's edge that could move to a neighbouring patch to fix its size. */
export interface EdgeMove {
	code: string;
	people: number;
	/** The neighbouring patch it could go to (when moving out) or come from (when moving in). */
	neighbourId: number | string;
	neighbourName: string;
	direction: 'out' | 'in';
}

export type GeometryProblemKind =
	'self_intersection' | 'sliver' | 'disconnected_parts' | 'too_many_vertices' | 'no_small_area';

export interface GeometryProblem {
	kind: GeometryProblemKind;
	/** Plain words for a council officer, e.g. "The boundary crosses itself at 2 points". */
	message: string;
	/** Where, as [lon, lat] points (crossings, or a point of each sliver or part). */
	at: [number, number][];
}

/** One patch's estimate, as the table, map, CLI and editor show it. */
export interface PatchEstimate {
	id: number | string;
	name: string;
	/**
	 * People by areal weighting (fractional; pages round). NaN only from checkProgramme with method
	 * 'centroid' and compare: false, which skips all clipping for speed.
	 */
	areal: number;
	/** People by the centroid method (whole small areas). */
	centroid: number;
	/** areal − centroid (NaN when areal is). */
	difference: number;
	/**
	 * How much the centroid figure depends on where the points lie: people in small areas the
	 * boundary cuts (partly inside). NaN when areal weighting was not computed.
	 */
	cutPeople: number;
	/**
	 * The range the centroid figure could take whatever the points: from the people in small areas
	 * wholly inside (min) to those plus every cut small area (max). NaN when areal was not computed.
	 */
	centroidRange: { min: number; max: number };
	/** The method the band and guidance use. */
	method: SizingMethod;
	/** The population by that method. */
	population: number;
	areaKm2: number;
	densityPerKm2: number;
	band: Band;
	guidance: SizingGuidance;
	/** People this patch shares with other patches (counted in both), by method. */
	overlapPeople: number;
	overlapsWith: { id: number | string; name: string; people: number }[];
	/** Small areas on the edge that could move to or from a neighbour to bring the size within limits. */
	suggestedMoves: EdgeMove[];
	problems: GeometryProblem[];
	/** Every small area the patch touches; omitted in programme checks unless asked for. */
	shares?: SmallAreaShare[];
}

/** A whole programme's check: every patch, and what falls between them. */
export interface ProgrammeCheck {
	method: SizingMethod;
	limits: DesignLimits;
	patches: PatchEstimate[];
	totals: {
		/** People in all the small areas (the programme's population). */
		population: number;
		/** People in at least one patch. */
		covered: number;
		/** People in no patch. */
		uncovered: number;
		/** People counted in more than one patch (counted once here). */
		doubleCounted: number;
	};
	/** Each overlapping pair once. */
	overlaps: {
		a: number | string;
		b: number | string;
		aName: string;
		bName: string;
		people: number;
	}[];
	/** Small areas (wholly or partly) in no patch, with the uncovered people of each. */
	uncoveredAreas: { code: string; people: number }[];
}
