/**
 * Limits on signing in, counted in the database (src/lib/server/limits/store.ts) BEFORE the slow
 * password check, so a burst of attempts cannot get past them while checks run, a restart forgets
 * nothing, and every process on the database file shares them.
 *
 * - Per address: 10 attempts in 15 minutes. Past that, an address gets one password check every 10
 *   seconds (the slow lane): someone sharing an office or a proxy with an attacker still gets in
 *   with the right password after a short wait, never a 15-minute lock-out.
 * - Per account, from any address: 5 attempts free, then each one opens a wait that doubles (2
 *   seconds, 4, 8 …, at most 5 minutes) before the next is checked. Signing in clears it.
 * - Refusals are audited together: one row per key and window, with how many there were.
 * Refused attempts check no password at all, for known and unknown emails alike; a checked attempt
 * runs argon2 whether or not the email has an account (users.ts), so neither answer nor timing
 * tells whether an email has an account.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import {
	blockedUntil,
	claimBlock,
	clearKey,
	countAttempt,
	limitKey,
	refundAttempt
} from '../limits/store';
import { findUserByEmail } from './users';

const MINUTE = 60_000;

export const SIGN_IN_LIMITS = {
	perAddress: 10,
	addressWindowMs: 15 * MINUTE,
	/** A blocked address gets one password check per this long. */
	slowLaneMs: 10_000,
	freePerAccount: 5,
	/** An account's count starts again after a day with no attempt counted, or at a sign-in. */
	accountWindowMs: 24 * 60 * MINUTE,
	firstWaitMs: 2_000,
	longestWaitMs: 5 * MINUTE
} as const;

/** What a refused attempt may do next: wait, then try again. */
export interface SignInRefusal {
	scope: 'address' | 'account';
	retryAfterMs: number;
	message: string;
}

/** An admitted attempt's keys, to settle once the password has been checked. */
export interface SignInTicket {
	addressKey: string;
	accountKey: string;
}

export type SignInAdmission =
	{ ok: true; ticket: SignInTicket } | { ok: false; refusal: SignInRefusal };

/** "10 seconds", "1 minute", "5 minutes": a wait, rounded up, in plain words. */
export function waitWords(milliseconds: number): string {
	const seconds = Math.max(1, Math.ceil(milliseconds / 1000));
	if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	const minutes = Math.ceil(seconds / 60);
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The wait an account's `count`-th attempt opens (the first past the free ones waits 2 seconds). */
export function accountWaitMs(count: number): number {
	const past = count - SIGN_IN_LIMITS.freePerAccount - 1;
	return Math.min(
		SIGN_IN_LIMITS.firstWaitMs * 2 ** Math.max(0, past),
		SIGN_IN_LIMITS.longestWaitMs
	);
}

/**
 * Counts a sign-in attempt, before its password is checked.
 * @param address the client's address (behind a proxy, set ADDRESS_HEADER and XFF_DEPTH)
 * @returns a ticket to check the password with, or why not and for how long
 */
export function admitSignIn(
	db: Db,
	{ email, address, now = Date.now() }: { email: string; address: string; now?: number }
): SignInAdmission {
	const limits = SIGN_IN_LIMITS;
	const addressKey = limitKey('sign-in:address', address);
	const accountKey = limitKey('sign-in:account', email.trim().toLowerCase());

	const byAddress = countAttempt(db, addressKey, limits.addressWindowMs, now);
	if (byAddress.count > limits.perAddress) {
		const slowLane = countAttempt(
			db,
			limitKey('sign-in:slow-lane', address),
			limits.slowLaneMs,
			now
		);
		if (slowLane.count > 1) {
			auditRefusal(db, addressKey, byAddress.windowStartedAt, { scope: 'address', address });
			const retryAfterMs = slowLane.windowStartedAt + limits.slowLaneMs - now;
			return refuse('address', retryAfterMs);
		}
	}

	const byAccount = countAttempt(db, accountKey, limits.accountWindowMs, now);
	const blocked =
		(byAccount.blockedUntil !== null && byAccount.blockedUntil > now) ||
		(byAccount.count > limits.freePerAccount &&
			!claimBlock(db, accountKey, now + accountWaitMs(byAccount.count), now));
	if (blocked) {
		// Not checked, so not counted: the waits grow with checked guesses, not with refusals.
		refundAttempt(db, accountKey);
		const userId = findUserByEmail(db, email)?.id ?? null;
		auditRefusal(db, accountKey, byAccount.windowStartedAt, { scope: 'account', userId });
		return refuse('account', (blockedUntil(db, accountKey) ?? now) - now);
	}
	return { ok: true, ticket: { addressKey, accountKey } };
}

function refuse(scope: SignInRefusal['scope'], retryAfterMs: number): SignInAdmission {
	const wait = waitWords(retryAfterMs);
	const message =
		scope === 'address'
			? `Too many attempts from your network. Wait ${wait} and try again.`
			: `Too many attempts to sign in to this account. Wait ${wait} and try again.`;
	return { ok: false, refusal: { scope, retryAfterMs, message } };
}

/**
 * Settles an admitted attempt once its password is checked: a sign-in gives its address back the
 * attempt and starts its account's count again; a failure stays counted.
 */
export function settleSignIn(db: Db, ticket: SignInTicket, signedIn: boolean): void {
	if (!signedIn) return;
	refundAttempt(db, ticket.addressKey);
	clearKey(db, ticket.accountKey);
}

/**
 * One audit row per key and window, counting its refusals: an attack of thousands of attempts
 * leaves one row, not thousands. Never the typed email: the account's user id when it has one.
 */
function auditRefusal(
	db: Db,
	key: string,
	windowStartedAt: number,
	detail: { scope: 'address'; address: string } | { scope: 'account'; userId: number | null }
): void {
	const entityId = `${key}@${windowStartedAt}`;
	db.transaction(
		(tx) => {
			const counted = tx
				.update(auditLog)
				.set({
					detail: sql`json_set(${auditLog.detail}, '$.refused', coalesce(json_extract(${auditLog.detail}, '$.refused'), 0) + 1)`
				})
				.where(and(eq(auditLog.entity, 'rate_limit'), eq(auditLog.entityId, entityId)))
				.run();
			if (counted.changes > 0) return;
			tx.insert(auditLog)
				.values({
					userId: null,
					action: 'user.sign_in_refused',
					entity: 'rate_limit',
					entityId,
					detail: {
						...detail,
						windowStartedAt: new Date(windowStartedAt).toISOString(),
						refused: 1
					}
				})
				.run();
		},
		{ behavior: 'immediate' }
	);
}
