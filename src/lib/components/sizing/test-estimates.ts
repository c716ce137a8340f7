/** Engine output for the sizing components' tests. Not imported by application code. */
import { DEFAULT_LIMITS, bandFor, sizingGuidance } from '$lib/domain/bands';
import type { PatchEstimate } from '$lib/domain/sizing/types';

/** An estimate with sensible defaults; `areal` sets the population, band and guidance. */
export function estimate(
	fields: Partial<PatchEstimate> & Pick<PatchEstimate, 'id' | 'name' | 'areal'>
): PatchEstimate {
	const centroid = fields.centroid ?? Math.round(fields.areal);
	const areaKm2 = fields.areaKm2 ?? 4;
	return {
		centroid,
		difference: fields.areal - centroid,
		cutPeople: 0,
		centroidRange: { min: centroid, max: centroid },
		method: 'areal',
		population: fields.areal,
		areaKm2,
		densityPerKm2: fields.areal / areaKm2,
		band: bandFor(fields.areal, DEFAULT_LIMITS),
		guidance: sizingGuidance(fields.areal, DEFAULT_LIMITS),
		overlapPeople: 0,
		overlapsWith: [],
		suggestedMoves: [],
		problems: [],
		...fields
	};
}
