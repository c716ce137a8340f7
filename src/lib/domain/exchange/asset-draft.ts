/**
 * An asset draft: one new or updated asset as every importer produces it (Open Referral feeds,
 * GeoJSON layers, CSV, OpenStreetMap), before it is written. It carries everything the assets
 * table and its children need, by value: categories as category ids, contacts and sessions inline,
 * the venue as another draft's external id. Writing it (insert or update by source + external id)
 * is the server's job; this module only says what a valid draft is.
 */
import { z } from 'zod';
import { normalisePostcode } from '../postcode';
import { sessionRuleSchema } from '../session-rule-schema';
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KINDS,
	ASSET_STATUSES,
	CONTACT_KINDS,
	CONTACT_VISIBILITIES,
	COST_KINDS,
	LOCATION_KINDS,
	SERVICE_SECTORS,
	SESSION_FREQUENCIES
} from '../vocabulary';

/** Longest name kept; longer names are rejected, not cut, so nothing is silently lost. */
export const MAX_NAME_LENGTH = 200;
/** Longest description kept (characters, after HTML is reduced to text). */
export const MAX_DESCRIPTION_LENGTH = 20_000;

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? null : value),
		trimmed(max).nullable().default(null)
	);

/** A session as a draft carries it: a session rule (see domain/sessions.ts) and an optional note. */
export const draftSessionSchema = z
	.object({
		frequency: z.enum(SESSION_FREQUENCIES),
		weekday: z.number().int().min(1).max(7),
		weekOfMonth: z.union([z.literal([1, 2, 3, 4, -1]), z.null()]).default(null),
		anchorDate: z
			.string()
			.regex(ISO_DATE, 'must be a date like 2026-11-25')
			.nullable()
			.default(null),
		startTime: z.string().regex(CLOCK_TIME, 'must be a time like 09:30'),
		endTime: z.string().regex(CLOCK_TIME, 'must be a time like 11:00'),
		note: optionalText(500)
	})
	.superRefine((session, ctx) => {
		// The same rules a coordinator's form obeys: end after start, monthly has a week, fortnightly
		// has an anchor date on the right weekday.
		const result = sessionRuleSchema.safeParse(session);
		if (result.success) return;
		for (const issue of result.error.issues) {
			ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
		}
	});

export const draftContactSchema = z.object({
	kind: z.enum(CONTACT_KINDS),
	/** Who or what this is, e.g. "Bookings" or a person's first name. */
	label: optionalText(200),
	value: trimmed(500).min(1, 'must not be empty'),
	/** Imports default to public: a published feed's contacts are already public. */
	visibility: z.enum(CONTACT_VISIBILITIES).default('public')
});

export const draftPointSchema = z.object({
	lon: z.number().min(-180).max(180),
	lat: z.number().min(-90).max(90)
});

/**
 * A new or updated asset with its categories, contacts and sessions. `source` + `externalId` is the
 * key an import updates in place by (the assets table has a unique index on the pair).
 */
export const assetDraftSchema = z
	.object({
		/** Where it came from, e.g. "openreferral:bristol", "geojson:trafford-libraries", "csv", "osm". */
		source: z.string().trim().min(1).max(100),
		/** The record's id in its source (an HSDS service id, an OSM "node/123"), or null if it has none. */
		externalId: z.string().trim().min(1).max(200).nullable().default(null),
		kind: z.enum(ASSET_KINDS),
		/** Only for services (required then); null for every other kind. */
		sector: z.enum(SERVICE_SECTORS).nullable().default(null),
		name: trimmed(MAX_NAME_LENGTH).min(1, 'must not be empty'),
		nameCy: optionalText(MAX_NAME_LENGTH),
		description: trimmed(MAX_DESCRIPTION_LENGTH).default(''),
		descriptionCy: optionalText(MAX_DESCRIPTION_LENGTH),
		locationKind: z.enum(LOCATION_KINDS),
		/** WGS84; required when locationKind is "place", null otherwise. */
		point: draftPointSchema.nullable().default(null),
		address: optionalText(500),
		/** Normalised to "FV12 3AB"; a value not shaped like a postcode is rejected. */
		postcode: z.preprocess(
			(value) => (typeof value === 'string' && value.trim() === '' ? null : value),
			z
				.string()
				.transform((value, ctx) => {
					const postcode = normalisePostcode(value);
					if (postcode === null) {
						ctx.addIssue({ code: 'custom', message: `"${value}" is not a UK postcode` });
						return z.NEVER;
					}
					return postcode;
				})
				.nullable()
				.default(null)
		),
		/** The external id (same source) of the venue this asset meets at, if that is another asset. */
		venueExternalId: z.string().trim().min(1).max(200).nullable().default(null),
		accessibility: z
			.array(z.enum(Object.keys(ACCESSIBILITY_FEATURES) as [keyof typeof ACCESSIBILITY_FEATURES]))
			.default([]),
		ageMin: z.number().int().min(0).max(130).nullable().default(null),
		ageMax: z.number().int().min(0).max(130).nullable().default(null),
		familyFriendly: z.boolean().default(false),
		cost: z.enum(COST_KINDS).nullable().default(null),
		costDetail: optionalText(1000),
		/** BCP 47 codes, e.g. ["en", "cy"]. */
		languages: z.array(z.string().trim().min(2).max(35)).default([]),
		/** Imports land as drafts unless the importer is told otherwise. */
		status: z.enum(ASSET_STATUSES).default('draft'),
		lastVerifiedOn: z
			.string()
			.regex(ISO_DATE, 'must be a date like 2026-11-25')
			.nullable()
			.default(null),
		/** Category ids (slugs) from the programme's taxonomy; the importer checks they exist. */
		categories: z
			.array(z.string().regex(CATEGORY_ID, 'must be a category id like "older-people"'))
			.min(1, 'must have at least one category'),
		contacts: z.array(draftContactSchema).default([]),
		sessions: z.array(draftSessionSchema).default([])
	})
	.superRefine((draft, ctx) => {
		const problem = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		if ((draft.kind === 'service') !== (draft.sector !== null)) {
			problem(
				'sector',
				draft.kind === 'service' ? 'a service needs a sector' : 'only services have a sector'
			);
		}
		if ((draft.locationKind === 'place') !== (draft.point !== null)) {
			problem(
				'point',
				draft.locationKind === 'place'
					? 'an asset at a place needs a point'
					: 'only an asset at a place has a point'
			);
		}
		if (draft.ageMin !== null && draft.ageMax !== null && draft.ageMin > draft.ageMax) {
			problem('ageMax', 'the maximum age must not be below the minimum age');
		}
	})
	.transform((draft) => ({
		...draft,
		// Dedupe lists so a feed that repeats a taxonomy term cannot break the composite primary key.
		categories: [...new Set(draft.categories)],
		accessibility: [...new Set(draft.accessibility)],
		languages: [...new Set(draft.languages.map((code) => code.toLowerCase()))]
	}));

/** What an importer builds (defaults may be left out). */
export type AssetDraftInput = z.input<typeof assetDraftSchema>;
/** A valid draft, defaults filled in, ready to write. */
export type AssetDraft = z.output<typeof assetDraftSchema>;
export type DraftSession = z.output<typeof draftSessionSchema>;
export type DraftContact = z.output<typeof draftContactSchema>;

/**
 * A draft, or the plain reasons a record cannot become one. `warnings` lists details that were
 * dropped or changed on the way in (an unreadable postcode, a schedule Patchwork cannot hold), so a
 * dry run can show them; a draft with warnings is still valid.
 */
export type DraftResult =
	{ ok: true; draft: AssetDraft; warnings: string[] } | { ok: false; reasons: string[] };

/**
 * Checks an importer's candidate draft, turning zod issues into reasons that name the field.
 * @example parseAssetDraft({ ...candidate, name: '' })
 * // { ok: false, reasons: ['name: must not be empty'] }
 */
export function parseAssetDraft(candidate: unknown, warnings: string[] = []): DraftResult {
	const result = assetDraftSchema.safeParse(candidate);
	if (result.success) return { ok: true, draft: result.data, warnings };
	return {
		ok: false,
		reasons: result.error.issues.map((issue) =>
			issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message
		)
	};
}
