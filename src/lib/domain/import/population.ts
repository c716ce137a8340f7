/**
 * Population by small area from the CSV files councils bring, told apart by their columns:
 * - ONS mid-year estimates (wide): a row per area and sex (`Persons`, `Females`, `Males`), the total
 *   in `all_ages` and a column per year of age. Patchwork takes each area's `Persons` row.
 * - Nomis census tables (long): a row per area and `indicator` (`All persons`, `Female`, `Male`), the
 *   count in `value`. Patchwork takes each area's `All persons` row.
 * - A plain table of code and population (e.g. ONS's "Total" column), one row per area.
 * Values must be whole numbers of people from 0 up; every bad value is named by line and column.
 */
import { formatNumber } from '../format';
import { csvRecords, CsvQuoteError } from '../csv';
import { fail, ProblemList } from './errors';
import { propertyKey } from './properties';

export type PopulationShape = 'mid-year' | 'nomis' | 'simple';

export interface PopulationRow {
	code: string;
	value: number;
	/** Line in the file, from 1 (the header is line 1). */
	line: number;
}

export interface PopulationFile {
	source: string;
	shape: PopulationShape;
	/** e.g. 'ONS mid-year estimates (one row per sex): the "Persons" row of each area, column all_ages.' */
	shapeNote: string;
	codeColumn: string;
	valueColumn: string;
	/** The rows taken, first of each code (duplicates are listed apart). */
	rows: PopulationRow[];
	duplicates: { code: string; lines: number[] }[];
	/** The date every row's `period` gives, e.g. 2022-06-30, or null. */
	period: string | null;
	/** A set name from the file, e.g. "Mid-2022" or "Census 2021", or null. */
	suggestedName: string | null;
	warnings: string[];
}

export interface PopulationOptions {
	source: string;
	/** The column holding the small-area code; by default the first of CODE_COLUMNS. */
	codeColumn?: string;
	/** The column holding the population; by default from the file's shape. */
	valueColumn?: string;
	onProgress?: (done: number, total: number) => void;
}

export const CODE_COLUMNS = [
	'area_code',
	'OA21CD',
	'LSOA21CD',
	'OA11CD',
	'LSOA11CD',
	'OA 2021 Code',
	'LSOA 2021 Code',
	'geography code',
	'code'
];
const SIMPLE_VALUE_COLUMNS = ['population', 'all_ages', 'total', 'persons', 'value', 'count'];
const PERSONS = new Set(['persons', 'allpersons', 'all', 'total', 'people']);
const ALL_PERSONS = new Set(['allpersons', 'total', 'allusualresidents', 'persons']);

/** A header's index for the first candidate present (compared without case or punctuation). */
function columnIndex(header: string[], candidates: readonly string[]): number {
	const keys = header.map(propertyKey);
	for (const candidate of candidates) {
		const i = keys.indexOf(propertyKey(candidate));
		if (i >= 0) return i;
	}
	return -1;
}

interface Shape {
	shape: PopulationShape;
	value: number;
	/** The column that picks the all-persons row, and the test its value must pass. */
	filter: { column: number; accepts: Set<string>; label: string } | null;
}

function detectShape(header: string[], options: PopulationOptions): Shape {
	const { source } = options;
	const indicator = columnIndex(header, ['indicator']);
	const value = columnIndex(header, ['value']);
	const allAges = columnIndex(header, ['all_ages', 'all ages']);
	const sex = columnIndex(header, ['sex']);
	const chosen = options.valueColumn ? columnIndex(header, [options.valueColumn]) : -1;
	if (options.valueColumn && chosen < 0) {
		fail(
			`${source} has no column called "${options.valueColumn}" (its columns are: ${header.join(', ')}).`
		);
	}
	if (indicator >= 0 && value >= 0) {
		return {
			shape: 'nomis',
			value: chosen >= 0 ? chosen : value,
			filter: { column: indicator, accepts: ALL_PERSONS, label: 'All persons' }
		};
	}
	if (allAges >= 0 || (sex >= 0 && columnIndex(header, ['total']) >= 0)) {
		return {
			shape: 'mid-year',
			value: chosen >= 0 ? chosen : allAges >= 0 ? allAges : columnIndex(header, ['total']),
			filter: sex >= 0 ? { column: sex, accepts: PERSONS, label: 'Persons' } : null
		};
	}
	const simple = chosen >= 0 ? chosen : columnIndex(header, SIMPLE_VALUE_COLUMNS);
	if (simple >= 0) return { shape: 'simple', value: simple, filter: null };
	fail(
		`${source}: cannot tell what kind of population file this is. Patchwork reads ONS mid-year ` +
			'files (columns area_code, sex, all_ages), Nomis census files (columns area_code, indicator, ' +
			`value) or a table of code and population. Its columns are: ${header.join(', ')}.`
	);
}

/**
 * Whole people from a cell: 1234 or "1,234" (a spreadsheet's thousands separator), or why not.
 * @example parsePeople('1,234') // 1234
 * @example parsePeople('-3') // { problem: '"-3" is negative: a population is 0 or more' }
 */
export function parsePeople(raw: string): number | { problem: string } {
	const text = raw.trim();
	if (text === '') return { problem: 'is empty' };
	const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
	if (/^-\s*\d/.test(plain) && Number.isFinite(Number(plain.replace(/\s/g, '')))) {
		return { problem: `"${text}" is negative: a population is 0 or more` };
	}
	if (/^\d+(\.0+)?$/.test(plain)) {
		const value = Number(plain);
		if (Number.isSafeInteger(value)) return value;
		return { problem: `"${text}" is too big to be a population` };
	}
	if (/^\d*\.\d+$/.test(plain)) return { problem: `"${text}" is not a whole number of people` };
	return { problem: `"${shorten(text)}" is not a number` };
}

function shorten(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function countLines(text: string): number {
	let lines = 1;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
	return lines;
}

/**
 * Reads a population CSV in any of the shapes above. Throws an ImportError naming each bad line and
 * field, or the file when its shape cannot be told. Duplicated codes are returned (not thrown) so the
 * join report can list them with the other code problems.
 */
export function parsePopulationCsv(text: string, options: PopulationOptions): PopulationFile {
	const { source, onProgress } = options;
	if (text.replace(/^\ufeff/, '').trim() === '') fail(`${source} is empty.`);
	const totalLines = countLines(text);
	const records = csvRecords(text);
	const problems = new ProblemList();
	try {
		const first = records.next();
		if (first.done) fail(`${source} is empty.`);
		const header = first.value.fields.map((name) => name.trim());
		const codeIndex = options.codeColumn
			? columnIndex(header, [options.codeColumn])
			: columnIndex(header, CODE_COLUMNS);
		if (codeIndex < 0) {
			fail(
				options.codeColumn
					? `${source} has no column called "${options.codeColumn}" (its columns are: ${header.join(', ')}).`
					: `${source} has no small-area code column (looked for ${CODE_COLUMNS.join(', ')}; its columns are: ${header.join(', ')}).`
			);
		}
		const shape = detectShape(header, options);
		const [codeColumn, valueColumn] = [header[codeIndex], header[shape.value]];
		const periodIndex = columnIndex(header, ['period', 'date']);
		const measureIndex = shape.shape === 'nomis' ? columnIndex(header, ['measure']) : -1;

		const rows: PopulationRow[] = [];
		const lines = new Map<string, number[]>();
		const periods = new Set<string>();
		const filterValues = new Set<string>();
		let dataRows = 0;
		for (const { line, fields } of records) {
			dataRows++;
			if (dataRows % 2000 === 0) onProgress?.(line, totalLines);
			if (shape.filter) {
				const value = (fields[shape.filter.column] ?? '').trim();
				if (filterValues.size < 30) filterValues.add(value);
				if (!shape.filter.accepts.has(propertyKey(value))) continue;
			}
			if (measureIndex >= 0 && !/^(count|value)$/i.test((fields[measureIndex] ?? '').trim())) {
				continue;
			}
			const code = (fields[codeIndex] ?? '').trim();
			const where = `${source}: line ${line}`;
			if (code === '') {
				problems.add(`${where}, field "${codeColumn}" is empty.`);
				continue;
			}
			const people = parsePeople(fields[shape.value] ?? '');
			if (typeof people !== 'number') {
				problems.add(`${where}, field "${valueColumn}": ${people.problem}.`);
				continue;
			}
			const seen = lines.get(code);
			if (seen) {
				seen.push(line);
				continue;
			}
			lines.set(code, [line]);
			rows.push({ code, value: people, line });
			if (periodIndex >= 0) periods.add((fields[periodIndex] ?? '').trim());
		}
		onProgress?.(totalLines, totalLines);
		if (dataRows === 0) fail(`${source} has a header row but no rows of figures.`);
		problems.throwIfAny();
		if (rows.length === 0 && shape.filter) {
			fail(
				`${source} has no "${shape.filter.label}" rows in its ${header[shape.filter.column]} column ` +
					`(it has: ${[...filterValues].slice(0, 8).join(', ')}). Is it a population by sex file?`
			);
		}
		const period = periods.size === 1 ? [...periods][0] : null;
		const isoPeriod = period && /^\d{4}-\d{2}-\d{2}$/.test(period) ? period : null;
		const warnings =
			periods.size > 1
				? [
						`The rows have ${formatNumber(periods.size)} different periods (${[...periods].slice(0, 3).join(', ')}…).`
					]
				: [];
		return {
			source,
			shape: shape.shape,
			shapeNote: shapeNote(shape, header),
			codeColumn,
			valueColumn,
			rows,
			duplicates: [...lines]
				.filter(([, at]) => at.length > 1)
				.map(([code, at]) => ({ code, lines: at })),
			period: isoPeriod,
			suggestedName: suggestName(shape.shape, isoPeriod),
			warnings
		};
	} catch (error) {
		if (error instanceof CsvQuoteError) fail(`${source}: ${error.message}.`);
		throw error;
	}
}

function shapeNote(shape: Shape, header: string[]): string {
	const value = header[shape.value];
	switch (shape.shape) {
		case 'nomis':
			return `A Nomis census table (one row per area and indicator): the "All persons" row of each area, column ${value}.`;
		case 'mid-year':
			return shape.filter
				? `ONS mid-year estimates (one row per area and sex): the "Persons" row of each area, column ${value}.`
				: `ONS mid-year estimates (one row per area): column ${value}.`;
		case 'simple':
			return `A table of code and population (one row per area): column ${value}.`;
	}
}

function suggestName(shape: PopulationShape, period: string | null): string | null {
	if (!period) return null;
	const year = period.slice(0, 4);
	if (shape === 'nomis') return `Census ${year}`;
	if (shape === 'mid-year') return `Mid-${year}`;
	return null;
}
