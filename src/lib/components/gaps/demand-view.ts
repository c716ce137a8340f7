/**
 * Demand as the Gaps page shows it: "nothing suitable found" by month, patch and theme, and searches
 * that found nothing by month with what they asked for in words (category names, not ids).
 */
import type { DemandFigures } from '$lib/domain/gaps/demand';
import type { GapCategory } from '$lib/domain/gaps/types';
import { ASSET_KIND_LABELS_PLURAL } from '$lib/components/gaps/kind-words';

const WEEKDAY_NAMES = [
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday'
];

/**
 * 2026-11 → November 2026.
 * @example monthName('2026-11') // 'November 2026'
 */
export function monthName(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

export interface DemandView {
	recording: boolean;
	nothingSuitable: { month: string; patch: string; theme: string; count: number }[];
	/** Totals per month, oldest first, for the chart and its table. */
	byMonth: { month: string; nothingSuitable: number; emptySearches: number }[];
	emptySearches: { month: string; asked: string; count: number }[];
}

/** The figures in words. */
export function demandView(figures: DemandFigures, categories: readonly GapCategory[]): DemandView {
	const names = new Map(categories.map((c) => [c.id, c.name]));
	const months = new Map<string, { nothingSuitable: number; emptySearches: number }>();
	const at = (month: string) =>
		months.get(month) ?? months.set(month, { nothingSuitable: 0, emptySearches: 0 }).get(month)!;
	for (const row of figures.nothingSuitable) at(row.month).nothingSuitable += row.count;
	for (const row of figures.emptySearches) at(row.month).emptySearches += row.count;
	return {
		recording: figures.recording,
		nothingSuitable: figures.nothingSuitable.map((row) => ({
			...row,
			month: monthName(row.month)
		})),
		byMonth: [...months]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([month, counts]) => ({ month: monthName(month), ...counts })),
		emptySearches: figures.emptySearches.map((row) => {
			const asked = [
				row.text && `“${row.text}”`,
				row.category && (names.get(row.category) ?? row.category),
				row.kind &&
					row.kind
						.split(',')
						.map((kind) => ASSET_KIND_LABELS_PLURAL[kind] ?? kind)
						.join(' or '),
				row.day &&
					`on ${row.day
						.split(',')
						.map((d) => WEEKDAY_NAMES[Number(d) - 1] ?? d)
						.join(' or ')}`,
				row.patch && `in ${row.patch}`
			].filter(Boolean);
			return { month: monthName(row.month), asked: asked.join(', '), count: row.count };
		})
	};
}
