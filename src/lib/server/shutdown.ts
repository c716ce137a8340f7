/**
 * Shutting down cleanly on SIGTERM or SIGINT. adapter-node stops accepting connections, lets requests
 * under way finish (for up to SHUTDOWN_TIMEOUT seconds, 30 by default, then closes what is left) and
 * then emits `sveltekit:shutdown`; here the timers and the sizing threads stop, waiting counts are
 * written, and the database is checkpointed and closed, after which nothing holds the process open and it exits with code 0.
 */
import { closeDatabase, getDb, isDatabaseOpen } from './db';
import { flushEmptySearches } from './gaps/demand';
import { setEmailRunner } from './email';
import { stopDailyJobs } from './jobs';
import { closeSizingPool } from './sizing-threads';

let installed = false;

/** Listens for adapter-node's shutdown event, once per process. */
export function closeOnShutdown(log: (line: string) => void = console.log): void {
	if (installed) return;
	installed = true;
	process.once('sveltekit:shutdown', (reason: unknown) => {
		stopDailyJobs();
		setEmailRunner(null);
		// The threads would keep the process alive; a check under way has no one left to answer.
		void closeSizingPool();
		// Counts of searches that found nothing wait up to a second to be written: write them now.
		if (isDatabaseOpen()) flushEmptySearches(getDb());
		try {
			closeDatabase();
			log(`Patchwork stopped (${String(reason)}): requests under way finished, database closed.`);
		} catch (error) {
			// The process is ending either way; SQLite recovers the log on the next start.
			log(
				`Patchwork stopped (${String(reason)}), but the database did not close cleanly: ${(error as Error).message}`
			);
		}
	});
}
