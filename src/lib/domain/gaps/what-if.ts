/**
 * What-if: a candidate venue or group at a point, with its categories and sessions, and what it would
 * change before anything is saved: the people it brings within the threshold (straight line) per
 * category, per patch, and the empty time-of-week slots it fills in the patches it would belong to.
 * Pure: it reads the current figures and writes nothing.
 */
import type { SessionRule, TimeOfDay } from '../sessions';
import type { CategoryDistances } from './distances';
import type { PointIndex } from './point-index';
import { isEmptySlot, timeOfWeekGrid, type WeekSlot } from './time-of-week';
import { isMostDeprived, type GapAsset, type GapPatch, type GapSmallArea } from './types';

export interface Candidate {
	point: [number, number];
	categoryIds: string[];
	sessions: SessionRule[];
	/** The patches its point falls in. */
	patchIds: number[];
}

export interface WhatIfInput {
	candidate: Candidate;
	areas: readonly GapSmallArea[];
	/** An index over the small areas' representative points, in the same order as `areas`. */
	areaIndex: PointIndex;
	/** Current nearest distances, one per category (a category missing here is treated as having none). */
	distances: readonly CategoryDistances[];
	patches: readonly GapPatch[];
	/** Current entries, for the time-of-week slots the candidate would fill. */
	assets: readonly GapAsset[];
	thresholdMetres: number;
}

export interface WhatIfCategory {
	categoryId: string;
	/** People newly within the threshold (each small area counted once). */
	people: number;
	/** Of them, people in the most deprived 20%; null when the areas carry no deciles. */
	deprivedPeople: number | null;
	/** Small areas newly within, by code. */
	areaCodes: string[];
	/** People newly within, by patch (with each patch's share of a split small area). */
	byPatch: { patchId: number; patchName: string; people: number }[];
}

export interface FilledSlot {
	patchId: number;
	patchName: string;
	categoryId: string;
	weekday: number;
	part: TimeOfDay;
	/** True when the candidate meets there every week; false for some weeks only. */
	everyWeek: boolean;
}

export interface WhatIfResult {
	categories: WhatIfCategory[];
	/** Slots empty today, for the category in the patch, that the candidate's sessions would fill. */
	filledSlots: FilledSlot[];
}

/** For each small area (by position), the patches that count it and the people each counts. */
export function areaMemberships(
	patches: readonly GapPatch[],
	areaCount: number
): { patch: number; people: number }[][] {
	const byArea: { patch: number; people: number }[][] = Array.from({ length: areaCount }, () => []);
	patches.forEach((patch, p) => {
		for (const member of patch.members)
			byArea[member.area]?.push({ patch: p, people: member.people });
	});
	return byArea;
}

/**
 * What the candidate would change.
 * @param input current figures and the candidate; `memberships` from areaMemberships (pass it in to
 *   reuse it across many what-ifs)
 */
export function whatIf(
	input: WhatIfInput,
	memberships = areaMemberships(input.patches, input.areas.length)
): WhatIfResult {
	const { candidate, areas, areaIndex, distances, patches, thresholdMetres } = input;
	const [lon, lat] = candidate.point;
	const hasDeciles = areas.some((area) => area.decile != null);
	const near = areaIndex.within(lon, lat, thresholdMetres).sort((a, b) => a - b);
	const categories = candidate.categoryIds.map((categoryId): WhatIfCategory => {
		const current = distances.find((d) => d.categoryId === categoryId)?.metres;
		const newly = near.filter((a) => !current || current[a] > thresholdMetres);
		const perPatch = new Float64Array(patches.length);
		let people = 0;
		let deprivedPeople = 0;
		for (const a of newly) {
			people += areas[a].population;
			if (isMostDeprived(areas[a])) deprivedPeople += areas[a].population;
			for (const { patch, people: counted } of memberships[a]) perPatch[patch] += counted;
		}
		return {
			categoryId,
			people,
			deprivedPeople: hasDeciles ? deprivedPeople : null,
			areaCodes: newly.map((a) => areas[a].code),
			byPatch: patches
				.map((patch, p) => ({ patchId: patch.id, patchName: patch.name, people: perPatch[p] }))
				.filter((row) => row.people > 0)
		};
	});
	return { categories, filledSlots: filledSlots(input) };
}

function filledSlots({ candidate, patches, assets }: WhatIfInput): FilledSlot[] {
	const asCandidate: GapAsset = {
		id: -1,
		name: 'candidate',
		kind: 'venue',
		status: 'published',
		consentPublic: false,
		point: candidate.point,
		categoryIds: candidate.categoryIds,
		patchIds: candidate.patchIds,
		sessions: candidate.sessions
	};
	const out: FilledSlot[] = [];
	for (const patchId of candidate.patchIds) {
		const patch = patches.find((p) => p.id === patchId);
		if (!patch) continue;
		const inPatch = assets.filter((asset) => asset.patchIds.includes(patchId));
		for (const categoryId of candidate.categoryIds) {
			const today = timeOfWeekGrid(inPatch, categoryId);
			const added = timeOfWeekGrid([asCandidate], categoryId);
			today.forEach((slot: WeekSlot, i) => {
				const mine = added[i];
				if (!isEmptySlot(slot) || isEmptySlot(mine)) return;
				out.push({
					patchId,
					patchName: patch.name,
					categoryId,
					weekday: slot.weekday,
					part: slot.part,
					everyWeek: mine.everyWeek.length > 0
				});
			});
		}
	}
	return out;
}
