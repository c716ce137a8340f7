/**
 * People beyond a distance threshold: for each patch and category, the people of the patch's small
 * areas whose representative point is farther than the threshold (straight line) from every entry of
 * the category. A small area split between patches counts with the share each patch holds.
 */
import type { CategoryDistances } from './distances';
import type { GapPatch } from './types';

/** Which small areas (by position) are in the most deprived 20%, or null without deprivation data. */
export type DeprivedMask = ArrayLike<boolean> | null;

export interface BeyondCell {
	categoryId: string;
	/** People beyond the threshold (fractional under areal weighting; pages round). */
	people: number;
	/** Share of the patch's counted people beyond it, 0-1; null when the patch has nobody counted. */
	share: number | null;
	/** Of them, the people in the most deprived 20%; null without deprivation data. */
	deprivedPeople: number | null;
}

export interface BeyondRow {
	patchId: number;
	patchName: string;
	/** People the patch's members add up to. */
	people: number;
	/** The patch's people in the most deprived 20%; null without deprivation data. */
	deprivedPeople: number | null;
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
	thresholdMetres: number,
	deprived: DeprivedMask = null
): BeyondRow[] {
	return patches.map((patch) => {
		let people = 0;
		let deprivedPeople = 0;
		for (const member of patch.members) {
			people += member.people;
			if (deprived?.[member.area]) deprivedPeople += member.people;
		}
		return {
			patchId: patch.id,
			patchName: patch.name,
			people,
			deprivedPeople: deprived ? deprivedPeople : null,
			cells: distances.map(({ categoryId, metres }) => {
				let beyond = 0;
				let deprivedBeyond = 0;
				for (const member of patch.members) {
					if (metres[member.area] > thresholdMetres) {
						beyond += member.people;
						if (deprived?.[member.area]) deprivedBeyond += member.people;
					}
				}
				return {
					categoryId,
					people: beyond,
					share: people > 0 ? beyond / people : null,
					deprivedPeople: deprived ? deprivedBeyond : null
				};
			})
		};
	});
}

/** People beyond the threshold in the whole programme, per category (each small area counted once). */
export function programmeBeyond(
	populations: ArrayLike<number>,
	distances: readonly CategoryDistances[],
	thresholdMetres: number,
	deprived: DeprivedMask = null
): { categoryId: string; people: number; deprivedPeople: number | null }[] {
	return distances.map(({ categoryId, metres }) => {
		let people = 0;
		let deprivedPeople = 0;
		for (let a = 0; a < populations.length; a++) {
			if (metres[a] > thresholdMetres) {
				people += populations[a];
				if (deprived?.[a]) deprivedPeople += populations[a];
			}
		}
		return { categoryId, people, deprivedPeople: deprived ? deprivedPeople : null };
	});
}
