/**
 * One-time sign-in links an administrator gives a new user instead of a password: valid 24 hours,
 * used once. Like sessions, only the SHA-256 of the token is stored, so the database holds no link
 * that works. Opening the link shows a page with a button (a GET never signs anyone in, so a mail
 * scanner that fetches links cannot use it up); the button signs them in and asks them to choose
 * their own password.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { loginSessions, signInLinks, users } from '../db/schema';
import type { Db } from '../db/client';
import { recordAccountEvent } from './audit';
import type { SessionInfo, SessionUser } from './roles';
import { createLoginSession, sessionIdFromToken } from './sessions';

export const SIGN_IN_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** After signing in with a link, how long they may set a password without typing a current one. */
export const SET_PASSWORD_WINDOW_MS = 60 * 60 * 1000;

/** 32 random bytes in base64url: 43 characters. */
const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The path a token opens. */
export const signInLinkPath = (token: string) => `/login/link/${token}`;

/**
 * Make a link for a user (inside the transaction that creates them, if there is one).
 * @returns the token, for the link only: it is never stored
 */
export function createSignInLink(
	db: Pick<Db, 'insert'>,
	userId: number,
	now: Date = new Date()
): { token: string; expiresAt: Date } {
	const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
	const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS);
	db.insert(signInLinks)
		.values({ id: sessionIdFromToken(token), userId, expiresAt, createdAt: now })
		.run();
	return { token, expiresAt };
}

export type LinkProblem = 'unknown' | 'used' | 'expired';

/** Plain words for why a link does not work. */
export const LINK_PROBLEM_MESSAGES: Record<LinkProblem, string> = {
	unknown:
		'This sign-in link does not work. Check that you copied all of it, or ask your Patchwork administrator for a new one.',
	used: 'This sign-in link has been used already. Each link works once: sign in with your password, or ask your Patchwork administrator for a new link.',
	expired:
		'This sign-in link has expired: links work for 24 hours. Ask your Patchwork administrator for a new one.'
};

type LinkRow = {
	userId: number;
	expiresAt: Date;
	usedAt: Date | null;
	disabled: boolean;
	displayName: string;
};

function findLink(db: Pick<Db, 'select'>, token: string): LinkRow | undefined {
	if (!LINK_TOKEN_PATTERN.test(token)) return undefined;
	return db
		.select({
			userId: signInLinks.userId,
			expiresAt: signInLinks.expiresAt,
			usedAt: signInLinks.usedAt,
			disabled: users.disabled,
			displayName: users.displayName
		})
		.from(signInLinks)
		.innerJoin(users, eq(users.id, signInLinks.userId))
		.where(eq(signInLinks.id, sessionIdFromToken(token)))
		.get();
}

function problemOf(link: LinkRow | undefined, now: Date): LinkProblem | null {
	// A disabled user's link says no more than an unknown one.
	if (!link || link.disabled) return 'unknown';
	if (link.usedAt) return 'used';
	if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
	return null;
}

/** Whether a link would work, without using it: for the page the link opens. */
export function checkSignInLink(
	db: Db,
	token: string,
	now: Date = new Date()
): { ok: true; displayName: string } | { ok: false; problem: LinkProblem } {
	const link = findLink(db, token);
	const problem = problemOf(link, now);
	return problem ? { ok: false, problem } : { ok: true, displayName: link!.displayName };
}

/**
 * Use a link: mark it used and start a session, in one transaction, so two clicks at once cannot both
 * sign in. The session starts at the same instant the link is marked used, which is how the password
 * page knows this session came from a link (sessionBeganWithLink).
 */
export function useSignInLink(
	db: Db,
	token: string,
	now: Date = new Date()
):
	| { ok: true; user: SessionUser; token: string; session: SessionInfo }
	| { ok: false; problem: LinkProblem } {
	return db.transaction((tx) => {
		const link = findLink(tx, token);
		const problem = problemOf(link, now);
		if (problem) return { ok: false as const, problem };
		const marked = tx
			.update(signInLinks)
			.set({ usedAt: now })
			.where(and(eq(signInLinks.id, sessionIdFromToken(token)), isNull(signInLinks.usedAt)))
			.run();
		if (marked.changes !== 1) return { ok: false as const, problem: 'used' as const };
		const user = tx.select().from(users).where(eq(users.id, link!.userId)).get()!;
		const started = createLoginSession(tx as unknown as Db, user.id, now);
		recordAccountEvent(tx, {
			action: 'user.signed_in',
			userId: user.id,
			detail: { via: 'sign-in link' }
		});
		return {
			ok: true as const,
			user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role },
			token: started.token,
			session: started.session
		};
	});
}

/**
 * Whether this session was started by a sign-in link less than an hour ago: then its user may set a
 * password without typing a current one (they have none they know).
 */
export function sessionBeganWithLink(
	db: Db,
	sessionId: string,
	userId: number,
	now: Date = new Date()
): boolean {
	const session = db
		.select({ createdAt: loginSessions.createdAt })
		.from(loginSessions)
		.where(and(eq(loginSessions.id, sessionId), eq(loginSessions.userId, userId)))
		.get();
	if (!session) return false;
	if (now.getTime() - session.createdAt.getTime() > SET_PASSWORD_WINDOW_MS) return false;
	const link = db
		.select({ id: signInLinks.id })
		.from(signInLinks)
		.where(and(eq(signInLinks.userId, userId), eq(signInLinks.usedAt, session.createdAt)))
		.get();
	return link !== undefined;
}

/** A user's newest link that still works, if any: the admin page says "waiting for first sign-in". */
export function findOpenSignInLink(
	db: Db,
	userId: number,
	now: Date = new Date()
): { expiresAt: Date } | null {
	return (
		db
			.select({ expiresAt: signInLinks.expiresAt })
			.from(signInLinks)
			.where(
				and(
					eq(signInLinks.userId, userId),
					isNull(signInLinks.usedAt),
					gt(signInLinks.expiresAt, now)
				)
			)
			.orderBy(desc(signInLinks.expiresAt))
			.get() ?? null
	);
}
