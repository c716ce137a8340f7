/**
 * What happens: anonymous connections, residents' suggestions, the audit log, jobs, email and the
 * short-lived records of sign-in and forms.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
	CHECK_ANSWERS,
	CONNECTION_KINDS,
	OUTBOX_STATUSES,
	SUGGESTION_KINDS,
	SUGGESTION_STATUSES
} from '../../../domain/vocabulary';
import { timestamps } from './common';
import { patches } from './places';
import { users } from './people';
import { assets, categories } from './assets';

/**
 * A connection a coordinator helped someone make, or "nothing suitable found" for a theme (the demand
 * signal). Anonymous by design: no person, no referral, no free text, no other input of the search.
 * A test holds these columns to exactly this list.
 */
export const connections = sqliteTable(
	'connections',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The London calendar date it was recorded. */
		madeOn: text('made_on').notNull(),
		patchId: integer('patch_id').references(() => patches.id, { onDelete: 'set null' }),
		/** The entry connected to; null for "nothing suitable found". */
		assetId: integer('asset_id').references(() => assets.id, { onDelete: 'set null' }),
		/** A category id: what the connection was about. */
		theme: text('theme').references(() => categories.id, { onDelete: 'set null' }),
		/** 'connected' or 'nothing_suitable' (the default only lets the column be added to old rows). */
		kind: text('kind', { enum: CONNECTION_KINDS }).notNull().default('connected'),
		recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamps.createdAt
	},
	(t) => [
		index('connections_patch_idx').on(t.patchId, t.madeOn),
		index('connections_recorded_by_idx').on(t.recordedBy, t.madeOn)
	]
);

/**
 * Directory searches that found nothing, counted per day and filters. Nothing else is kept: no
 * postcode or point, no IP address or session, and free text only when it is 40 characters or fewer
 * (empty string for a filter not used, so the unique index counts one row per day and filters).
 * Deleted after 12 months by the daily jobs; not recorded when the programme opts out.
 */
export const emptySearches = sqliteTable(
	'empty_searches',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The London calendar date. */
		searchedOn: text('searched_on').notNull(),
		category: text('category').notNull().default(''),
		kind: text('kind').notNull().default(''),
		/** Weekday 1-7 as text, or ''. */
		day: text('day').notNull().default(''),
		/** The patch's slug, or ''. */
		patch: text('patch').notNull().default(''),
		text: text('text').notNull().default(''),
		count: integer('count').notNull().default(1)
	},
	(t) => [
		uniqueIndex('empty_searches_key_idx').on(
			t.searchedOn,
			t.category,
			t.kind,
			t.day,
			t.patch,
			t.text
		)
	]
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
		/** The moderator's reason, shown with a rejection. */
		reviewNote: text('review_note'),
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

/** A daily or start-up job's run and what it did, for the council page and the logs. */
export const jobRuns = sqliteTable(
	'job_runs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		job: text('job').notNull(),
		ranAt: text('ran_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
		summary: text('summary', { mode: 'json' }).$type<Record<string, unknown>>().notNull()
	},
	(t) => [index('job_runs_job_idx').on(t.job, t.ranAt)]
);

/**
 * An email: sent over SMTP when configured, otherwise kept here for admins to read. A failed send stays
 * queued with its error and is retried with back-off; after the last try it is "failed", never dropped.
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		bodyText: text('body_text').notNull(),
		status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: text('next_attempt_at'),
		lastError: text('last_error'),
		sentAt: text('sent_at'),
		createdAt: timestamps.createdAt
	},
	(t) => [index('outbox_status_idx').on(t.status, t.nextAttemptAt)]
);

/**
 * "Is your entry still right?", emailed to an entry's own address when it falls due. The link's token is
 * stored only as its SHA-256; it works for that entry only, for 30 days, once per answer.
 */
export const entryCheckRequests = sqliteTable(
	'entry_check_requests',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		assetId: integer('asset_id')
			.notNull()
			.references(() => assets.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		/** The reminder's own link (both links work until the request expires or is answered). */
		reminderTokenHash: text('reminder_token_hash').unique(),
		sentAt: text('sent_at').notNull(),
		reminderSentAt: text('reminder_sent_at'),
		expiresAt: text('expires_at').notNull(),
		answeredAt: text('answered_at'),
		answer: text('answer', { enum: CHECK_ANSWERS })
	},
	(t) => [index('entry_check_requests_asset_idx').on(t.assetId)]
);

/**
 * What someone had typed into a staff form when their session ran out, kept (under the SHA-256 of a
 * random key held in their browser) until they sign in again, for one hour at most.
 */
export const formDrafts = sqliteTable('form_drafts', {
	id: text('id').primaryKey(),
	path: text('path').notNull(),
	data: text('data', { mode: 'json' }).$type<Record<string, string[]>>().notNull(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
});

/** Attempts counted per key (an address, an account) in a window, shared by every process on the file. */
export const rateLimits = sqliteTable('rate_limits', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' })
});
