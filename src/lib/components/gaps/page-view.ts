/**
 * Plain data for the Gaps page, made on the server from the report so the browser gets only what it
 * shows: the time-of-week grids as counts, the small areas of the mapped category with their
 * distances, and the people beyond the threshold per patch for that category.
 */
import type { GapReport } from '$lib/domain/gaps/report';
import { isMostDeprived, type GapSmallArea } from '$lib/domain/gaps/types';
import { PARTS_OF_DAY, WEEKDAYS } from '$lib/domain/gaps/time-of-week';

export interface SlotView {
	everyWeek: number;
	someWeeks: number;
}

export interface TimeOfWeekView {
	patchId: number;
	patchName: string;
	/** [weekday 1-7][morning, afternoon, evening]. */
	days: SlotView[][];
	emptySlots: number;
}

/** Each patch's 21 slots as a 7 × 3 table of counts. */
export function timeOfWeekView(report: GapReport): TimeOfWeekView[] {
	return report.timeOfWeek.map((grid) => {
		const days = WEEKDAYS.map((weekday) =>
			PARTS_OF_DAY.map((_, p) => {
				const slot = grid.slots[(weekday - 1) * 3 + p];
				return { everyWeek: slot.everyWeek.length, someWeeks: slot.someWeeks.length };
			})
		);
		return {
			patchId: grid.patchId,
			patchName: grid.patchName,
			days,
			emptySlots: days.flat().filter((s) => s.everyWeek + s.someWeeks === 0).length
		};
	});
}

export interface AreaDistanceView {
	code: string;
	population: number;
	/** Straight-line metres to the nearest entry, or null when the category has none. */
	metres: number | null;
	beyond: boolean;
	/** Its deprivation decile, or null without one. */
	decile: number | null;
}

/** The mapped category's small areas, farthest first (the table beside the map). */
export function areaDistances(
	report: GapReport,
	areas: readonly GapSmallArea[],
	categoryId: string,
	mostDeprivedOnly = false
): AreaDistanceView[] {
	const distances = report.distances.find((d) => d.categoryId === categoryId);
	if (!distances) return [];
	const threshold = report.method.thresholdMetres;
	return areas
		.flatMap((area, i) => (!mostDeprivedOnly || isMostDeprived(area) ? [{ area, i }] : []))
		.map(({ area, i }) => {
			const metres = Number.isFinite(distances.metres[i]) ? Math.round(distances.metres[i]) : null;
			return {
				code: area.code,
				population: area.population,
				metres,
				beyond: metres === null || distances.metres[i] > threshold,
				decile: area.decile ?? null
			};
		})
		.sort(
			(a, b) => (b.metres ?? Infinity) - (a.metres ?? Infinity) || a.code.localeCompare(b.code)
		);
}

export interface PatchBeyondView {
	patchId: number;
	patchName: string;
	people: number;
	beyond: number;
	/** Whole per cent, or null when the patch has nobody counted. */
	percent: number | null;
}

const share = (part: number, whole: number) =>
	whole > 0 ? Math.round((part / whole) * 100) : null;

/** People beyond the threshold for one category, patch by patch, most first. */
export function patchBeyond(
	report: GapReport,
	categoryId: string,
	mostDeprivedOnly = false
): PatchBeyondView[] {
	const c = report.categories.findIndex((category) => category.id === categoryId);
	if (c < 0) return [];
	return report.beyond
		.map((row) =>
			mostDeprivedOnly
				? {
						patchId: row.patchId,
						patchName: row.patchName,
						people: Math.round(row.deprivedPeople ?? 0),
						beyond: Math.round(row.cells[c].deprivedPeople ?? 0),
						percent: share(row.cells[c].deprivedPeople ?? 0, row.deprivedPeople ?? 0)
					}
				: {
						patchId: row.patchId,
						patchName: row.patchName,
						people: Math.round(row.people),
						beyond: Math.round(row.cells[c].people),
						percent: row.cells[c].share === null ? null : Math.round(row.cells[c].share! * 100)
					}
		)
		.sort((a, b) => b.beyond - a.beyond || a.patchName.localeCompare(b.patchName));
}
