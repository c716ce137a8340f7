/**
 * The gap analysis's options from a query string or the command line, checked at the edge with zod:
 * a category id, a threshold in whole metres and a population method.
 */
import { z } from 'zod';
import { SIZING_METHODS } from '../sizing/types';
import { DEFAULT_THRESHOLD_METRES } from './types';

export const MIN_THRESHOLD_METRES = 100;
export const MAX_THRESHOLD_METRES = 20_000;

const blankToUndefined = (value: unknown) =>
	value === '' || value === null || value === undefined ? undefined : value;

export const gapOptionsSchema = z.object({
	category: z.preprocess(
		blankToUndefined,
		z
			.string()
			.trim()
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Category must be a category id, such as "food"')
			.max(80)
			.optional()
	),
	threshold: z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ message: 'Threshold must be a whole number of metres' })
			.int('Threshold must be a whole number of metres')
			.min(MIN_THRESHOLD_METRES, `Threshold must be at least ${MIN_THRESHOLD_METRES} m`)
			.max(
				MAX_THRESHOLD_METRES,
				`Threshold must be at most ${MAX_THRESHOLD_METRES.toLocaleString('en-GB')} m`
			)
			.default(DEFAULT_THRESHOLD_METRES)
	),
	method: z.preprocess(blankToUndefined, z.enum(SIZING_METHODS).default('areal')),
	/** 'most': show the figures for the people in the most deprived 20% only (deciles 1-2). */
	deprivation: z.preprocess(
		blankToUndefined,
		z.enum(['all', 'most'], { message: 'Deprivation must be "all" or "most"' }).default('all')
	)
});

export type GapQuery = z.output<typeof gapOptionsSchema>;

/**
 * Options from a query string; bad values fall back to the defaults, with a message for each.
 * @example parseGapQuery(new URLSearchParams('threshold=1200')) // { query: { threshold: 1200, method: 'areal' }, errors: [] }
 */
export function parseGapQuery(params: URLSearchParams): { query: GapQuery; errors: string[] } {
	const raw = {
		category: params.get('category') ?? undefined,
		threshold: params.get('threshold') ?? undefined,
		method: params.get('method') ?? undefined,
		deprivation: params.get('deprivation') ?? undefined
	};
	const parsed = gapOptionsSchema.safeParse(raw);
	if (parsed.success) return { query: parsed.data, errors: [] };
	const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
	const errors = parsed.error.issues.map((issue) => issue.message);
	const fallback = gapOptionsSchema.parse(
		Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)))
	);
	return { query: fallback, errors };
}
