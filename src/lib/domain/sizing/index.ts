/**
 * The patch-sizing engine: pure functions from small areas (with populations) and patch boundaries
 * to population estimates, bands, guidance, overlaps, uncovered people and boundary problems.
 * See DESIGN.md, "How a patch's population is estimated".
 */
export { prepareSmallAreas, type PreparedSmallAreas } from './prepare';
export { interiorPoint } from './point';
export { estimatePatch, patchAreaKm2, type SizingOptions } from './estimate';
export { checkProgramme, MIN_LISTED_OVERLAP, type ProgrammeOptions } from './programme';
export {
	validatePatchGeometry,
	DEFAULT_MAX_VERTICES,
	SLIVER_MIN_AREA_M2,
	SLIVER_MIN_COMPACTNESS
} from './validate';
export { coversAnySmallArea, noSmallAreaProblem } from './coverage';
export { sizingStats, resetSizingStats } from './shares';
export { COVER_NOISE } from './accounting';
export { MAX_MOVES } from './moves';
export * from './types';
export {
	estimateEditImpact,
	lockedMessage,
	lockedOverlapsOf,
	lockedPatchesOverlapped,
	type EditImpact,
	type NeighbourPatch
} from './edit-impact';
