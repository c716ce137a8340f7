/** Who: users, their login sessions, and which coordinators work which patches. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../domain/vocabulary';
import { timestamps } from './common';
import { patches } from './places';

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

/** A one-time sign-in link an admin made for a new user: valid 24 hours, used once. Stored as SHA-256. */
export const signInLinks = sqliteTable('sign_in_links', {
	id: text('id').primaryKey(),
	userId: integer('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});
