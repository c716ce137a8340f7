/**
 * The headline gaps of a report, for the board report and the charts: a category missing from a
 * patch, the categories that leave most people beyond the threshold (and how many of them live in
 * the most deprived 20%), and the times of the week when nothing meets in a patch. Pure data from
 * the report; the page words it.
 */
import type { GapReport } from './report';
import { isEmptySlot, PARTS_OF_DAY, WEEKDAYS, type WeekSlot } from './time-of-week';
import type { TimeOfDay } from '../sessions';

export interface MissingCategory {
	patch: string;
	category: string;
	/** The patch's people (rounded), or null without an estimate. */
	population: number | null;
}

export interface ReachGap {
	categoryId: string;
	category: string;
	/** People in the whole programme beyond the threshold (each small area once). */
	people: number;
	/** Of them, in the most deprived 20%; null without deprivation data. */
	deprivedPeople: number | null;
}

export interface EveningGap {
	patch: string;
	/** Weekdays (1-5) with nothing at all meeting in the evening. */
	weekdays: number[];
}

export interface WeekSlotSummary {
	weekday: number;
	part: TimeOfDay;
	/** Patches where nothing meets in this slot, any week. */
	empty: number;
	/** Patches where something meets only some weeks. */
	someWeeks: number;
}

export interface HeadlineGaps {
	/** Patch and category pairs with none, for categories the programme has entries in; most people first. */
	missing: MissingCategory[];
	/**
	 * Categories with an entry that has a place, most people beyond the threshold first; those with
	 * nobody beyond left out.
	 */
	reach: ReachGap[];
	/**
	 * Categories whose entries all lack a place (online, by phone, roaming): no distance can be
	 * measured, so they are named apart rather than counted as everyone beyond reach.
	 */
	unplaced: string[];
	/** Patches with at least one weekday evening when nothing meets, most such evenings first. */
	evenings: EveningGap[];
	/** Patches counted in the time-of-week figures. */
	patches: number;
}

/**
 * For each of the 21 slots, how many patches have nothing meeting (and only some weeks).
 * @example weekSlotSummary(report.timeOfWeek)[slotIndex(1, 'evening')].empty // 3
 */
export function weekSlotSummary(
	grids: readonly { slots: readonly WeekSlot[] }[]
): WeekSlotSummary[] {
	return WEEKDAYS.flatMap((weekday) =>
		PARTS_OF_DAY.map((part, p) => {
			const slots = grids.map((grid) => grid.slots[(weekday - 1) * 3 + p]);
			return {
				weekday,
				part,
				empty: slots.filter(isEmptySlot).length,
				someWeeks: slots.filter((s) => s.everyWeek.length === 0 && s.someWeeks.length > 0).length
			};
		})
	);
}

/**
 * The headline gaps.
 * @example headlineGaps(report).missing[0] // { patch: 'Foxley End', category: 'Youth', population: 11234 }
 */
export function headlineGaps(report: GapReport): HeadlineGaps {
	const { categories, rows } = report.matrix;
	const missing = rows
		.flatMap((row) =>
			row.cells.flatMap((cell, c) =>
				cell.flag === 'none' && categories[c].total > 0
					? [
							{
								patch: row.patchName,
								category: categories[c].name,
								population: row.population === null ? null : Math.round(row.population)
							}
						]
					: []
			)
		)
		.sort(
			(a, b) =>
				(b.population ?? -1) - (a.population ?? -1) ||
				a.patch.localeCompare(b.patch) ||
				a.category.localeCompare(b.category)
		);
	const placedCount = new Map(report.distances.map((d) => [d.categoryId, d.assetCount]));
	const hasPlace = (categoryId: string) => (placedCount.get(categoryId) ?? 0) > 0;
	const reach = report.programmeBeyond
		.flatMap((beyond, c) =>
			hasPlace(beyond.categoryId) && Math.round(beyond.people) > 0
				? [
						{
							categoryId: beyond.categoryId,
							category: categories[c].name,
							people: Math.round(beyond.people),
							deprivedPeople:
								beyond.deprivedPeople === null ? null : Math.round(beyond.deprivedPeople)
						}
					]
				: []
		)
		.sort((a, b) => b.people - a.people || a.category.localeCompare(b.category));
	const evenings = report.timeOfWeek
		.map((grid) => ({
			patch: grid.patchName,
			weekdays: grid.slots
				.filter((slot) => slot.part === 'evening' && slot.weekday <= 5 && isEmptySlot(slot))
				.map((slot) => slot.weekday)
		}))
		.filter((gap) => gap.weekdays.length > 0)
		.sort((a, b) => b.weekdays.length - a.weekdays.length || a.patch.localeCompare(b.patch));
	const unplaced = categories
		.filter((category) => category.total > 0 && !hasPlace(category.id))
		.map((category) => category.name);
	return { missing, reach, unplaced, evenings, patches: report.timeOfWeek.length };
}
