/**
 * What an import did (or, on a dry run, would do), as the command line prints it and the council
 * import page shows it: a title, lines of facts, and warnings.
 */
import type { SmallAreaKind } from '../vocabulary';
import { formatDate, formatNumber } from '../format';
import { describeJoin, joinWarnings, type JoinReport } from './join';

export interface ImportSummary {
	title: string;
	lines: string[];
	warnings: string[];
}

export interface SmallAreaImportResult {
	dryRun: boolean;
	source: string;
	crsNote: string;
	codeNote: string;
	kindNote: string;
	kind: SmallAreaKind;
	total: number;
	created: number;
	updated: number;
	/** Small areas already stored that the file does not have (left as they were). */
	storedNotInFile: number;
	warnings: string[];
}

export interface PopulationImportResult {
	dryRun: boolean;
	source: string;
	shapeNote: string;
	programme: string;
	set: { id: number | null; name: string; referenceDate: string; source: string | null };
	nameNote: string | null;
	dateNote: string | null;
	/** True when a set of this name existed and its figures were replaced. */
	replaced: boolean;
	/** The replaced set's total before the import (null when nothing was replaced). */
	previousPeople?: number | null;
	/** Why the set is the programme's default after the import, or null when it is not. */
	defaultReason: 'asked' | 'first' | 'already' | null;
	join: JoinReport;
	warnings: string[];
}

export interface PatchImportResult {
	dryRun: boolean;
	source: string;
	programme: string;
	crsNote: string;
	nameNote: string;
	created: string[];
	updated: string[];
	/** Names of the programme's patches the file does not have (left as they were). */
	storedNotInFile: string[];
	warnings: string[];
}

const plural = (n: number, one: string, many: string) =>
	`${formatNumber(n)} ${n === 1 ? one : many}`;

/** "was", "were", "would be", agreeing with a count. */
const be = (dryRun: boolean, n: number) => (dryRun ? 'would be' : n === 1 ? 'was' : 'were');

function title(dryRun: boolean, source: string, what: string): string {
	return dryRun
		? `Checked ${source}: ${what} can be imported (nothing has been saved yet)`
		: `Imported ${what} from ${source}`;
}

/** The summary of a small-area boundary import. */
export function smallAreaSummary(result: SmallAreaImportResult): ImportSummary {
	const lines = [
		result.crsNote,
		result.codeNote,
		result.kindNote,
		`${plural(result.created, 'small area', 'small areas')} ${be(result.dryRun, result.created)} added and ${formatNumber(result.updated)} updated (matched by code).`
	];
	if (result.storedNotInFile > 0) {
		lines.push(
			`${plural(result.storedNotInFile, 'small area', 'small areas')} already stored ${result.storedNotInFile === 1 ? 'is' : 'are'} not in this file and ${be(result.dryRun, result.storedNotInFile)} left as ${result.storedNotInFile === 1 ? 'it was' : 'they were'}.`
		);
	}
	return {
		title: title(result.dryRun, result.source, plural(result.total, 'small area', 'small areas')),
		lines,
		warnings: result.warnings
	};
}

/** The summary of a population import, with its join report. */
export function populationSummary(result: PopulationImportResult): ImportSummary {
	const set = `"${result.set.name}" (${formatDate(result.set.referenceDate)})`;
	const lines = [result.shapeNote];
	if (result.nameNote) lines.push(result.nameNote);
	if (result.dateNote) lines.push(result.dateNote);
	lines.push(...describeJoin(result.join));
	lines.push(
		result.replaced
			? `The programme already has a population set called "${result.set.name}": its figures ${be(result.dryRun, 2)} replaced.`
			: `It ${result.dryRun ? 'would be' : 'is'} a new population set for ${result.programme}.`
	);
	if (result.replaced && result.previousPeople != null) {
		const before = formatNumber(result.previousPeople);
		const after = formatNumber(result.join.matchedPeople);
		lines.push(
			result.previousPeople === result.join.matchedPeople
				? `Its total stays ${after} people.`
				: `Its total ${result.dryRun ? 'would go' : 'went'} from ${before} to ${after} people.`
		);
	}
	const becomes = result.dryRun ? 'would become' : 'is now';
	if (result.defaultReason === 'asked') {
		lines.push(`It ${becomes} the programme's default population set, as asked.`);
	} else if (result.defaultReason === 'first') {
		lines.push(`It ${becomes} the programme's default population set, as it has no other.`);
	} else if (result.defaultReason === 'already') {
		lines.push(`It is the programme's default population set.`);
	} else {
		lines.push(
			`It ${result.dryRun ? 'would not become' : 'is not'} the programme's default population set (choose "make default" to use it for patch sizing).`
		);
	}
	return {
		title: title(result.dryRun, result.source, `population set ${set}`),
		lines,
		warnings: [...joinWarnings(result.join), ...result.warnings]
	};
}

/** The summary of a patch boundary import. */
export function patchSummary(result: PatchImportResult): ImportSummary {
	const total = result.created.length + result.updated.length;
	const lines = [result.crsNote, result.nameNote];
	if (result.created.length) {
		lines.push(
			`${plural(result.created.length, 'new patch', 'new patches')} ${be(result.dryRun, result.created.length)} added: ${result.created.join(', ')}.`
		);
	}
	if (result.updated.length) {
		lines.push(
			`${plural(result.updated.length, 'patch', 'patches')} ${be(result.dryRun, result.updated.length)} updated (matched by name): ${result.updated.join(', ')}.`
		);
	}
	if (result.storedNotInFile.length) {
		lines.push(
			`${plural(result.storedNotInFile.length, 'patch', 'patches')} of ${result.programme} ${result.storedNotInFile.length === 1 ? 'is' : 'are'} not in this file and ${be(result.dryRun, result.storedNotInFile.length)} left as ${result.storedNotInFile.length === 1 ? 'it was' : 'they were'}: ${result.storedNotInFile.join(', ')}.`
		);
	}
	return {
		title: title(result.dryRun, result.source, plural(total, 'patch', 'patches')),
		lines,
		warnings: result.warnings
	};
}
