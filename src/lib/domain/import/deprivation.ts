/**
 * The English Indices of Deprivation by LSOA, in the layout MHCLG publishes (a CSV with a column
 * `LSOA code (2021)` and a column `Index of Multiple Deprivation (IMD) Decile …`), and an ONS
 * OA → LSOA lookup so Output Areas take their LSOA's decile. Every row is checked with zod; every bad
 * row is named by line and field, and a file with any problem is refused whole.
 */
import { z } from 'zod';
import { csvRecords } from '../csv';
import { fail, ProblemList } from './errors';
import { propertyKey } from './properties';

/** Decile 1 is the most deprived 10% of LSOAs in England; the gap analysis follows deciles 1-2. */
export const MOST_DEPRIVED_DECILES = 2;

export interface DeprivationFile {
	source: string;
	/** e.g. 'LSOA codes from "LSOA code (2021)", deciles from "Index of Multiple Deprivation (IMD) Decile".' */
	note: string;
	/** LSOA code → decile. */
	deciles: Map<string, number>;
}

/** The data set's name, as the gap page and report name it. */
export const deprivationNameSchema = z
	.string()
	.trim()
	.min(1, 'The name must not be empty')
	.max(120, 'The name must be at most 120 characters')
	.default('English Indices of Deprivation');

const rowSchema = z.object({
	code: z
		.string()
		.trim()
		.regex(/^E01\d{6}$/, 'is not an English LSOA code (E01 and six digits)'),
	decile: z.coerce
		.number({ message: 'is not a number' })
		.int('is not a whole number from 1 to 10')
		.min(1, 'is not a whole number from 1 to 10')
		.max(10, 'is not a whole number from 1 to 10')
});

function columnStarting(header: string[], prefix: string): number {
	const key = propertyKey(prefix);
	return header.findIndex((name) => propertyKey(name).startsWith(key));
}

function headerOf(text: string, source: string) {
	const records = csvRecords(text);
	const first = records.next();
	if (first.done) fail(`${source} is empty.`);
	return { records, header: first.value.fields.map((field) => field.trim()) };
}

/**
 * Reads an IMD file. Throws an ImportError naming each bad line, a code given twice, or the columns
 * it looked for; a Welsh (WIMD) file is refused with a sentence saying it is not supported yet.
 */
export function parseDeprivation(text: string, source: string): DeprivationFile {
	const { records, header } = headerOf(text, source);
	if (header.some((name) => /wimd|welsh index/i.test(name))) {
		fail(
			`${source} is a Welsh Index of Multiple Deprivation (WIMD) file. Patchwork reads only the English Indices of Deprivation for now: the deprivation figures are not available for Welsh programmes.`
		);
	}
	const code =
		columnStarting(header, 'LSOA code (2021)') >= 0
			? columnStarting(header, 'LSOA code (2021)')
			: columnStarting(header, 'LSOA code');
	const decile = columnStarting(header, 'Index of Multiple Deprivation (IMD) Decile');
	if (code < 0 || decile < 0) {
		fail(
			`${source} is not in the MHCLG layout: it needs the columns "LSOA code (2021)" and "Index of Multiple Deprivation (IMD) Decile". Its columns are ${header.join(', ')}.`
		);
	}
	const problems = new ProblemList();
	const deciles = new Map<string, number>();
	for (const { line, fields } of records) {
		const parsed = rowSchema.safeParse({ code: fields[code] ?? '', decile: fields[decile] ?? '' });
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const column = header[issue.path[0] === 'code' ? code : decile];
				const value = issue.path[0] === 'code' ? fields[code] : fields[decile];
				problems.add(`${source}: line ${line}, "${column}": "${value ?? ''}" ${issue.message}.`);
			}
			continue;
		}
		if (deciles.has(parsed.data.code)) {
			problems.add(`${source}: line ${line}: ${parsed.data.code} is given twice.`);
			continue;
		}
		deciles.set(parsed.data.code, parsed.data.decile);
	}
	problems.throwIfAny();
	if (deciles.size === 0) fail(`${source} has a header but no rows.`);
	return {
		source,
		note: `LSOA codes from "${header[code]}", deciles from "${header[decile]}".`,
		deciles
	};
}

const lookupRowSchema = z.object({
	oa: z
		.string()
		.trim()
		.regex(/^[EW]00\d{6}$/, 'is not an Output Area code'),
	lsoa: z
		.string()
		.trim()
		.regex(/^[EW]01\d{6}$/, 'is not an LSOA code')
});

/** Reads an ONS OA → LSOA lookup (columns OA21CD and LSOA21CD, any case). Output Area → LSOA. */
export function parseOaLookup(text: string, source: string): Map<string, string> {
	const { records, header } = headerOf(text, source);
	const oa = header.findIndex((name) => /^oa\d{2}cd$/i.test(name));
	const lsoa = header.findIndex((name) => /^lsoa\d{2}cd$/i.test(name));
	if (oa < 0 || lsoa < 0) {
		fail(
			`${source} is not an OA → LSOA lookup: it needs the columns OA21CD and LSOA21CD. Its columns are ${header.join(', ')}.`
		);
	}
	const problems = new ProblemList();
	const lookup = new Map<string, string>();
	for (const { line, fields } of records) {
		const parsed = lookupRowSchema.safeParse({ oa: fields[oa] ?? '', lsoa: fields[lsoa] ?? '' });
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const column = issue.path[0] === 'oa' ? oa : lsoa;
				problems.add(
					`${source}: line ${line}, "${header[column]}": "${fields[column] ?? ''}" ${issue.message}.`
				);
			}
			continue;
		}
		lookup.set(parsed.data.oa, parsed.data.lsoa);
	}
	problems.throwIfAny();
	return lookup;
}

export interface AreaDecile {
	code: string;
	lsoaCode: string;
	decile: number;
}

/**
 * Each small area's decile: an LSOA its own, an Output Area its LSOA's through the lookup.
 * @returns the areas given a decile, and the codes left without one (with the reason)
 */
export function resolveDeciles(
	areas: readonly { code: string }[],
	deciles: ReadonlyMap<string, number>,
	lookup: ReadonlyMap<string, string> | null
): { assigned: AreaDecile[]; notInFile: string[]; notInLookup: string[] } {
	const assigned: AreaDecile[] = [];
	const notInFile: string[] = [];
	const notInLookup: string[] = [];
	for (const { code } of areas) {
		const lsoaCode = deciles.has(code) ? code : (lookup?.get(code) ?? null);
		if (lsoaCode === null) {
			notInLookup.push(code);
			continue;
		}
		const decile = deciles.get(lsoaCode);
		if (decile === undefined) notInFile.push(code);
		else assigned.push({ code, lsoaCode, decile });
	}
	return { assigned, notInFile, notInLookup };
}
