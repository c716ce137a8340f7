/**
 * The patch-sizing table in three forms from one set of rows: formatted strings for a page, aligned
 * plain text for the command line, and CSV for a spreadsheet. All three say which population set and
 * method the figures come from, because an estimate means nothing without them.
 */
import { BAND_LABELS, type Band } from './bands';
import { formatDate, formatNumber } from './format';
import { SIZING_METHOD_LABELS, type PatchEstimate, type ProgrammeCheck } from './sizing/types';

/** One patch's row, every figure formatted as people read it (12,345; area to 2 decimal places). */
export interface SizingReportRow {
	id: number | string;
	name: string;
	areal: string;
	centroid: string;
	/** Rounded areal minus rounded centroid, signed: '+120', '-45' or '0'. */
	difference: string;
	areaKm2: string;
	/** People per km², by the check's method. */
	density: string;
	band: string;
	bandKey: Band;
	/** People this patch shares with other patches. */
	overlap: string;
	/** e.g. 'Sale Moor (120), Brooklands (35)', or '' when none. */
	overlapsWith: string;
	guidance: string;
	/** Boundary problems in words, '' when none. */
	problems: string;
}

/** Which figures the table comes from; a sizing context (see server/sizing.ts) fits. */
export interface SizingReportMeta {
	programme?: { name: string };
	populationSet: { name: string; referenceDate: string };
	smallAreaCount?: number;
	/** Which representative points the centroid method used. */
	points?: { label: string };
}

const whole = (n: number) => (Number.isFinite(n) ? Math.round(n) + 0 : NaN);
const people = (n: number) => (Number.isFinite(n) ? formatNumber(whole(n)) : '–');
const km2 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function signed(n: number): string {
	if (!Number.isFinite(n)) return '–';
	if (n === 0) return '0';
	return `${n > 0 ? '+' : '-'}${formatNumber(Math.abs(n))}`;
}

/** The difference a reader can check from the two figures shown: rounded minus rounded. */
function roundedDifference(patch: PatchEstimate): number {
	return whole(patch.areal) - whole(patch.centroid);
}

/**
 * The table's rows, in the check's order.
 * @example sizingReportRows(check)[0].areal // '10,936'
 */
export function sizingReportRows(check: ProgrammeCheck): SizingReportRow[] {
	return check.patches.map((patch) => ({
		id: patch.id,
		name: patch.name,
		areal: people(patch.areal),
		centroid: people(patch.centroid),
		difference: signed(roundedDifference(patch)),
		areaKm2: Number.isFinite(patch.areaKm2) ? km2.format(patch.areaKm2) : '–',
		density: people(patch.densityPerKm2),
		band: BAND_LABELS[patch.band],
		bandKey: patch.band,
		overlap: people(patch.overlapPeople),
		overlapsWith: patch.overlapsWith
			.map((other) => `${other.name} (${people(other.people)})`)
			.join(', '),
		guidance: patch.guidance.message,
		problems: patch.problems.map((problem) => problem.message).join('; ')
	}));
}

/** Lines saying where the figures come from, shared by the text and CSV forms. */
function provenance(check: ProgrammeCheck, meta: SizingReportMeta): [string, string][] {
	const set = `${meta.populationSet.name} (${formatDate(meta.populationSet.referenceDate)})`;
	const areas =
		meta.smallAreaCount === undefined ? '' : `, ${formatNumber(meta.smallAreaCount)} small areas`;
	return [
		...(meta.programme ? [['Programme', meta.programme.name] as [string, string]] : []),
		['Population set', set + areas],
		['Method', `${SIZING_METHOD_LABELS[check.method]} (bands and guidance use this method)`],
		...(meta.points ? [['Centroid points', meta.points.label] as [string, string]] : [])
	];
}

function totals(check: ProgrammeCheck): [string, number][] {
	return [
		['People in the small areas', check.totals.population],
		['Covered by a patch', check.totals.covered],
		['In no patch', check.totals.uncovered],
		['Counted in more than one patch', check.totals.doubleCounted]
	];
}

const COLUMNS: { title: string; key: keyof SizingReportRow; numeric: boolean }[] = [
	{ title: 'Patch', key: 'name', numeric: false },
	{ title: 'Areal', key: 'areal', numeric: true },
	{ title: 'Centroid', key: 'centroid', numeric: true },
	{ title: 'Difference', key: 'difference', numeric: true },
	{ title: 'Area km²', key: 'areaKm2', numeric: true },
	{ title: 'Density /km²', key: 'density', numeric: true },
	{ title: 'Band', key: 'band', numeric: false },
	{ title: 'Overlap', key: 'overlap', numeric: true },
	{ title: 'Guidance', key: 'guidance', numeric: false }
];

/**
 * The table as aligned plain text for a terminal: where the figures come from, a row per patch
 * (numbers right-aligned), then the programme's totals and any boundary problems.
 */
export function sizingReportText(check: ProgrammeCheck, meta: SizingReportMeta): string {
	const rows = sizingReportRows(check);
	const cells = [
		COLUMNS.map((column) => column.title),
		...rows.map((row) => COLUMNS.map((column) => String(row[column.key])))
	];
	const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
	const table = cells.map((line) =>
		line
			.map((cell, i) => (COLUMNS[i].numeric ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
			.join('  ')
			.trimEnd()
	);
	const labelWidth = Math.max(...totals(check).map(([label]) => label.length)) + 1;
	const out = [
		...provenance(check, meta).map(([label, value]) => `${label}: ${value}`),
		'',
		...(rows.length ? table : ['The programme has no patches yet.']),
		'',
		...totals(check).map(
			([label, value]) => `${`${label}:`.padEnd(labelWidth)} ${people(value).padStart(9)}`
		)
	];
	const problems = rows.filter((row) => row.problems);
	if (problems.length) {
		out.push('', 'Boundary problems:', ...problems.map((row) => `  ${row.name}: ${row.problems}`));
	}
	return out.join('\n') + '\n';
}

/** Cells a spreadsheet would run as a formula start with one of these (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; text that a spreadsheet would run
 * as a formula gets a leading apostrophe. Plain numbers (such as -45) are left alone so they stay
 * numbers.
 */
export function csvCell(value: string | number): string {
	let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
	if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) {
		text = `'${text}`;
	}
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV for a spreadsheet (UTF-8 with a byte order mark, so Excel reads "km²" right; CRLF
 * line ends): where the figures come from, a header, a row per patch with unformatted numbers, then
 * the totals. Safe against formula injection (see csvCell).
 */
export function sizingReportCsv(check: ProgrammeCheck, meta: SizingReportMeta): string {
	const line = (cells: (string | number)[]) => cells.map(csvCell).join(',');
	const header = [
		'Patch',
		'Areal weighting (people)',
		'Centroid (people)',
		'Difference (people)',
		'Area (km²)',
		'Density (people per km²)',
		'Band',
		'Guidance',
		'Overlap (people)',
		'Overlaps with',
		'Boundary problems'
	];
	const rows = sizingReportRows(check);
	const body = check.patches.map((patch, i) => [
		patch.name,
		whole(patch.areal),
		whole(patch.centroid),
		roundedDifference(patch),
		Number.isFinite(patch.areaKm2) ? patch.areaKm2.toFixed(2) : '',
		whole(patch.densityPerKm2),
		rows[i].band,
		rows[i].guidance,
		whole(patch.overlapPeople),
		rows[i].overlapsWith,
		rows[i].problems
	]);
	const lines = [
		...provenance(check, meta).map(([label, value]) => line([label, value])),
		'',
		line(header),
		...body.map(line),
		'',
		...totals(check).map(([label, value]) => line([label, whole(value)]))
	];
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}
