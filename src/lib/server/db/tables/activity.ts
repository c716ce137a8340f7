/** What happens: anonymous connections, residents' suggestions, and the audit log. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SUGGESTION_KINDS, SUGGESTION_STATUSES } from '../../../domain/vocabulary';
import { timestamps } from './common';
import { patches } from './places';
import { users } from './people';
import { assets, categories } from './assets';

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
