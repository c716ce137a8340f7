/**
 * Waiting for the write lock without stopping the site. better-sqlite3 is synchronous: while a
 * write waits in SQLite's busy_timeout, Node's one thread waits with it and every other request
 * queues behind (a command-line import holding the lock made a plain page take 7 seconds, issue 14).
 * So the web server keeps SQLite's own wait short (SERVER_BUSY_TIMEOUT_MS), and a write that still
 * finds the lock taken is tried again after a pause that leaves the thread free for other requests.
 * A write that cannot get the lock in time fails whole and the person sees "busy, try again" (503).
 */
import Database from 'better-sqlite3';

/** How long one attempt waits inside SQLite (blocking) before giving the thread back. */
export const SERVER_BUSY_TIMEOUT_MS = 50;

/** How long a write keeps trying, in all, before the person is told to try again. */
export const WRITE_RETRY_DEADLINE_MS = 20_000;

/** True when SQLite refused for a lock another connection holds: trying again later may work. */
export function isBusyError(error: unknown): boolean {
	if (!(error instanceof Database.SqliteError)) return false;
	return error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `write` (one statement or one transaction, so a refused attempt changed nothing), trying
 * again while the database is busy, pausing between tries without holding the thread.
 * @throws the busy error once `deadlineMs` has passed; any other error at once
 * @example const id = await whenWritable(() => createNewAssetSuggestion(db, data));
 */
export async function whenWritable<T>(
	write: () => T,
	{ deadlineMs = WRITE_RETRY_DEADLINE_MS }: { deadlineMs?: number } = {}
): Promise<T> {
	const started = Date.now();
	for (let attempt = 0; ; attempt++) {
		try {
			return write();
		} catch (error) {
			if (!isBusyError(error) || Date.now() - started >= deadlineMs) throw error;
		}
		// 10, 20, 40 … up to 200 ms, with jitter so waiting writes do not all retry at once.
		await pause(Math.min(200, 10 * 2 ** attempt) * (0.5 + Math.random()));
	}
}

/**
 * Runs several writes as one transaction that takes the write lock at its start (BEGIN IMMEDIATE),
 * so it either waits for the lock before doing anything or does it all; a deferred transaction that
 * reads first fails without waiting when another connection commits in between.
 */
export function writeTransaction<T>(
	db: { transaction: <R>(work: () => R, config?: { behavior?: 'immediate' }) => R },
	work: () => T
): T {
	return db.transaction(() => work(), { behavior: 'immediate' });
}
