/**
 * The files of a demo borough under data/demo/, as the generator writes them and the seeder reads them.
 * The seeder parses every file with these schemas, so a hand-edited file with a mistake is reported by
 * file and field rather than half-loaded.
 */
import { z } from 'zod';
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KINDS,
	ASSET_STATUSES,
	CONTACT_KINDS,
	CONTACT_VISIBILITIES,
	COST_KINDS,
	LOCATION_KINDS,
	PATCH_STATUSES,
	ROLES,
	SERVICE_SECTORS,
	SESSION_FREQUENCIES,
	SUGGESTION_KINDS
} from '../vocabulary';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4);
export const polygonSchema = z.object({
	type: z.literal('Polygon'),
	coordinates: z.array(ring).min(1)
});
export const multiPolygonSchema = z.object({
	type: z.literal('MultiPolygon'),
	coordinates: z.array(z.array(ring).min(1)).min(1)
});
export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-25');
const isoTimestamp = z
	.string()
	.regex(
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
		'must be a time like 2026-11-25T09:30:00.000Z'
	);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30');
const weekday = z.number().int().min(1).max(7);
const slug = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/** data/demo/programme.json */
export const demoProgrammeSchema = z.object({
	slug,
	name: z.string().min(1),
	nameCy: z.string().min(1).optional(),
	description: z.string(),
	isFictional: z.boolean(),
	limits: z.object({
		smallMin: z.number().int().positive(),
		usualMin: z.number().int().positive(),
		usualMax: z.number().int().positive(),
		max: z.number().int().positive()
	}),
	boundary: areaGeometrySchema,
	populationSet: z.object({ name: z.string().min(1), referenceDate: isoDate, source: z.string() })
});

/** data/demo/small-areas.geojson: one Feature per Output-Area-like small area. */
export const demoSmallAreasSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(
		z.object({
			type: z.literal('Feature'),
			properties: z.object({
				code: z.string().min(1),
				population: z.number().int().min(0)
			}),
			geometry: areaGeometrySchema
		})
	)
});

/** data/demo/patches.geojson */
export const demoPatchesSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(
		z.object({
			type: z.literal('Feature'),
			properties: z.object({
				slug,
				name: z.string().min(1),
				nameCy: z.string().min(1).optional(),
				description: z.string().optional(),
				status: z.enum(PATCH_STATUSES)
			}),
			geometry: areaGeometrySchema
		})
	)
});

/** data/demo/categories.json: the taxonomy, parents before children. */
export const demoCategoriesSchema = z.array(
	z.object({
		id: slug,
		parentId: slug.nullable(),
		name: z.string().min(1),
		nameCy: z.string().min(1).optional(),
		description: z.string().optional()
	})
);

export const demoSessionSchema = z.object({
	frequency: z.enum(SESSION_FREQUENCIES),
	weekday,
	/** monthly only: 1-4, or -1 for the last. */
	weekOfMonth: z
		.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])
		.optional(),
	/** fortnightly only: a date it meets on. */
	anchorDate: isoDate.optional(),
	startTime: clockTime,
	endTime: clockTime,
	note: z.string().optional()
});

/**
 * The consent of an informal support (a person: personal data): to be recorded (on a date, and how
 * it was given), to be shown to visitors, and to show its public contact details too.
 */
export const demoConsentSchema = z.object({
	recordedOn: isoDate,
	/** How it was given, in the coordinator's words, e.g. "In person, at the library". */
	how: z.string().min(1),
	public: z.boolean(),
	/** When consent to be shown was given (public only). */
	publicOn: isoDate.optional(),
	contactsPublic: z.boolean()
});

/** data/demo/assets.json */
export const demoAssetsSchema = z.array(
	z
		.object({
			/** Stable id within the demo, e.g. "demo-0042"; also the external id. */
			ref: z.string().min(1),
			kind: z.enum(ASSET_KINDS),
			sector: z.enum(SERVICE_SECTORS).optional(),
			name: z.string().min(1),
			nameCy: z.string().min(1).optional(),
			description: z.string(),
			descriptionCy: z.string().optional(),
			categories: z.array(slug).min(1),
			locationKind: z.enum(LOCATION_KINDS),
			/** [lon, lat] when locationKind is "place". */
			point: position.optional(),
			address: z.string().optional(),
			postcode: z.string().optional(),
			/** ref of the venue this asset meets at. */
			venueRef: z.string().optional(),
			/** Online and roaming entries: the slugs of the patches they are linked to. */
			linkedPatches: z.array(slug).optional(),
			accessibility: z.array(
				z.enum(Object.keys(ACCESSIBILITY_FEATURES) as [keyof typeof ACCESSIBILITY_FEATURES])
			),
			ageMin: z.number().int().min(0).optional(),
			ageMax: z.number().int().min(0).optional(),
			familyFriendly: z.boolean(),
			cost: z.enum(COST_KINDS).optional(),
			costDetail: z.string().optional(),
			languages: z.array(z.string().min(2)),
			status: z.enum(ASSET_STATUSES),
			lastVerifiedOn: isoDate.optional(),
			/** email of the user who last verified it. */
			lastVerifiedBy: z.string().optional(),
			/** Informal supports only, and every one of them. */
			consent: demoConsentSchema.optional(),
			contacts: z.array(
				z.object({
					kind: z.enum(CONTACT_KINDS),
					label: z.string().optional(),
					value: z.string().min(1),
					visibility: z.enum(CONTACT_VISIBILITIES)
				})
			),
			sessions: z.array(demoSessionSchema)
		})
		.superRefine((asset, ctx) => {
			if ((asset.kind === 'informal_support') !== (asset.consent !== undefined)) {
				ctx.addIssue({
					code: 'custom',
					path: ['consent'],
					message: 'every informal support needs its consent, and nothing else has one'
				});
			}
			if (asset.consent && asset.consent.public !== (asset.consent.publicOn !== undefined)) {
				ctx.addIssue({
					code: 'custom',
					path: ['consent', 'publicOn'],
					message: 'publicOn is the date of consent to be shown, so only with public: true'
				});
			}
			if (asset.consent?.contactsPublic && !asset.consent.public) {
				ctx.addIssue({
					code: 'custom',
					path: ['consent', 'contactsPublic'],
					message: 'contact details can be shown only for an entry that is shown'
				});
			}
			if (asset.linkedPatches && asset.locationKind === 'place') {
				ctx.addIssue({
					code: 'custom',
					path: ['linkedPatches'],
					message: 'only online and roaming entries are linked to patches'
				});
			}
		})
);

/**
 * data/demo/suggestions.json: residents' suggestions waiting for a moderator. `details` is what the
 * suggestion forms store: for "new", the suggested entry's fields; for "change" and "closed", the
 * resident's words (or null).
 */
export const demoSuggestionsSchema = z.array(
	z
		.object({
			kind: z.enum(SUGGESTION_KINDS),
			/** The entry it is about (change and closed only). */
			assetRef: z.string().min(1).optional(),
			details: z.record(z.string(), z.union([z.string(), z.null()])),
			/** Personal data: for moderators only. */
			submitterName: z.string().min(1).optional(),
			submitterEmail: z.email().optional(),
			createdAt: isoTimestamp
		})
		.superRefine((suggestion, ctx) => {
			if ((suggestion.kind === 'new') === (suggestion.assetRef !== undefined)) {
				ctx.addIssue({
					code: 'custom',
					path: ['assetRef'],
					message: 'a change or closure names its entry; a new entry suggestion does not'
				});
			}
		})
);

/** data/demo/users.json: demo accounts. Passwords are public on purpose: this borough is fictional. */
export const demoUsersSchema = z.array(
	z.object({
		email: z.email(),
		displayName: z.string().min(1),
		role: z.enum(ROLES),
		password: z.string().min(12),
		patches: z.array(slug),
		presence: z.array(
			z.object({
				venueRef: z.string().min(1),
				weekday,
				startTime: clockTime,
				endTime: clockTime,
				note: z.string().optional()
			})
		)
	})
);

/** data/demo/postcodes.csv has the ONS Postcode Directory columns pcds,lat,long. */
export const DEMO_FILES = {
	programme: 'programme.json',
	smallAreas: 'small-areas.geojson',
	patches: 'patches.geojson',
	categories: 'categories.json',
	assets: 'assets.json',
	users: 'users.json',
	suggestions: 'suggestions.json',
	postcodes: 'postcodes.csv'
} as const;

export type DemoProgramme = z.infer<typeof demoProgrammeSchema>;
export type DemoSmallAreas = z.infer<typeof demoSmallAreasSchema>;
export type DemoPatches = z.infer<typeof demoPatchesSchema>;
export type DemoCategories = z.infer<typeof demoCategoriesSchema>;
export type DemoAssets = z.infer<typeof demoAssetsSchema>;
export type DemoUsers = z.infer<typeof demoUsersSchema>;
export type DemoSuggestions = z.infer<typeof demoSuggestionsSchema>;
export type DemoConsent = z.infer<typeof demoConsentSchema>;
