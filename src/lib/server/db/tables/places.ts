/** Where: programmes, patches, census small areas and their populations, postcodes. */
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
import { PATCH_STATUSES, SMALL_AREA_KINDS } from '../../../domain/vocabulary';
import { timestamps } from './common';

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
	/** Freshness (months since the last check): due for a check, stale, archived by the daily job. */
	checkDueMonths: integer('check_due_months').notNull().default(6),
	checkStaleMonths: integer('check_stale_months').notNull().default(12),
	archiveAfterMonths: integer('archive_after_months').notNull().default(18),
	/** Record directory searches that found nothing (date, filters and a count only) for the gap page. */
	recordEmptySearches: integer('record_empty_searches', { mode: 'boolean' })
		.notNull()
		.default(true),
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
		/** A locked patch keeps its small areas: an edit of another patch that would overlap it is refused. */
		locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
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
		/**
		 * The ONS population-weighted centroid, when imported (npm run areas -- centroids): the
		 * centroid method uses it instead of the point above, as ONS does to assign areas to wards.
		 */
		weightedPointLon: real('weighted_point_lon'),
		weightedPointLat: real('weighted_point_lat'),
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

/** Postcode to point, in the layout of the ONS Postcode Directory. */
export const postcodes = sqliteTable('postcodes', {
	/** Normalised: upper case with one space, e.g. "FV1 2AB". */
	postcode: text('postcode').primaryKey(),
	lat: real('lat').notNull(),
	lon: real('lon').notNull()
});

/**
 * An imported index of deprivation (the English IMD by LSOA), one row per import: which index, its
 * name and the file it came from. The latest set is the one the gap analysis uses.
 */
export const deprivationSets = sqliteTable('deprivation_sets', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** 'IMD' (English Indices of Deprivation). */
	indexKind: text('index_kind').notNull(),
	/** e.g. "English Indices of Deprivation 2025". */
	name: text('name').notNull(),
	source: text('source'),
	...timestamps
});

/** Each small area's decile (1 = most deprived 10% of LSOAs), from its LSOA. */
export const smallAreaDeprivation = sqliteTable(
	'small_area_deprivation',
	{
		deprivationSetId: integer('deprivation_set_id')
			.notNull()
			.references(() => deprivationSets.id, { onDelete: 'cascade' }),
		smallAreaId: integer('small_area_id')
			.notNull()
			.references(() => smallAreas.id, { onDelete: 'cascade' }),
		lsoaCode: text('lsoa_code').notNull(),
		decile: integer('decile').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.deprivationSetId, t.smallAreaId] }),
		check('small_area_deprivation_decile', sql`${t.decile} between 1 and 10`)
	]
);

/**
 * A number that goes up whenever anything the gap analysis reads changes (triggers in the migration
 * bump it), so a cached analysis is known to be current with one read, whichever process wrote.
 */
export const gapDataVersion = sqliteTable('gap_data_version', {
	id: integer('id').primaryKey(),
	version: integer('version').notNull().default(0)
});

/**
 * One row whose version triggers (migration 0013) move on every write to a table a public page
 * reads, by any connection: the read and page caches' stamp (read-cache.ts). Writes only staff or
 * the server itself read (sessions, audit, suggestions, drafts) leave public pages cached.
 */
export const publicDataVersion = sqliteTable('public_data_version', {
	id: integer('id').primaryKey(),
	version: integer('version').notNull().default(0)
});
