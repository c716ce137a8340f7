/**
 * Login sessions: a random token in the browser's cookie, its SHA-256 in login_sessions.id.
 * A leaked database therefore holds no token that can be replayed.
 */
import { createHash } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { and, eq, lte } from 'drizzle-orm';
import { loginSessions, users } from '../db/schema';
import type { Db } from '../db/client';
import { recordAccountEvent } from './audit';
import type { SessionInfo, SessionUser } from './roles';

export const SESSION_COOKIE_NAME = 'patchwork_session';
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Sliding expiry: a session with less than this left is extended to a full lifetime on use. */
const RENEW_WHEN_LESS_THAN_MS = SESSION_LIFETIME_MS / 2;

/** 20 random bytes in base64url: 27 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{27}$/;

/** A new random session token (160 bits), for the cookie only; never stored. */
export function generateSessionToken(): string {
	return Buffer.from(crypto.getRandomValues(new Uint8Array(20))).toString('base64url');
}

/** The session id stored for a token: SHA-256, hex. */
export function sessionIdFromToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** True when a string could be a token we issued; cheap to check before touching the database. */
export function isWellFormedToken(token: string): boolean {
	return TOKEN_PATTERN.test(token);
}

/**
 * Start a session for a user.
 * @returns the token for the cookie and the stored session (its id is the token's hash)
 */
export function createLoginSession(
	db: Db,
	userId: number,
	now: Date = new Date()
): { token: string; session: SessionInfo } {
	const token = generateSessionToken();
	const session: SessionInfo = {
		id: sessionIdFromToken(token),
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS)
	};
	// Tidy the user's expired sessions here, so rows do not pile up without a scheduled job.
	db.delete(loginSessions)
		.where(and(eq(loginSessions.userId, userId), lte(loginSessions.expiresAt, now)))
		.run();
	db.insert(loginSessions)
		.values({ id: session.id, userId, expiresAt: session.expiresAt, createdAt: now })
		.run();
	return { token, session };
}

export interface ValidatedSession {
	user: SessionUser;
	session: SessionInfo;
	/** True when the expiry moved: the caller must send the cookie again with the new expiry. */
	renewed: boolean;
}

/**
 * Look up the session for a cookie token. Deletes it when it has expired or its user is disabled
 * or can no longer sign in; extends it when less than half its lifetime is left.
 * @returns the user and session, or null when the token does not sign anyone in
 */
export function validateSessionToken(
	db: Db,
	token: string,
	now: Date = new Date()
): ValidatedSession | null {
	if (!isWellFormedToken(token)) return null;
	const id = sessionIdFromToken(token);
	const row = db
		.select({
			expiresAt: loginSessions.expiresAt,
			userId: users.id,
			email: users.email,
			displayName: users.displayName,
			role: users.role,
			disabled: users.disabled,
			passwordHash: users.passwordHash
		})
		.from(loginSessions)
		.innerJoin(users, eq(users.id, loginSessions.userId))
		.where(eq(loginSessions.id, id))
		.get();
	if (!row) return null;

	// A cleared password hash also ends sessions: it is how an account is shut without deleting it.
	if (row.expiresAt.getTime() <= now.getTime() || row.disabled || row.passwordHash === null) {
		invalidateSession(db, id);
		return null;
	}

	let expiresAt = row.expiresAt;
	let renewed = false;
	if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LESS_THAN_MS) {
		expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		db.update(loginSessions).set({ expiresAt }).where(eq(loginSessions.id, id)).run();
		renewed = true;
	}

	return {
		user: { id: row.userId, email: row.email, displayName: row.displayName, role: row.role },
		session: { id, expiresAt },
		renewed
	};
}

/** End one session (sign out of this browser). Takes the stored id, not the token. */
export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(loginSessions).where(eq(loginSessions.id, sessionId)).run();
}

/** Sign a user out of this browser and note it in the audit log. */
export function signOut(db: Db, sessionId: string, userId: number): void {
	invalidateSession(db, sessionId);
	recordAccountEvent(db, { action: 'user.signed_out', userId });
}

/** End every session a user has, e.g. after their password changes or they are disabled. */
export function invalidateUserSessions(db: Db, userId: number): void {
	db.delete(loginSessions).where(eq(loginSessions.userId, userId)).run();
}

/**
 * Send the session cookie. `secure` should be true in production (the hook passes `!dev`);
 * SameSite=Lax keeps it off cross-site POSTs while links from email still arrive signed in.
 */
export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
): void {
	cookies.set(SESSION_COOKIE_NAME, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		expires: expiresAt
	});
}

/** Remove the session cookie from the browser. */
export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE_NAME, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}
