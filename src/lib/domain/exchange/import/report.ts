/**
 * What an asset import did (or, on a dry run, would do): counts of created, updated, unchanged and
 * rejected records that add up to the file's total, every rejection with its reasons, possible
 * duplicates, warnings grouped by kind, and where the assets fall. The command line prints it as
 * text; the council page shows the same object as tables.
 */
import type { AssetStatus } from '../../vocabulary';
import { formatNumber } from '../../format';
import type { NewCategory } from './categories';
import type { AssetImportFormat } from './kinds';
import { MAX_REPORT_ITEMS } from './limits';
import type { ReadyDraft, Rejection } from './records';

export interface WarningGroup {
	/** The first warning of its kind, with the record it was about. */
	example: string;
	count: number;
}

export interface DuplicateNote {
	/** The record in this file. */
	ref: string;
	/** The other: another record in the file, or an asset already stored. */
	other: string;
	reason: string;
}

export interface AssetImportReport {
	dryRun: boolean;
	file: string;
	format: AssetImportFormat;
	source: string;
	newStatus: AssetStatus;
	encodingNote: string;
	notes: string[];
	total: number;
	created: number;
	updated: number;
	unchanged: number;
	rejectedCount: number;
	/** The first MAX_REPORT_ITEMS rejections. */
	rejected: Rejection[];
	duplicateCount: number;
	duplicates: DuplicateNote[];
	warningCount: number;
	warningGroups: WarningGroup[];
	newCategories: NewCategory[];
	unmatchedTerms: [string, number][];
	/** Assets with a point in no patch of the programme. */
	outsidePatches: number;
	/** Assets with no point (online or no fixed place). */
	withoutPoint: number;
	patchCount: number;
	/** Assets already stored under this source that the file does not have (left as they were). */
	notInFile: number;
	runId: number | null;
}

/** Warnings of the same kind (the same words once quoted values are set aside) counted together. */
export function groupWarnings(
	drafts: readonly ReadyDraft[],
	max = 30
): { count: number; groups: WarningGroup[] } {
	const groups = new Map<string, WarningGroup>();
	let count = 0;
	for (const { ref, warnings } of drafts) {
		for (const warning of warnings) {
			count++;
			const key = warning.replace(/"[^"]*"/g, '""').replace(/\d+/g, '0');
			const group = groups.get(key);
			if (group) group.count++;
			else groups.set(key, { example: `${ref}: ${warning}`, count: 1 });
		}
	}
	return { count, groups: [...groups.values()].sort((a, b) => b.count - a.count).slice(0, max) };
}

/** Keeps the first MAX_REPORT_ITEMS of a list (the report says how many there were in all). */
export function capList<T>(items: readonly T[]): T[] {
	return items.slice(0, MAX_REPORT_ITEMS);
}

const plural = (n: number, one: string, many: string) =>
	`${formatNumber(n)} ${n === 1 ? one : many}`;
/** "would be" on a dry run, else "was" or "were" as the number needs. */
const wasOrWould = (n: number, dryRun: boolean) => (dryRun ? 'would be' : n === 1 ? 'was' : 'were');

/** The report's headline, e.g. "Checked libraries.geojson: 13 records, nothing saved yet". */
export function reportTitle(report: AssetImportReport): string {
	const records = plural(report.total, 'record', 'records');
	return report.dryRun
		? `Checked ${report.file}: ${records} (nothing has been saved yet)`
		: `Imported ${report.file}: ${records}`;
}

/** The counts as sentences; created + updated + unchanged + rejected = total. */
export function reportCountLines(report: AssetImportReport): string[] {
	const would = (n: number) => wasOrWould(n, report.dryRun);
	return [
		`${plural(report.created, 'new asset', 'new assets')} ${would(report.created)} created (as ${report.newStatus === 'published' ? 'published' : report.newStatus === 'draft' ? 'drafts' : report.newStatus}).`,
		`${plural(report.updated, 'asset', 'assets')} already imported from "${report.source}" ${would(report.updated)} updated, and ${formatNumber(report.unchanged)} ${report.unchanged === 1 ? 'is' : 'are'} unchanged.`,
		`${plural(report.rejectedCount, 'record was', 'records were')} rejected.`,
		`${formatNumber(report.created + report.updated + report.unchanged)} + ${formatNumber(report.rejectedCount)} = ${formatNumber(report.total)}, every record in the file.`
	];
}

/** The whole report as lines of text, for the command line. */
export function reportText(report: AssetImportReport, maxListed = 50): string {
	const lines = [
		reportTitle(report),
		...[report.encodingNote, ...report.notes].map((n) => `  ${n}`)
	];
	lines.push(...reportCountLines(report).map((line) => `  ${line}`));
	if (report.notInFile > 0) {
		lines.push(
			`  ${plural(report.notInFile, 'asset', 'assets')} from "${report.source}" ${report.notInFile === 1 ? 'is' : 'are'} not in this file and ${wasOrWould(report.notInFile, report.dryRun)} left as ${report.notInFile === 1 ? 'it was' : 'they were'}.`
		);
	}
	if (report.patchCount > 0) {
		lines.push(
			`  ${plural(report.outsidePatches, 'asset is', 'assets are')} outside every patch${report.withoutPoint ? `, and ${plural(report.withoutPoint, 'has', 'have')} no fixed place` : ''}.`
		);
	} else if (report.withoutPoint) {
		lines.push(
			`  ${plural(report.withoutPoint, 'asset has', 'assets have')} no fixed place (no point on the map).`
		);
	}
	if (report.newCategories.length) {
		lines.push(
			`  ${plural(report.newCategories.length, 'category', 'categories')} ${wasOrWould(report.newCategories.length, report.dryRun)} created: ${report.newCategories.map((c) => `${c.name} (${c.id})`).join(', ')}.`
		);
	}
	if (report.rejectedCount) {
		lines.push('Rejected:');
		for (const { ref, reasons } of report.rejected.slice(0, maxListed))
			lines.push(`  ${ref}: ${reasons.join('; ')}`);
		if (report.rejectedCount > maxListed)
			lines.push(`  …and ${formatNumber(report.rejectedCount - maxListed)} more.`);
	}
	if (report.duplicateCount) {
		lines.push(
			`Possible duplicates (${report.dryRun ? 'would be ' : ''}flagged for review, not merged):`
		);
		for (const { ref, other, reason } of report.duplicates.slice(0, maxListed))
			lines.push(`  ${ref} and ${other}: ${reason}`);
		if (report.duplicateCount > maxListed)
			lines.push(`  …and ${formatNumber(report.duplicateCount - maxListed)} more.`);
	}
	if (report.unmatchedTerms.length) {
		const shown = report.unmatchedTerms
			.slice(0, 15)
			.map(([term, n]) => `${term} (${formatNumber(n)})`);
		lines.push(
			`Taxonomy terms with no category (give them one with "terms" in a mapping file): ${shown.join(', ')}${report.unmatchedTerms.length > 15 ? ', …' : ''}.`
		);
	}
	if (report.warningCount) {
		lines.push(`Warnings (${formatNumber(report.warningCount)}, grouped by kind):`);
		for (const { example, count } of report.warningGroups) {
			lines.push(
				`  ${example}${count > 1 ? ` (and ${formatNumber(count - 1)} more like it)` : ''}`
			);
		}
	}
	return lines.join('\n');
}
