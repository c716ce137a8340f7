/** What: the taxonomy, assets with their contacts and sessions, and coordinators' presence at venues. */
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
	ARCHIVE_REASONS,
	ASSET_STATUSES,
	CONTACT_KINDS,
	CONTACT_VISIBILITIES,
	COST_KINDS,
	LOCATION_KINDS,
	SERVICE_SECTORS,
	SESSION_FREQUENCIES,
	VERIFIERS
} from '../../../domain/vocabulary';
import { timestamps } from './common';
import { patches, programmes } from './places';
import { users } from './people';

/** The taxonomy. Ids are stable text slugs so links and imports survive renaming. */
export const categories = sqliteTable('categories', {
	id: text('id').primaryKey(),
	parentId: text('parent_id').references((): AnySQLiteColumn => categories.id),
	name: text('name').notNull(),
	nameCy: text('name_cy'),
	description: text('description'),
	sortOrder: integer('sort_order').notNull().default(0)
});

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
		/** Who checked it, as a role or "the group itself"; kept when the user is deleted. */
		lastVerifiedVia: text('last_verified_via', { enum: VERIFIERS }),
		/** Bumped by every save: a save that read an older version is refused, never last-write-wins. */
		version: integer('version').notNull().default(1),
		archivedAt: text('archived_at'),
		archivedReason: text('archived_reason', { enum: ARCHIVE_REASONS }),
		/** The entry this one was merged into (archived duplicates point at the one kept). */
		mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => assets.id, {
			onDelete: 'set null'
		}),
		/**
		 * Consent of an informal support (a person: personal data). Recorded on a date, and how it was
		 * given; shown to visitors only with consent to be shown publicly, and its contacts only with
		 * consent for those too.
		 */
		consentRecordedOn: text('consent_recorded_on'),
		consentHow: text('consent_how'),
		consentPublic: integer('consent_public', { mode: 'boolean' }).notNull().default(false),
		consentPublicOn: text('consent_public_on'),
		consentContactsPublic: integer('consent_contacts_public', { mode: 'boolean' })
			.notNull()
			.default(false),
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

/** Patches an online or roaming entry is linked to (an entry at a place belongs to the patches its point falls in). */
export const assetPatches = sqliteTable(
	'asset_patches',
	{
		assetId: integer('asset_id')
			.notNull()
			.references(() => assets.id, { onDelete: 'cascade' }),
		patchId: integer('patch_id')
			.notNull()
			.references(() => patches.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.assetId, t.patchId] }),
		index('asset_patches_patch_idx').on(t.patchId)
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
		/** Null for every week; an ISO date for a one-off (its weekday matches). */
		onDate: text('on_date'),
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
