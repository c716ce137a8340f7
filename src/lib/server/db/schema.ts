/**
 * The whole Patchwork data model, one Drizzle schema for SQLite.
 *
 * Geometry is stored as GeoJSON text (WGS84 longitude/latitude) with a bounding box beside it where
 * queries filter by place. The FTS5 index over asset text and the R*Tree over asset locations live in a
 * custom migration (drizzle/0001_search_index.sql), kept in sync by triggers.
 */
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import {
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
	SMALL_AREA_KINDS,
	SUGGESTION_KINDS,
	SUGGESTION_STATUSES
} from '../../domain/vocabulary';

const timestamps = {
	createdAt: text('created_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
	updatedAt: text('updated_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
};

/** A council's Local Area Coordination programme: its boundary and the design limits its patches are checked against. */
export const programmes = sqliteTable('programmes', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	nameCy: text('name_cy'),
	description: text('description'),
	/** True for generated demonstration data, so every page can say so. */
	isFictional: integer('is_fictional', { mode: 'boolean' }).notNull().default(false),
	/** GeoJSON Polygon or MultiPolygon of the programme area. */
	boundary: text('boundary', { mode: 'json' }).$type<GeoJSON.Polygon | GeoJSON.MultiPolygon>(),
	/** Design limits (people): below smallMin is "under", up to usualMax is "usual", above max is "over the limit". */
	limitSmallMin: integer('limit_small_min').notNull().default(8000),
	limitUsualMin: integer('limit_usual_min').notNull().default(10000),
	limitUsualMax: integer('limit_usual_max').notNull().default(12000),
	limitMax: integer('limit_max').notNull().default(15000),
	defaultPopulationSetId: integer('default_population_set_id').references(
		(): AnySQLiteColumn => populationSets.id,
		{ onDelete: 'set null' }
	),
	...timestamps
});

/** One coordinator's neighbourhood. Its population is never stored: it is computed from small areas. */
export const patches = sqliteTable(
	'patches',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		programmeId: integer('programme_id')
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		nameCy: text('name_cy'),
		slug: text('slug').notNull().unique(),
		description: text('description'),
		boundary: text('boundary', { mode: 'json' })
			.$type<GeoJSON.Polygon | GeoJSON.MultiPolygon>()
			.notNull(),
		minLon: real('min_lon').notNull(),
		minLat: real('min_lat').notNull(),
		maxLon: real('max_lon').notNull(),
		maxLat: real('max_lat').notNull(),
		status: text('status', { enum: PATCH_STATUSES }).notNull().default('active'),
		...timestamps
	},
	(t) => [index('patches_programme_idx').on(t.programmeId)]
);

/** A census Output Area or LSOA: the unit population comes in. */
export const smallAreas = sqliteTable(
	'small_areas',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		kind: text('kind', { enum: SMALL_AREA_KINDS }).notNull(),
		name: text('name'),
		geometry: text('geometry', { mode: 'json' })
			.$type<GeoJSON.Polygon | GeoJSON.MultiPolygon>()
			.notNull(),
		minLon: real('min_lon').notNull(),
		minLat: real('min_lat').notNull(),
		maxLon: real('max_lon').notNull(),
		maxLat: real('max_lat').notNull(),
		/** A point guaranteed inside the polygon, for the centroid method. */
		pointLon: real('point_lon').notNull(),
		pointLat: real('point_lat').notNull(),
		areaM2: real('area_m2').notNull()
	},
	(t) => [index('small_areas_kind_idx').on(t.kind)]
);

/** A named set of population figures by small area, e.g. "Census 2021" or "Mid-2022". */
export const populationSets = sqliteTable(
	'population_sets',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		programmeId: integer('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** ISO date the figures describe, e.g. 2022-06-30. */
		referenceDate: text('reference_date').notNull(),
		source: text('source'),
		...timestamps
	},
	(t) => [uniqueIndex('population_sets_name_idx').on(t.programmeId, t.name)]
);

export const populationValues = sqliteTable(
	'population_values',
	{
		populationSetId: integer('population_set_id')
			.notNull()
			.references(() => populationSets.id, { onDelete: 'cascade' }),
		smallAreaId: integer('small_area_id')
			.notNull()
			.references(() => smallAreas.id, { onDelete: 'cascade' }),
		value: integer('value').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.populationSetId, t.smallAreaId] }),
		check('population_values_non_negative', sql`${t.value} >= 0`)
	]
);

/** The taxonomy. Ids are stable text slugs so links and imports survive renaming. */
export const categories = sqliteTable('categories', {
	id: text('id').primaryKey(),
	parentId: text('parent_id').references((): AnySQLiteColumn => categories.id),
	name: text('name').notNull(),
	nameCy: text('name_cy'),
	description: text('description'),
	sortOrder: integer('sort_order').notNull().default(0)
});

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull().unique(),
	/** Shown publicly for coordinators (residents need to know who to meet); never the email. */
	displayName: text('display_name').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	/** argon2id; null means the account cannot sign in. */
	passwordHash: text('password_hash'),
	disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
	...timestamps
});

/** Which coordinators work which patches. */
export const patchCoordinators = sqliteTable(
	'patch_coordinators',
	{
		patchId: integer('patch_id')
			.notNull()
			.references(() => patches.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.patchId, t.userId] })]
);

/** A signed-in browser. The id is the SHA-256 of the cookie's token, so a leaked database holds no live token. */
export const loginSessions = sqliteTable(
	'login_sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('login_sessions_user_idx').on(t.userId)]
);

/** A group, venue, informal support or service. */
export const assets = sqliteTable(
	'assets',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		programmeId: integer('programme_id')
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ASSET_KINDS }).notNull(),
		/** Only for services: community first, services last. */
		sector: text('sector', { enum: SERVICE_SECTORS }),
		name: text('name').notNull(),
		nameCy: text('name_cy'),
		description: text('description').notNull().default(''),
		descriptionCy: text('description_cy'),
		locationKind: text('location_kind', { enum: LOCATION_KINDS }).notNull().default('place'),
		lon: real('lon'),
		lat: real('lat'),
		address: text('address'),
		postcode: text('postcode'),
		/** The venue this asset meets at, if it is another asset. */
		venueId: integer('venue_id').references((): AnySQLiteColumn => assets.id, {
			onDelete: 'set null'
		}),
		/** Accessibility feature codes, see domain/accessibility.ts. */
		accessibility: text('accessibility', { mode: 'json' }).$type<string[]>().notNull().default([]),
		ageMin: integer('age_min'),
		ageMax: integer('age_max'),
		familyFriendly: integer('family_friendly', { mode: 'boolean' }).notNull().default(false),
		cost: text('cost', { enum: COST_KINDS }),
		costDetail: text('cost_detail'),
		/** BCP 47 language codes, e.g. ["en", "cy"]. */
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
		status: text('status', { enum: ASSET_STATUSES }).notNull().default('draft'),
		/** ISO date of the last "still true" check. */
		lastVerifiedOn: text('last_verified_on'),
		lastVerifiedBy: integer('last_verified_by').references(() => users.id, {
			onDelete: 'set null'
		}),
		source: text('source').notNull().default('patchwork'),
		externalId: text('external_id'),
		...timestamps
	},
	(t) => [
		index('assets_programme_status_idx').on(t.programmeId, t.status),
		index('assets_kind_idx').on(t.kind),
		index('assets_venue_idx').on(t.venueId),
		uniqueIndex('assets_source_external_idx').on(t.source, t.externalId),
		check(
			'assets_sector_only_for_services',
			sql`(${t.kind} = 'service') = (${t.sector} IS NOT NULL)`
		),
		check(
			'assets_point_when_place',
			sql`(${t.locationKind} = 'place') = (${t.lon} IS NOT NULL AND ${t.lat} IS NOT NULL)`
		),
		check(
			'assets_ages',
			sql`${t.ageMin} IS NULL OR ${t.ageMax} IS NULL OR ${t.ageMin} <= ${t.ageMax}`
		)
	]
);

export const assetCategories = sqliteTable(
	'asset_categories',
	{
		assetId: integer('asset_id')
			.notNull()
			.references(() => assets.id, { onDelete: 'cascade' }),
		categoryId: text('category_id')
			.notNull()
			.references(() => categories.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.assetId, t.categoryId] }),
		index('asset_categories_category_idx').on(t.categoryId)
	]
);

/** A way to reach an asset. Coordinators-only contacts never reach a visitor. */
export const assetContacts = sqliteTable(
	'asset_contacts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		assetId: integer('asset_id')
			.notNull()
			.references(() => assets.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
		/** Who or what this is, e.g. "Group leader" or a person's first name. */
		label: text('label'),
		value: text('value').notNull(),
		visibility: text('visibility', { enum: CONTACT_VISIBILITIES }).notNull().default('public')
	},
	(t) => [index('asset_contacts_asset_idx').on(t.assetId)]
);

/**
 * When an asset meets. Weekdays are ISO (1 = Monday … 7 = Sunday).
 * weekly: every weekday; fortnightly: every other weekday from anchorDate; monthly: the weekOfMonth-th
 * weekday of each month (1-4, or -1 for the last).
 */
export const assetSessions = sqliteTable(
	'asset_sessions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		assetId: integer('asset_id')
			.notNull()
			.references(() => assets.id, { onDelete: 'cascade' }),
		frequency: text('frequency', { enum: SESSION_FREQUENCIES }).notNull(),
		weekday: integer('weekday').notNull(),
		weekOfMonth: integer('week_of_month'),
		anchorDate: text('anchor_date'),
		startTime: text('start_time').notNull(),
		endTime: text('end_time').notNull(),
		note: text('note')
	},
	(t) => [
		index('asset_sessions_asset_idx').on(t.assetId),
		index('asset_sessions_weekday_idx').on(t.weekday),
		check('asset_sessions_weekday', sql`${t.weekday} BETWEEN 1 AND 7`),
		check('asset_sessions_times', sql`${t.startTime} < ${t.endTime}`)
	]
);

/** A coordinator at a venue at a time: where residents can meet them. */
export const presenceSessions = sqliteTable(
	'presence_sessions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		venueId: integer('venue_id')
			.notNull()
			.references(() => assets.id, { onDelete: 'cascade' }),
		weekday: integer('weekday').notNull(),
		startTime: text('start_time').notNull(),
		endTime: text('end_time').notNull(),
		note: text('note')
	},
	(t) => [
		index('presence_sessions_user_idx').on(t.userId),
		index('presence_sessions_venue_idx').on(t.venueId),
		check('presence_sessions_weekday', sql`${t.weekday} BETWEEN 1 AND 7`),
		check('presence_sessions_times', sql`${t.startTime} < ${t.endTime}`)
	]
);

/** A connection a coordinator helped someone make. Anonymous by design: no person, no referral. */
export const connections = sqliteTable(
	'connections',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		madeOn: text('made_on').notNull(),
		patchId: integer('patch_id').references(() => patches.id, { onDelete: 'set null' }),
		assetId: integer('asset_id').references(() => assets.id, { onDelete: 'set null' }),
		/** A category id: what the connection was about. */
		theme: text('theme').references(() => categories.id, { onDelete: 'set null' }),
		recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamps.createdAt
	},
	(t) => [index('connections_patch_idx').on(t.patchId, t.madeOn)]
);

/** A resident's suggestion: a new asset, a change, or "it has closed". Publishes nothing by itself. */
export const suggestions = sqliteTable(
	'suggestions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: SUGGESTION_KINDS }).notNull(),
		assetId: integer('asset_id').references(() => assets.id, { onDelete: 'cascade' }),
		/** The suggested fields, as validated at the edge. */
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		/** Personal data: for moderators only. */
		submitterName: text('submitter_name'),
		submitterEmail: text('submitter_email'),
		status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('open'),
		reviewedBy: integer('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
		reviewedAt: text('reviewed_at'),
		...timestamps
	},
	(t) => [index('suggestions_status_idx').on(t.status)]
);

/** Postcode to point, in the layout of the ONS Postcode Directory. */
export const postcodes = sqliteTable('postcodes', {
	/** Normalised: upper case with one space, e.g. "FV1 2AB". */
	postcode: text('postcode').primaryKey(),
	lat: real('lat').notNull(),
	lon: real('lon').notNull()
});

/** Who changed what, and when. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: text('at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>()
	},
	(t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)]
);

export type Programme = typeof programmes.$inferSelect;
export type Patch = typeof patches.$inferSelect;
export type SmallArea = typeof smallAreas.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type User = typeof users.$inferSelect;
export type Asset = typeof assets.$inferSelect;
export type AssetContact = typeof assetContacts.$inferSelect;
export type AssetSession = typeof assetSessions.$inferSelect;
export type PresenceSession = typeof presenceSessions.$inferSelect;
