/**
 * The audit page's filters, read from its address: who, what, from and to (London dates), page.
 * Pure: the page and the CSV download read them the same way.
 */
import { z } from 'zod';
import { AUDIT_ENTITIES, type AuditEntity } from './audit';
import { addDays } from './whats-on';
import { isIsoDate, londonDate } from './sessions';

export interface AuditQuery {
	userId: number | null;
	entity: AuditEntity | null;
	from: string | null;
	to: string | null;
	page: number;
}

const optionalDate = (what: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((value) => value || null)
		.refine(
			(value) => value === null || isIsoDate(value),
			`Enter a real ${what} date, like 2026-11-25`
		);

const querySchema = z
	.object({
		who: z
			.string()
			.optional()
			.transform((value) => (value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null)),
		what: z
			.string()
			.optional()
			.transform((value) =>
				value && Object.hasOwn(AUDIT_ENTITIES, value) ? (value as AuditEntity) : null
			),
		from: optionalDate('"from"'),
		to: optionalDate('"to"'),
		page: z
			.string()
			.optional()
			.transform((value) => Math.min(Math.max(Number.parseInt(value ?? '1', 10) || 1, 1), 100_000))
	})
	.superRefine((query, ctx) => {
		if (query.from && query.to && query.from > query.to) {
			ctx.addIssue({
				code: 'custom',
				path: ['to'],
				message: 'The "to" date must be the same as or after the "from" date'
			});
		}
	});

/**
 * The filters in an address; unknown people or kinds are ignored, bad dates give messages by field.
 * @example parseAuditQuery(new URLSearchParams('what=user&from=2026-11-01')).query
 * // { userId: null, entity: 'user', from: '2026-11-01', to: null, page: 1 }
 */
export function parseAuditQuery(params: URLSearchParams): {
	query: AuditQuery;
	errors: Partial<Record<'from' | 'to', string>>;
	values: Record<'who' | 'what' | 'from' | 'to', string>;
} {
	const raw = Object.fromEntries(
		['who', 'what', 'from', 'to', 'page'].map((key) => [key, params.get(key) ?? undefined])
	);
	const values = {
		who: raw.who ?? '',
		what: raw.what ?? '',
		from: raw.from ?? '',
		to: raw.to ?? ''
	};
	const result = querySchema.safeParse(raw);
	if (result.success) {
		const { who, what, from, to, page } = result.data;
		return { query: { userId: who, entity: what, from, to, page }, errors: {}, values };
	}
	const fieldErrors = z.flattenError(result.error).fieldErrors as Record<string, string[]>;
	const errors: Partial<Record<'from' | 'to', string>> = {};
	if (fieldErrors.from) errors.from = fieldErrors.from[0];
	if (fieldErrors.to) errors.to = fieldErrors.to[0];
	// With a bad date, show everything else the filters say, without the dates.
	const fallback = querySchema.safeParse({ ...raw, from: undefined, to: undefined });
	const base = fallback.success ? fallback.data : { who: null, what: null, page: 1 };
	return {
		query: { userId: base.who, entity: base.what, from: null, to: null, page: base.page },
		errors,
		values
	};
}

/**
 * The instant a London calendar day starts, as an ISO timestamp (what audit_log.at holds).
 * @example londonDayStart('2026-07-01') // '2026-06-30T23:00:00.000Z' (BST)
 * @example londonDayStart('2026-12-01') // '2026-12-01T00:00:00.000Z'
 */
export function londonDayStart(iso: string): string {
	const midnightUtc = Date.parse(`${iso}T00:00:00Z`);
	if (Number.isNaN(midnightUtc)) throw new RangeError(`Not a date like 2026-11-25: ${iso}`);
	// London is UTC or one hour ahead: the day starts at 23:00 the day before, or at midnight.
	for (const offsetHours of [1, 0]) {
		const candidate = new Date(midnightUtc - offsetHours * 3_600_000);
		if (londonDate(candidate) === iso && londonDate(new Date(candidate.getTime() - 1)) !== iso) {
			return candidate.toISOString();
		}
	}
	return new Date(midnightUtc).toISOString();
}

/** The range of `at` values a from/to filter keeps: from the start of `from` to before the day after `to`. */
export function atRange(query: Pick<AuditQuery, 'from' | 'to'>): {
	since: string | null;
	before: string | null;
} {
	return {
		since: query.from ? londonDayStart(query.from) : null,
		before: query.to ? londonDayStart(addDays(query.to, 1)) : null
	};
}
