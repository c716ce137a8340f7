/**
 * The options a person gives an import (on the command line or the council import page), parsed by
 * one zod schema per kind so both edges give the same messages.
 */
import { z } from 'zod';
import { SMALL_AREA_KINDS, type SmallAreaKind } from '../vocabulary';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as people type it, as an ISO date, or null when it is not a real date.
 * @example parseReferenceDate('30 6 2022') // '2022-06-30'
 * @example parseReferenceDate('30 June 2022') // '2022-06-30'
 * @example parseReferenceDate('2022-02-30') // null
 */
export function parseReferenceDate(text: string): string | null {
	const value = text.trim();
	let parts: [number, number, number] | null = null;
	const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
	if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
	const dmy = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(value);
	if (dmy) parts = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])];
	const named = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i.exec(value);
	if (named) {
		const month = MONTHS.indexOf(named[2].slice(0, 3).toLowerCase()) + 1;
		if (month > 0 && named[2].length >= 3) parts = [Number(named[3]), month, Number(named[1])];
	}
	if (!parts) return null;
	const [year, month, day] = parts;
	if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
	if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Blank text is "not given": the importer then decides (and says what it decided). */
const optionalText = (max: number, label: string) =>
	z
		.string()
		.trim()
		.max(max, `${label} must be ${max} characters or fewer`)
		.optional()
		.transform((value) => (value ? value : undefined));

export const smallAreaImportOptionsSchema = z.object({
	codeProperty: optionalText(100, 'The code property'),
	kind: z.preprocess(
		(value) => (typeof value === 'string' ? value.trim().toUpperCase() || undefined : value),
		z.enum(SMALL_AREA_KINDS, { error: 'Choose Output Areas (OA) or LSOAs (LSOA)' }).optional()
	),
	/** A property of each feature holding its population, stored as a population set too. */
	populationProperty: optionalText(100, 'The population property')
});

export const populationImportOptionsSchema = z.object({
	name: optionalText(100, 'The population set name'),
	referenceDate: z
		.string()
		.trim()
		.optional()
		.transform((value, ctx) => {
			if (!value) return undefined;
			const iso = parseReferenceDate(value);
			if (!iso) {
				ctx.addIssue({
					code: 'custom',
					message: 'Enter the reference date as a real date, like 30 6 2022 or 2022-06-30'
				});
				return z.NEVER;
			}
			return iso;
		}),
	source: optionalText(300, 'The source'),
	makeDefault: z.boolean().default(false),
	codeColumn: optionalText(100, 'The code column'),
	valueColumn: optionalText(100, 'The population column'),
	/** Refuse the file, rather than warn, when stored small areas have no figure in it. */
	strict: z.boolean().default(false)
});

export const patchImportOptionsSchema = z.object({
	nameProperty: optionalText(100, 'The name property')
});

/** Options for small-area boundaries; each the schema's output, all optional for callers in code. */
export interface SmallAreaImportOptions {
	codeProperty?: string;
	kind?: SmallAreaKind;
	populationProperty?: string;
	/** The population set's options when populationProperty is given. */
	population?: PopulationImportOptions;
}

export interface PopulationImportOptions {
	name?: string;
	referenceDate?: string;
	source?: string;
	makeDefault?: boolean;
	codeColumn?: string;
	valueColumn?: string;
	strict?: boolean;
}

export interface PatchImportOptions {
	nameProperty?: string;
}

/** What to import and how: the kind of file and its options. */
export type ImportRequest =
	| { kind: 'small-areas'; options: SmallAreaImportOptions }
	| { kind: 'population'; options: PopulationImportOptions }
	| { kind: 'patches'; options: PatchImportOptions };
