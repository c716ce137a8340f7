/** The gap report as plain text for the command line: one table per category, then the weekly gaps. */
import { SIZING_METHOD_LABELS } from '../sizing/types';
import { weekdayName, timeOfDayLabel } from '../sessions';
import { patchCategoryRows } from './report-output';
import type { GapReport } from './report';
import { isEmptySlot } from './time-of-week';

const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const rate = (value: number | null) => (value === null ? 'no estimate' : value.toFixed(2));
const FLAGS = { none: 'NONE', low: 'LOW (under a quarter of the median)' } as const;

/**
 * The report as text.
 * @example gapReportText(report) // 'Gap analysis\nPopulation: Areal weighting, Mid-2022 …'
 */
export function gapReportText(report: GapReport): string {
	const { method } = report;
	const out = [
		'Gap analysis',
		`Population: ${SIZING_METHOD_LABELS[method.sizing]}, ${method.populationSet ?? 'no population set'}`,
		`Distances: straight line from each small area's representative point; threshold ${n(method.thresholdMetres)} m`,
		...report.notes
	];
	const rows = patchCategoryRows(report);
	report.matrix.categories.forEach((category, c) => {
		const placed = report.distances.find((d) => d.categoryId === category.id)?.assetCount ?? 0;
		out.push(
			'',
			`${category.name} (${category.id}): ${n(category.total)} ${category.total === 1 ? 'entry' : 'entries'}` +
				(category.total === 0 ? ': no entries in this category' : '') +
				`; median ${rate(category.medianPer1000)} per 1,000; ` +
				(category.total > 0 && placed === 0
					? 'no entry has a place, so no distance is measured'
					: `${n(report.programmeBeyond[c].people)} people beyond ${n(method.thresholdMetres)} m`)
		);
		out.push(
			`  ${'Patch'.padEnd(28)} ${'People'.padStart(8)} ${'Entries'.padStart(7)} ${'Per 1,000'.padStart(11)} ${'Beyond'.padStart(8)}  Flag`
		);
		for (const row of rows.filter((r) => r.categoryId === category.id)) {
			out.push(
				`  ${row.patch.slice(0, 28).padEnd(28)} ${(row.population === null ? '-' : n(row.population)).padStart(8)} ${String(row.entries).padStart(7)} ${rate(row.per1000).padStart(11)} ${n(row.peopleBeyond).padStart(8)}  ${row.flag ? FLAGS[row.flag] : ''}`
			);
		}
	});
	out.push('', 'Empty time-of-week slots (nothing meets at all, any week):');
	for (const grid of report.timeOfWeek) {
		const empty = grid.slots.filter(isEmptySlot);
		const some = grid.slots.filter((s) => s.everyWeek.length === 0 && s.someWeeks.length > 0);
		out.push(
			`  ${grid.patchName}: ${empty.length} of 21 empty` +
				(empty.length && empty.length < 21
					? ` (${empty.map((s) => `${weekdayName(s.weekday)} ${timeOfDayLabel(s.part).toLowerCase()}`).join(', ')})`
					: '') +
				(some.length ? `; ${some.length} only some weeks` : '')
		);
	}
	return out.join('\n') + '\n';
}
