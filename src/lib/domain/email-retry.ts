/**
 * When to try a failed email again: after 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours; after
 * that it is "failed", kept in the outbox for an administrator to read and try again. Never dropped.
 */

/** The waits after the 1st, 2nd … 5th failed try. */
export const RETRY_DELAYS_MS: readonly number[] = [
	60_000,
	5 * 60_000,
	30 * 60_000,
	2 * 60 * 60_000,
	12 * 60 * 60_000
];

/** The first try and one more after each wait: 6 in all. */
export const MAX_SEND_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** What becomes of a message after a failed try. */
export type AfterFailure =
	{ status: 'queued'; nextAttemptAt: Date } | { status: 'failed'; nextAttemptAt: null };

/**
 * The state of a message whose try number `attempts` (counting this one, from 1) has just failed.
 * @example afterFailedAttempt(1, new Date('2026-11-25T10:00:00Z')) // queued, next at 10:01
 * @example afterFailedAttempt(6, now) // { status: 'failed', nextAttemptAt: null }
 */
export function afterFailedAttempt(attempts: number, now: Date): AfterFailure {
	if (!Number.isInteger(attempts) || attempts < 1) {
		throw new RangeError(`Attempts must be a whole number from 1, not ${attempts}`);
	}
	const delay = RETRY_DELAYS_MS[attempts - 1];
	if (delay === undefined) return { status: 'failed', nextAttemptAt: null };
	return { status: 'queued', nextAttemptAt: new Date(now.getTime() + delay) };
}
