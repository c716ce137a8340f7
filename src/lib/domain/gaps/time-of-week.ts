/**
 * Time of week: what meets in each of 21 slots (7 days × morning, afternoon, evening), from entries'
 * sessions. A weekly session counts every week; fortnightly and monthly ones count as "some weeks".
 * An entry counts once per slot (as every week if any of its sessions there is weekly).
 */
import { timeOfDay, type TimeOfDay } from '../sessions';
import { countableAssets } from './countable';
import type { GapAsset } from './types';

export const PARTS_OF_DAY: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening'];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface WeekSlot {
	weekday: number;
	part: TimeOfDay;
	/** Entries meeting in this slot every week. */
	everyWeek: number[];
	/** Entries meeting in this slot only some weeks (fortnightly or monthly), and never weekly. */
	someWeeks: number[];
}

/** The slot's position in a 21-slot grid: Monday morning is 0, Sunday evening 20. */
export const slotIndex = (weekday: number, part: TimeOfDay): number =>
	(weekday - 1) * 3 + PARTS_OF_DAY.indexOf(part);

/** Whether nothing meets in the slot at all. */
export const isEmptySlot = (slot: WeekSlot): boolean =>
	slot.everyWeek.length === 0 && slot.someWeeks.length === 0;

/**
 * The 21 slots for a set of entries (say, one patch's), optionally only those of one category.
 * @example timeOfWeekGrid([youthClubOnTuesdayEvenings], null)[slotIndex(2, 'evening')].everyWeek // [id]
 */
export function timeOfWeekGrid(assets: readonly GapAsset[], categoryId: string | null): WeekSlot[] {
	const slots: WeekSlot[] = WEEKDAYS.flatMap((weekday) =>
		PARTS_OF_DAY.map((part) => ({ weekday, part, everyWeek: [], someWeeks: [] }))
	);
	for (const asset of countableAssets(assets)) {
		if (categoryId !== null && !asset.categoryIds.includes(categoryId)) continue;
		const every = new Set<number>();
		const some = new Set<number>();
		for (const session of asset.sessions) {
			if (session.weekday < 1 || session.weekday > 7) continue;
			const at = slotIndex(session.weekday, timeOfDay(session.startTime));
			(session.frequency === 'weekly' ? every : some).add(at);
		}
		for (const at of every) slots[at].everyWeek.push(asset.id);
		for (const at of some) if (!every.has(at)) slots[at].someWeeks.push(asset.id);
	}
	return slots;
}

/** Each patch's grid, from the entries that belong to it. */
export function patchTimeOfWeek(
	patches: readonly { id: number; name: string }[],
	assets: readonly GapAsset[],
	categoryId: string | null
): { patchId: number; patchName: string; slots: WeekSlot[] }[] {
	const byPatch = new Map<number, GapAsset[]>(patches.map((patch) => [patch.id, []]));
	for (const asset of assets) {
		for (const patchId of asset.patchIds) byPatch.get(patchId)?.push(asset);
	}
	return patches.map((patch) => ({
		patchId: patch.id,
		patchName: patch.name,
		slots: timeOfWeekGrid(byPatch.get(patch.id)!, categoryId)
	}));
}
