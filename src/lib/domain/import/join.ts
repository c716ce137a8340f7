/**
 * The join report: how a population file's codes meet the small areas Patchwork holds. Rows for
 * unknown codes and codes given twice are errors (the import is refused, naming them); small areas
 * with no row are reported, because a population set may cover part of the country.
 */
import type { SmallAreaKind } from '../vocabulary';
import { formatNumber } from '../format';
import { ProblemList } from './errors';
import type { PopulationFile } from './population';

export interface JoinReport {
	/** Rows whose code is a stored small area. */
	matched: number;
	/** People in the matched rows. */
	matchedPeople: number;
	/** Stored small areas (of the kinds matched) with no row in the file. */
	boundaryOnly: string[];
	/** Rows whose code is not a stored small area. */
	populationOnly: { code: string; line: number }[];
	/** Codes on more than one row of the file. */
	duplicates: { code: string; lines: number[] }[];
	/** The kinds of small area the matched codes are. */
	kinds: SmallAreaKind[];
}

/**
 * Joins a population file to the stored small areas (code to kind).
 * @example joinPopulation(file, new Map([['E00000001', 'OA']])).matched // 1
 */
export function joinPopulation(
	file: PopulationFile,
	stored: Map<string, SmallAreaKind>
): JoinReport {
	let matched = 0;
	let matchedPeople = 0;
	const populationOnly: JoinReport['populationOnly'] = [];
	const kinds = new Set<SmallAreaKind>();
	const inFile = new Set<string>();
	for (const row of file.rows) {
		inFile.add(row.code);
		const kind = stored.get(row.code);
		if (kind === undefined) {
			populationOnly.push({ code: row.code, line: row.line });
			continue;
		}
		matched++;
		matchedPeople += row.value;
		kinds.add(kind);
	}
	const boundaryOnly: string[] = [];
	for (const [code, kind] of stored) {
		if (kinds.has(kind) && !inFile.has(code)) boundaryOnly.push(code);
	}
	boundaryOnly.sort();
	return {
		matched,
		matchedPeople,
		boundaryOnly,
		populationOnly,
		duplicates: file.duplicates,
		kinds: [...kinds].sort()
	};
}

const KIND_WORDS: Record<SmallAreaKind, string> = { OA: 'Output Areas', LSOA: 'LSOAs' };

/** A list of up to `max` items in words, then "and N more". */
function listSome(items: string[], max = 10): string {
	const shown = items.slice(0, max);
	const more = items.length - shown.length;
	if (more > 0) return `${shown.join(', ')} and ${formatNumber(more)} more`;
	if (shown.length <= 1) return shown.join('');
	return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * The join's errors as sentences naming the file and rows: codes given twice, codes Patchwork does
 * not hold, and a mix of Output Areas and LSOAs. Empty when the population can be imported.
 */
export function joinProblems(report: JoinReport, source: string, storedCount: number): string[] {
	const problems = new ProblemList();
	for (const { code, lines } of report.duplicates) {
		problems.add(
			`${source}: code ${code} appears more than once, on lines ${listSome(lines.map(String))}.`
		);
	}
	const unknown = report.populationOnly;
	if (unknown.length > 0 && report.matched === 0) {
		const held =
			storedCount === 0
				? 'Patchwork holds no small areas yet'
				: `none is among the ${formatNumber(storedCount)} small areas Patchwork holds`;
		problems.add(
			`${source}: ${held}, so none of its ${formatNumber(unknown.length)} codes (like ${unknown[0].code} on line ${unknown[0].line}) can be matched. Import the boundaries of these small areas first.`
		);
	} else if (unknown.length > 0) {
		const rows = unknown.map(({ code, line }) => `${code} (line ${line})`);
		problems.add(
			`${source}: ${formatNumber(unknown.length)} ${unknown.length === 1 ? 'row has a code that is' : 'rows have codes that are'} not small areas in Patchwork: ${listSome(rows)}. Import their boundaries first, or remove those rows.`
		);
	}
	if (report.kinds.length > 1) {
		problems.add(
			`${source} has figures for both Output Areas and LSOAs: import one kind per population set, or patches would count people twice.`
		);
	}
	return problems.problems;
}

/**
 * What in the join a person should look at before relying on the set: stored small areas with no
 * figure, which count as 0 people (so patch sizes and the programme's total drop without it showing).
 */
export function joinWarnings(report: JoinReport): string[] {
	const n = report.boundaryOnly.length;
	if (n === 0) return [];
	return [
		`${formatNumber(n)} stored ${n === 1 ? 'small area has' : 'small areas have'} no figure in this file, so ${n === 1 ? 'it counts' : 'they count'} as 0 people: ${listSome(report.boundaryOnly)}.`
	];
}

/** The join report in plain sentences, for the summary after a check or an import. */
export function describeJoin(report: JoinReport): string[] {
	const kind = report.kinds.length === 1 ? KIND_WORDS[report.kinds[0]] : 'small areas';
	const lines = [
		`${formatNumber(report.matched)} ${report.matched === 1 ? 'code matches a small area' : 'codes match small areas'} (${kind}), with ${formatNumber(report.matchedPeople)} people in all.`
	];
	if (report.boundaryOnly.length === 0) {
		lines.push(`Every stored small area of this kind has a figure.`);
	}
	if (report.populationOnly.length > 0) {
		lines.push(
			`${formatNumber(report.populationOnly.length)} ${report.populationOnly.length === 1 ? 'code is' : 'codes are'} not small areas in Patchwork: ${listSome(report.populationOnly.map((row) => row.code))}.`
		);
	}
	if (report.duplicates.length > 0) {
		lines.push(
			`${formatNumber(report.duplicates.length)} ${report.duplicates.length === 1 ? 'code appears' : 'codes appear'} more than once: ${listSome(report.duplicates.map((d) => d.code))}.`
		);
	}
	return lines;
}
