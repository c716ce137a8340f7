/** Data exchange: asset import runs (the dry-run report, the file kept for the real run) and possible duplicates. */
import { sql } from 'drizzle-orm';
import {
	blob,
	check,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { ASSET_STATUSES } from '../../../domain/vocabulary';
import {
	ASSET_IMPORT_FORMATS,
	DUPLICATE_FLAG_STATUSES,
	IMPORT_RUN_STATES
} from '../../../domain/exchange/import/kinds';
import { programmes } from './places';
import { users } from './people';
import { assets } from './assets';

/**
 * One asset import: checked on the council page (its file kept here until it is imported, for at
 * most a day) or imported from the page or the command line. The report is what the person saw.
 */
export const assetImportRuns = sqliteTable(
	'asset_import_runs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		programmeId: integer('programme_id')
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		format: text('format', { enum: ASSET_IMPORT_FORMATS }).notNull(),
		/** The source name the assets are kept under (re-imports update in place by it and each record's id). */
		source: text('source').notNull(),
		/** The status new assets get. */
		newStatus: text('new_status', { enum: ASSET_STATUSES }).notNull(),
		/** The mapping file's contents, as checked. */
		mapping: text('mapping', { mode: 'json' }).$type<Record<string, unknown>>(),
		state: text('state', { enum: IMPORT_RUN_STATES }).notNull(),
		/** The uploaded file between the check and the import; cleared once imported or expired. */
		upload: blob('upload', { mode: 'buffer' }),
		report: text('report', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
		importedAt: text('imported_at')
	},
	(t) => [index('asset_import_runs_state_idx').on(t.state, t.createdAt)]
);

/**
 * Two assets that may be the same (same normalised name within 100 m, or a shared postcode and
 * one name containing the other), flagged by an import for a coordinator to review, never merged.
 * The pair is stored lower id first, so each pair is flagged once whichever import finds it.
 */
export const assetDuplicateFlags = sqliteTable(
	'asset_duplicate_flags',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		assetId: integer('asset_id')
			.notNull()
			.references(() => assets.id, { onDelete: 'cascade' }),
		otherAssetId: integer('other_asset_id')
			.notNull()
			.references(() => assets.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull(),
		importRunId: integer('import_run_id').references(() => assetImportRuns.id, {
			onDelete: 'set null'
		}),
		status: text('status', { enum: DUPLICATE_FLAG_STATUSES }).notNull().default('open'),
		reviewedBy: integer('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
		reviewedAt: text('reviewed_at'),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
	},
	(t) => [
		uniqueIndex('asset_duplicate_flags_pair_idx').on(t.assetId, t.otherAssetId),
		index('asset_duplicate_flags_other_idx').on(t.otherAssetId),
		index('asset_duplicate_flags_status_idx').on(t.status),
		check('asset_duplicate_flags_ordered', sql`${t.assetId} < ${t.otherAssetId}`)
	]
);
