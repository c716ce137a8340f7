/**
 * What an administrator reads about accounts: the patch choices, the list of users with their patches
 * and last sign-in, and one user in full. The changes are in admin-users.ts.
 */
import { and, asc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { Role } from '../../domain/vocabulary';
import { auditLog, loginSessions, patchCoordinators, patches, users } from '../db/schema';
import type { Db } from '../db/client';
import { findOpenSignInLink } from './sign-in-links';

export interface PatchChoice {
	id: number;
	name: string;
}

/** Patches that are not retired, by name. */
export function listPatchChoices(db: Db): PatchChoice[] {
	return db
		.select({ id: patches.id, name: patches.name })
		.from(patches)
		.where(ne(patches.status, 'retired'))
		.orderBy(asc(patches.name))
		.all();
}

export function patchesOf(db: Pick<Db, 'select'>, userIds: number[]): Map<number, PatchChoice[]> {
	const byUser = new Map<number, PatchChoice[]>();
	if (userIds.length === 0) return byUser;
	const rows = db
		.select({ userId: patchCoordinators.userId, id: patches.id, name: patches.name })
		.from(patchCoordinators)
		.innerJoin(patches, eq(patches.id, patchCoordinators.patchId))
		.where(inArray(patchCoordinators.userId, userIds))
		.orderBy(asc(patches.name))
		.all();
	for (const { userId, id, name } of rows) {
		byUser.set(userId, [...(byUser.get(userId) ?? []), { id, name }]);
	}
	return byUser;
}

function lastSignIns(db: Db): Map<string, string> {
	const rows = db
		.select({ userId: auditLog.entityId, at: max(auditLog.at) })
		.from(auditLog)
		.where(and(eq(auditLog.action, 'user.signed_in'), eq(auditLog.entity, 'user')))
		.groupBy(auditLog.entityId)
		.all();
	return new Map(rows.filter((r) => r.userId && r.at).map((r) => [r.userId!, r.at!]));
}

export interface AdminUserRow {
	id: number;
	email: string;
	displayName: string;
	role: Role;
	disabled: boolean;
	patches: PatchChoice[];
	/** ISO timestamp of their last sign-in, when the audit log has one. */
	lastSignInAt: string | null;
	/** Made with a sign-in link they have not used yet (and it still works). */
	waitingForLink: boolean;
}

/** Every user, by name, for the admin list. */
export function listUsersForAdmin(db: Db, now: Date = new Date()): AdminUserRow[] {
	const rows = db.select().from(users).orderBy(asc(users.displayName), asc(users.email)).all();
	const patchMap = patchesOf(
		db,
		rows.map((u) => u.id)
	);
	const signIns = lastSignIns(db);
	return rows.map((user) => ({
		id: user.id,
		email: user.email,
		displayName: user.displayName,
		role: user.role,
		disabled: user.disabled,
		patches: patchMap.get(user.id) ?? [],
		lastSignInAt: signIns.get(String(user.id)) ?? null,
		waitingForLink: findOpenSignInLink(db, user.id, now) !== null
	}));
}

export interface AdminUserDetail extends AdminUserRow {
	createdAt: string;
	/** Browsers signed in now. */
	sessions: number;
	linkExpiresAt: Date | null;
}

/** One user for the admin page, or null. */
export function getUserForAdmin(
	db: Db,
	id: number,
	now: Date = new Date()
): AdminUserDetail | null {
	const user = db.select().from(users).where(eq(users.id, id)).get();
	if (!user) return null;
	const sessions =
		db
			.select({ n: sql<number>`count(*)` })
			.from(loginSessions)
			.where(and(eq(loginSessions.userId, id), sql`${loginSessions.expiresAt} > ${now.getTime()}`))
			.get()?.n ?? 0;
	const link = findOpenSignInLink(db, id, now);
	return {
		id: user.id,
		email: user.email,
		displayName: user.displayName,
		role: user.role,
		disabled: user.disabled,
		patches: patchesOf(db, [id]).get(id) ?? [],
		lastSignInAt: lastSignIns(db).get(String(id)) ?? null,
		waitingForLink: link !== null,
		linkExpiresAt: link?.expiresAt ?? null,
		createdAt: user.createdAt,
		sessions
	};
}

// ---- Forms, parsed at the edge ----
