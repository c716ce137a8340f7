/**
 * People beyond a distance threshold: for each patch and category, the people of the patch's small
 * areas whose representative point is farther than the threshold (straight line) from every entry of
 * the category. A small area split between patches counts with the share each patch holds.
 */
import type { CategoryDistances } from './distances';
import type { GapPatch } from './types';

export interface BeyondCell {
	categoryId: string;
	/** People beyond the threshold (fractional under areal weighting; pages round). */
	people: number;
	/** Share of the patch's counted people beyond it, 0-1; null when the patch has nobody counted. */
	share: number | null;
}

export interface BeyondRow {
	patchId: number;
	patchName: string;
	/** People the patch's members add up to. */
	people: number;
	cells: BeyondCell[];
}

/**
 * People beyond the threshold, patch by patch.
 * @param patches with their members (small areas by position, and the people of each counted)
 * @param distances from nearestDistances, one per category
 * @param thresholdMetres e.g. 800
 */
export function peopleBeyond(
	patches: readonly GapPatch[],
	distances: readonly CategoryDistances[],
	thresholdMetres: number
): BeyondRow[] {
	return patches.map((patch) => {
		let people = 0;
		for (const member of patch.members) people += member.people;
		return {
			patchId: patch.id,
			patchName: patch.name,
			people,
			cells: distances.map(({ categoryId, metres }) => {
				let beyond = 0;
				for (const member of patch.members) {
					if (metres[member.area] > thresholdMetres) beyond += member.people;
				}
				return { categoryId, people: beyond, share: people > 0 ? beyond / people : null };
			})
		};
	});
}

/** People beyond the threshold in the whole programme, per category (each small area counted once). */
export function programmeBeyond(
	populations: ArrayLike<number>,
	distances: readonly CategoryDistances[],
	thresholdMetres: number
): { categoryId: string; people: number }[] {
	return distances.map(({ categoryId, metres }) => {
		let people = 0;
		for (let a = 0; a < populations.length; a++) {
			if (metres[a] > thresholdMetres) people += populations[a];
		}
		return { categoryId, people };
	});
}
