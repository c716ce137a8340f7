/**
 * The Open Referral API's query parameters, checked with zod. A bad value is a 400 naming the
 * parameter; parameters the API does not know (minimal, full, format …) are ignored. `text` (the v1
 * name clients still send) means `search`; a `per_page` over 100 is served as 100, as the profile's
 * examples do, and the page's `size` then says how many came.
 */
import { z } from 'zod';
import { normalisePostcode } from '../../postcode';
import { weekdayOfCode } from './schedule';
import { isUuid } from './uuid';

/** Largest page a client may ask for. */
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 50;
/** Largest proximity, in metres (50 km: beyond any one borough). */
export const MAX_PROXIMITY_METRES = 50_000;

const blank = (value: unknown) =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;

const wholeNumber = (min: number, max: number, what: string) =>
	z.preprocess(
		blank,
		z.coerce
			.number({ error: `must be ${what}` })
			.int(`must be ${what}`)
			.min(min, `must be ${what}`)
			.max(max, `must be ${what}`)
			.optional()
	);

const age = z.preprocess(
	blank,
	z.coerce
		.number({ error: 'must be an age in years, like 18' })
		.min(0, 'must be an age from 0 to 130')
		.max(130, 'must be an age from 0 to 130')
		.optional()
);

const time = z.preprocess(
	blank,
	z
		.string()
		.regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a time like 09:30 or 09:30:00')
		.transform((value) => value.slice(0, 5))
		.optional()
);

const uuid = z.preprocess(
	blank,
	z
		.string()
		.refine(isUuid, 'must be a UUID like 3f0e6a52-9c1d-4b7e-a8f4-5d2c61b0e9a7')
		.transform((value) => value.toLowerCase())
		.optional()
);

const paging = {
	page: wholeNumber(1, 100_000, 'a whole number from 1').default(1),
	per_page: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'a whole number from 1')
		.default(DEFAULT_PER_PAGE)
		.transform((value) => Math.min(value, MAX_PER_PAGE))
};

const searchText = z.preprocess(
	blank,
	z.string().max(200, 'must be at most 200 characters').trim().optional()
);

const serviceFilters = {
	...paging,
	search: searchText,
	/** HSDS-UK 1.0's name for `search`: read as `search` when `search` is not given. */
	text: searchText,
	taxonomy_term_id: uuid,
	taxonomy_id: uuid,
	minimum_age: age,
	maximum_age: age,
	/** One or more day codes, e.g. "TU" or "SA,SU": services meeting on any of them. */
	day: z.preprocess(
		blank,
		z
			.string()
			.transform((value, ctx) => {
				const days = value.split(',').map((part) => weekdayOfCode(part.trim()));
				if (days.some((day) => day === null)) {
					ctx.addIssue({
						code: 'custom',
						message: 'must be day codes MO, TU, WE, TH, FR, SA or SU, like TU or SA,SU'
					});
					return z.NEVER;
				}
				return [...new Set(days as number[])];
			})
			.optional()
	),
	start_time: time,
	end_time: time,
	modified_after: z.preprocess(
		blank,
		z
			.string()
			.regex(
				/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/,
				'must be a date or date-time like 2026-11-25 or 2026-11-25T09:30:00Z'
			)
			.transform((value, ctx) => {
				// A date alone is midnight UTC; a date-time without an offset is read as UTC too.
				const withZone =
					value.length === 10
						? `${value}T00:00:00Z`
						: /Z|[+-]\d{2}:\d{2}$/.test(value)
							? value
							: `${value}Z`;
				const instant = new Date(withZone);
				if (Number.isNaN(instant.getTime())) {
					ctx.addIssue({ code: 'custom', message: 'must be a real date' });
					return z.NEVER;
				}
				return instant.toISOString();
			})
			.optional()
	)
};

export const pagingSchema = z.object(paging);

/** Folds `text` into `search`, so the rest of the API knows one name. */
function textAsSearch<T extends { search?: string; text?: string }>({ text, ...query }: T) {
	return { ...query, search: query.search ?? text };
}

export const servicesQuerySchema = z.object(serviceFilters).transform(textAsSearch);

export const serviceAtLocationsQuerySchema = z
	.object({
		...serviceFilters,
		postcode: z.preprocess(
			blank,
			z
				.string()
				.transform((value, ctx) => {
					const postcode = normalisePostcode(value);
					if (!postcode) {
						ctx.addIssue({ code: 'custom', message: 'must be a UK postcode like FV1 2AB' });
						return z.NEVER;
					}
					return postcode;
				})
				.optional()
		),
		proximity: z.preprocess(
			blank,
			z.coerce
				.number({ error: 'must be a distance in metres, like 1500' })
				.positive('must be a distance in metres above 0')
				.max(MAX_PROXIMITY_METRES, `must be at most ${MAX_PROXIMITY_METRES} metres`)
				.optional()
		)
	})
	.refine((query) => query.proximity === undefined || query.postcode !== undefined, {
		path: ['proximity'],
		message: 'needs a postcode to measure from'
	})
	.transform(textAsSearch);

export type PagingQuery = z.output<typeof pagingSchema>;
export type ServicesQuery = z.output<typeof servicesQuerySchema>;
export type ServiceAtLocationsQuery = z.output<typeof serviceAtLocationsQuerySchema>;

export interface ParameterError {
	parameter: string;
	message: string;
}

/**
 * Reads query parameters with a schema: the first value of each known parameter.
 * @returns the values, or one error per bad parameter ("per_page must be a whole number from 1 to 100")
 */
export function readQuery<T extends z.ZodType>(
	schema: T,
	params: URLSearchParams
): { ok: true; value: z.output<T> } | { ok: false; errors: ParameterError[] } {
	// No prototype: "toString" or "__proto__" in a URL is a name like any other (issue 14, finding 5).
	const raw: Record<string, string> = Object.create(null);
	for (const [key, value] of params) if (!(key in raw)) raw[key] = value;
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, value: result.data };
	return {
		ok: false,
		errors: result.error.issues.map((issue) => {
			const parameter = String(issue.path[0] ?? 'query');
			return { parameter, message: `${parameter} ${issue.message}` };
		})
	};
}
