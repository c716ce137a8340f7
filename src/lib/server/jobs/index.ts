/**
 * The daily jobs: auto-archive unchecked entries, ask the people who run entries due a check whether
 * they are still right (and remind them after 14 days), and forget suggestion submitters 90 days after
 * their suggestion closed. They run once when the server starts and then every 24 hours; never two runs at
 * once; an error is logged and never stops the server. Each job's run writes a job_runs row with its
 * counts and one log line.
 *
 * PATCHWORK_JOBS=off stops the timer (for a deployment that runs them elsewhere, or the browser tests,
 * whose fixed demo dates would otherwise be archived under them).
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { londonDate } from '../../domain/sessions';
import { autoArchiveUnchecked, type AutoArchiveSummary } from './auto-archive';
import { forgetOldSubmitters, type ForgetSubmittersSummary } from './forget-submitters';
import { askEntriesDueCheck, type AskDueSummary } from '../staff/check-requests';
import { getFreshnessSettings } from '../staff/freshness';
import { deleteOldEmptySearches } from '../gaps/demand';

export const JOB_NAMES = {
	autoArchive: 'auto-archive',
	askGroups: 'ask-groups',
	forgetSubmitters: 'forget-submitters',
	forgetEmptySearches: 'forget-empty-searches'
} as const;
const DAY_MS = 24 * 60 * 60 * 1000;

function record(db: Db, job: string, summary: object): void {
	db.insert(t.jobRuns)
		.values({ job, summary: summary as Record<string, unknown> })
		.run();
}

export interface DailyJobsResult {
	autoArchive: AutoArchiveSummary;
	/** Null when there is no site address to put in the links (ORIGIN unset). */
	askGroups: (AskDueSummary & { today: string }) | null;
	forgetSubmitters: ForgetSubmittersSummary;
	forgetEmptySearches: { cutoff: string; deleted: number };
}

/**
 * Run the jobs once, for `today` (a London date), each in its own transaction(s), each recorded.
 * Throws if a job fails (that job writes nothing; one that ran before it stays done).
 * @param origin the site's address for the links in emails; without it nobody is asked
 */
export function runDailyJobs(
	db: Db,
	today: string = londonDate(new Date()),
	log: (line: string) => void = console.log,
	{ origin, now = new Date() }: { origin?: string; now?: Date } = {}
): DailyJobsResult {
	const autoArchive = autoArchiveUnchecked(db, today);
	record(db, JOB_NAMES.autoArchive, autoArchive);
	log(
		`[jobs] auto-archive ${today}: ${autoArchive.archived} entr${autoArchive.archived === 1 ? 'y' : 'ies'} not checked since before ${autoArchive.cutoff} archived`
	);
	let askGroups: DailyJobsResult['askGroups'] = null;
	if (origin) {
		const settings = getFreshnessSettings(db);
		askGroups = { today, ...askEntriesDueCheck(db, { today, settings, origin, now }) };
		record(db, JOB_NAMES.askGroups, askGroups);
		log(
			`[jobs] ask-groups ${today}: ${askGroups.asked} entr${askGroups.asked === 1 ? 'y' : 'ies'} due a check asked by email, ${askGroups.reminded} reminder${askGroups.reminded === 1 ? '' : 's'} sent`
		);
	} else {
		log('[jobs] ask-groups: skipped, ORIGIN is not set so emails could not link to the site');
	}
	const forgetSubmitters = forgetOldSubmitters(db, today);
	record(db, JOB_NAMES.forgetSubmitters, forgetSubmitters);
	log(
		`[jobs] forget-submitters ${today}: ${forgetSubmitters.cleared} closed suggestion${forgetSubmitters.cleared === 1 ? '' : 's'} lost their sender's name and email`
	);
	const forgetEmptySearches = deleteOldEmptySearches(db, today);
	record(db, JOB_NAMES.forgetEmptySearches, forgetEmptySearches);
	log(
		`[jobs] forget-empty-searches ${today}: ${forgetEmptySearches.deleted} record${forgetEmptySearches.deleted === 1 ? '' : 's'} of searches before ${forgetEmptySearches.cutoff} deleted`
	);
	return { autoArchive, askGroups, forgetSubmitters, forgetEmptySearches };
}

/** The last run of a job, with its summary, or null. */
export function getLastJobRun(db: Db, job: string) {
	return (
		db
			.select()
			.from(t.jobRuns)
			.where(eq(t.jobRuns.job, job))
			.orderBy(desc(t.jobRuns.ranAt), desc(t.jobRuns.id))
			.get() ?? null
	);
}

/** A runner: `run()` never overlaps itself and never throws. */
export function createJobRunner(
	getDb: () => Db,
	{
		today = () => londonDate(new Date()),
		log = console.log,
		logError = console.error,
		origin
	}: {
		origin?: string;
		today?: () => string;
		log?: (line: string) => void;
		logError?: (...args: unknown[]) => void;
	} = {}
) {
	let running = false;
	return {
		get running() {
			return running;
		},
		/** Runs the jobs unless a run is under way; false when it skipped or failed. */
		run(): boolean {
			if (running) return false;
			running = true;
			try {
				runDailyJobs(getDb(), today(), log, { origin });
				return true;
			} catch (error) {
				logError('[jobs] the daily jobs failed:', error);
				return false;
			} finally {
				running = false;
			}
		}
	};
}

let started: { stop(): void } | null = null;

/**
 * Start the daily jobs once per process: a first run now (after the current tick, so start-up is not
 * held up), then every 24 hours. The timer is unref'd so it never keeps the process alive.
 */
export function startDailyJobs(getDb: () => Db, env: Record<string, string | undefined>): void {
	if (started || env.PATCHWORK_JOBS === 'off') return;
	const runner = createJobRunner(getDb, { origin: env.ORIGIN?.trim() || undefined });
	const first = setTimeout(() => runner.run(), 0);
	const daily = setInterval(() => runner.run(), DAY_MS);
	first.unref();
	daily.unref();
	started = {
		stop() {
			clearTimeout(first);
			clearInterval(daily);
		}
	};
}

/** Stops the daily jobs' timers (at shutdown); a run under way is synchronous, so it has finished. */
export function stopDailyJobs(): void {
	started?.stop();
	started = null;
}
