/**
 * Counting attempts (sign-ins, suggestions) per key in the rate_limits table, so a count survives a
 * restart and every process on the database file shares it (a council may run two). Each function
 * is one SQL statement: SQLite runs it whole, so two processes, or two requests in one, can never
 * both read a count and then both write it. Count before the slow work (a password check), never
 * after it, or a burst gets through while the count lags.
 */
import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rateLimits } from '../db/schema';

export interface Counted {
	/** Attempts in the key's current window, this one included. */
	count: number;
	/** When the current window started (ms since the epoch). */
	windowStartedAt: number;
	/** Until when the key is blocked (ms), or null. */
	blockedUntil: number | null;
}

/**
 * A key for the table: what is limited, then a SHA-256 of whom it counts (an address, an email), so
 * the table never holds an email address, or a password typed into the email field.
 * @example limitKey('sign-in:address', '192.0.2.1') // 'sign-in:address:3kT…' (22 characters)
 */
export function limitKey(scope: string, ...parts: string[]): string {
	const digest = createHash('sha256').update(parts.join('\u0000')).digest('base64url');
	return `${scope}:${digest.slice(0, 22)}`;
}

const ms = (value: Date | null) => (value === null ? null : value.getTime());

let sinceSweep = 0;

/**
 * Counts one attempt against `key`: the first of a new window when the last window is over.
 * @returns the count with this attempt in it, and the key's window and block
 */
export function countAttempt(db: Db, key: string, windowMs: number, now: number): Counted {
	// Now and then, forget keys whose window and block are long over.
	if (++sinceSweep >= 1000) {
		sinceSweep = 0;
		sweepRateLimits(db, now);
	}
	const over = sql`${rateLimits.windowStartedAt} <= ${now - windowMs}`;
	const [row] = db
		.insert(rateLimits)
		.values({ key, count: 1, windowStartedAt: new Date(now), blockedUntil: null })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`CASE WHEN ${over} THEN 1 ELSE ${rateLimits.count} + 1 END`,
				windowStartedAt: sql`CASE WHEN ${over} THEN ${now} ELSE ${rateLimits.windowStartedAt} END`
			}
		})
		.returning()
		// .all(), not .get(): it runs the statement to its end, so a failed write throws.
		.all();
	return {
		count: row.count,
		windowStartedAt: row.windowStartedAt.getTime(),
		blockedUntil: ms(row.blockedUntil)
	};
}

/** The attempts in the key's current window, without counting one (0 when there are none). */
export function currentCount(db: Db, key: string, windowMs: number, now: number): number {
	const row = db
		.select({ count: rateLimits.count })
		.from(rateLimits)
		.where(and(eq(rateLimits.key, key), gt(rateLimits.windowStartedAt, new Date(now - windowMs))))
		.get();
	return row?.count ?? 0;
}

/** Takes back one attempt that was counted but not made (never below zero). */
export function refundAttempt(db: Db, key: string): void {
	db.update(rateLimits)
		.set({ count: sql`max(${rateLimits.count} - 1, 0)` })
		.where(eq(rateLimits.key, key))
		.run();
}

/**
 * Blocks the key until `until`, unless it is blocked already: of many callers at once, in one
 * process or several, exactly one gets true (and may go ahead); the others find it blocked.
 */
export function claimBlock(db: Db, key: string, until: number, now: number): boolean {
	const claimed = db
		.update(rateLimits)
		.set({ blockedUntil: new Date(until) })
		.where(
			and(
				eq(rateLimits.key, key),
				or(isNull(rateLimits.blockedUntil), lte(rateLimits.blockedUntil, new Date(now)))
			)
		)
		.run();
	return claimed.changes === 1;
}

/** Until when the key is blocked (ms), or null. */
export function blockedUntil(db: Db, key: string): number | null {
	const row = db
		.select({ until: rateLimits.blockedUntil })
		.from(rateLimits)
		.where(eq(rateLimits.key, key))
		.get();
	return ms(row?.until ?? null);
}

/** Forgets the key: its count and its block. */
export function clearKey(db: Db, key: string): void {
	db.delete(rateLimits).where(eq(rateLimits.key, key)).run();
}

/** Deletes keys untouched for two days and not blocked. Returns how many. */
export function sweepRateLimits(db: Db, now: number): number {
	const old = new Date(now - 2 * 24 * 3600_000);
	return db
		.delete(rateLimits)
		.where(
			and(
				lt(rateLimits.windowStartedAt, old),
				or(isNull(rateLimits.blockedUntil), lt(rateLimits.blockedUntil, new Date(now)))
			)
		)
		.run().changes;
}
