import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, loginSessions, users } from '../db/schema';
import type { Db } from '../db/client';
import { authenticate } from './index';
import {
	SESSION_COOKIE_NAME,
	SESSION_LIFETIME_MS,
	createLoginSession,
	deleteSessionCookie,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionIdFromToken,
	setSessionCookie,
	signOut,
	validateSessionToken
} from './sessions';
import { createTestDb } from './test-db';

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-11-25T09:00:00Z');
const later = (days: number) => new Date(start.getTime() + days * DAY);

let db: Db;
let userId: number;

function addUser(email: string): number {
	return db
		.insert(users)
		.values({ email, displayName: 'Sam Jones', role: 'coordinator', passwordHash: '$argon2id$x' })
		.returning()
		.get().id;
}

beforeEach(() => {
	db = createTestDb();
	userId = addUser('sam@example.org');
});

describe('session tokens', () => {
	it('are 20 random bytes in base64url, different every time', () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[A-Za-z0-9_-]{27}$/);
		expect(Buffer.from(token, 'base64url')).toHaveLength(20);
		expect(generateSessionToken()).not.toBe(token);
	});

	it('are stored only as their SHA-256', () => {
		const { token, session } = createLoginSession(db, userId, start);
		const stored = db.select().from(loginSessions).all();
		expect(stored.map((s) => s.id)).toEqual([sessionIdFromToken(token)]);
		expect(session.id).toMatch(/^[0-9a-f]{64}$/);
		expect(session.id).not.toContain(token);
	});
});

describe('validateSessionToken', () => {
	it('signs the user in for 30 days', () => {
		const { token, session } = createLoginSession(db, userId, start);
		expect(session.expiresAt).toEqual(later(30));
		const result = validateSessionToken(db, token, later(1));
		expect(result?.user).toEqual({
			id: userId,
			email: 'sam@example.org',
			displayName: 'Sam Jones',
			role: 'coordinator'
		});
		expect(result?.renewed).toBe(false);
		expect(result?.session).toEqual({ id: session.id, expiresAt: later(30) });
	});

	it('refuses an unknown or malformed token', () => {
		createLoginSession(db, userId, start);
		expect(validateSessionToken(db, generateSessionToken(), start)).toBeNull();
		expect(validateSessionToken(db, "' OR 1=1 --", start)).toBeNull();
	});

	it('refuses and deletes an expired session', () => {
		const { token } = createLoginSession(db, userId, start);
		expect(validateSessionToken(db, token, later(30))).toBeNull();
		expect(db.select().from(loginSessions).all()).toHaveLength(0);
	});

	it('keeps the expiry while more than half the lifetime is left', () => {
		const { token } = createLoginSession(db, userId, start);
		const result = validateSessionToken(db, token, later(14));
		expect(result?.renewed).toBe(false);
		expect(result?.session.expiresAt).toEqual(later(30));
	});

	it('slides the expiry to a full lifetime once less than half is left', () => {
		const { token, session } = createLoginSession(db, userId, start);
		const result = validateSessionToken(db, token, later(16));
		expect(result?.renewed).toBe(true);
		expect(result?.session.expiresAt).toEqual(later(46));
		const stored = db.select().from(loginSessions).where(eq(loginSessions.id, session.id)).get();
		expect(stored?.expiresAt).toEqual(later(46));
		// Still valid after the original 30 days, because it was renewed.
		expect(validateSessionToken(db, token, later(40))?.user.id).toBe(userId);
	});

	it('refuses a disabled user and deletes their session', () => {
		const { token } = createLoginSession(db, userId, start);
		db.update(users).set({ disabled: true }).where(eq(users.id, userId)).run();
		expect(validateSessionToken(db, token, later(1))).toBeNull();
		expect(db.select().from(loginSessions).all()).toHaveLength(0);
	});

	it('refuses a user whose password has been removed', () => {
		const { token } = createLoginSession(db, userId, start);
		db.update(users).set({ passwordHash: null }).where(eq(users.id, userId)).run();
		expect(validateSessionToken(db, token, later(1))).toBeNull();
	});
});

describe('ending sessions', () => {
	it('signing out ends only that browser', () => {
		const phone = createLoginSession(db, userId, start);
		const laptop = createLoginSession(db, userId, start);
		invalidateSession(db, phone.session.id);
		expect(validateSessionToken(db, phone.token, later(1))).toBeNull();
		expect(validateSessionToken(db, laptop.token, later(1))?.user.id).toBe(userId);
	});

	it('invalidateUserSessions ends every session of that user and no one else', () => {
		const otherId = addUser('alex@example.org');
		const a = createLoginSession(db, userId, start);
		const b = createLoginSession(db, userId, start);
		const other = createLoginSession(db, otherId, start);
		invalidateUserSessions(db, userId);
		expect(validateSessionToken(db, a.token, later(1))).toBeNull();
		expect(validateSessionToken(db, b.token, later(1))).toBeNull();
		expect(validateSessionToken(db, other.token, later(1))?.user.email).toBe('alex@example.org');
	});

	it('a new sign-in clears that user’s expired sessions', () => {
		createLoginSession(db, userId, start);
		createLoginSession(db, userId, later(31));
		expect(db.select().from(loginSessions).all()).toHaveLength(1);
	});
});

describe('authenticate', () => {
	it('gives null without a cookie and the user with a live one', () => {
		expect(authenticate(db, undefined)).toBeNull();
		expect(authenticate(db, '')).toBeNull();
		const { token } = createLoginSession(db, userId);
		expect(authenticate(db, token)?.user.email).toBe('sam@example.org');
	});
});

describe('session cookie', () => {
	function fakeCookies() {
		const calls: { op: string; name: string; value?: string; opts: object }[] = [];
		const cookies = {
			set: (name: string, value: string, opts: object) =>
				calls.push({ op: 'set', name, value, opts }),
			delete: (name: string, opts: object) => calls.push({ op: 'delete', name, opts })
		} as unknown as Cookies;
		return { cookies, calls };
	}

	it('is httpOnly, SameSite=Lax, for the whole site, expiring with the session', () => {
		const { cookies, calls } = fakeCookies();
		setSessionCookie(cookies, 'tok', later(30), true);
		expect(calls).toEqual([
			{
				op: 'set',
				name: SESSION_COOKIE_NAME,
				value: 'tok',
				opts: { httpOnly: true, sameSite: 'lax', path: '/', secure: true, expires: later(30) }
			}
		]);
		expect(SESSION_COOKIE_NAME).toBe('patchwork_session');
		expect(SESSION_LIFETIME_MS).toBe(30 * DAY);
	});

	it('is Secure only when asked (plain http in development)', () => {
		const { cookies, calls } = fakeCookies();
		setSessionCookie(cookies, 'tok', later(30), false);
		deleteSessionCookie(cookies, false);
		expect(calls[0].opts).toMatchObject({ secure: false });
		expect(calls[1]).toEqual({
			op: 'delete',
			name: 'patchwork_session',
			opts: { httpOnly: true, sameSite: 'lax', path: '/', secure: false }
		});
	});
});

describe('signOut', () => {
	it('ends the session and records who signed out', () => {
		const { token, session } = createLoginSession(db, userId, start);
		signOut(db, session.id, userId);
		expect(validateSessionToken(db, token, later(1))).toBeNull();
		expect(db.select().from(auditLog).all()).toMatchObject([
			{ action: 'user.signed_out', userId, entity: 'user', entityId: String(userId) }
		]);
	});
});
