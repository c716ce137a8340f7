/** Scenarios: draft sets of patches a council edits, then publishes over the live patches in one step. */
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { SCENARIO_STATUSES } from '../../../domain/scenarios/types';
import type { ScenarioChange } from '../../../domain/scenarios/types';
import { timestamps } from './common';
import { users } from './people';
import { patches, programmes } from './places';

/** A draft set of patches, e.g. "Re-draw 2027". The public never sees it until it is published. */
export const scenarios = sqliteTable(
	'scenarios',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		programmeId: integer('programme_id')
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		status: text('status', { enum: SCENARIO_STATUSES }).notNull().default('draft'),
		createdBy: integer('created_by').references((): AnySQLiteColumn => users.id, {
			onDelete: 'set null'
		}),
		/** When it was published or discarded (ISO), null while a draft. */
		closedAt: text('closed_at'),
		/**
		 * Each live patch's updated_at when the scenario was copied, by patch id: publishing warns
		 * when a live patch changed (or was added) since. Null for scenarios copied before it existed.
		 */
		liveStamps: text('live_stamps', { mode: 'json' }).$type<Record<string, string>>(),
		...timestamps
	},
	(t) => [index('scenarios_programme_idx').on(t.programmeId)]
);

/** One patch of a scenario; the slug ties it to the live patch it will replace (if any). */
export const scenarioPatches = sqliteTable(
	'scenario_patches',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		scenarioId: integer('scenario_id')
			.notNull()
			.references(() => scenarios.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		boundary: text('boundary', { mode: 'json' })
			.$type<GeoJSON.Polygon | GeoJSON.MultiPolygon>()
			.notNull(),
		/** The live patch it was copied from, when it was. */
		livePatchId: integer('live_patch_id').references(() => patches.id, { onDelete: 'set null' })
	},
	(t) => [uniqueIndex('scenario_patches_slug_idx').on(t.scenarioId, t.slug)]
);

/** Each edit made to a scenario, in order, so it can be undone and redone. */
export const scenarioEdits = sqliteTable(
	'scenario_edits',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		scenarioId: integer('scenario_id')
			.notNull()
			.references(() => scenarios.id, { onDelete: 'cascade' }),
		/** What it did, in words: "Moved E00000001 to Riverside". */
		label: text('label').notNull(),
		/** The patches before and after: enough to undo and redo without replaying. */
		change: text('change', { mode: 'json' }).$type<ScenarioChange>().notNull(),
		undone: integer('undone', { mode: 'boolean' }).notNull().default(false),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		at: text('at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
	},
	(t) => [index('scenario_edits_scenario_idx').on(t.scenarioId)]
);
