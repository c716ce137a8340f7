/**
 * The periodic sender: every minute, send what is due in the outbox. Runs never overlap (a slow SMTP
 * server cannot pile them up), and the timer is unref'd so it never keeps the process alive.
 */
import type { Db } from '../db/client';
import { sendQueued, type MailTransport, type SendReport } from './send';

export const EMAIL_RUN_INTERVAL_MS = 60_000;

export interface EmailRunner {
	/** One run now (or wait for the one under way), e.g. for "Try again now". */
	runNow(only?: number): Promise<SendReport>;
	stop(): void;
}

/**
 * Start sending. The first run is straight away, then one every `intervalMs`.
 * @param getDb the database (called on each run, so tests can swap it)
 */
export function startEmailRunner({
	getDb,
	transport,
	from,
	intervalMs = EMAIL_RUN_INTERVAL_MS,
	log = console
}: {
	getDb: () => Db;
	transport: MailTransport;
	from: string;
	intervalMs?: number;
	log?: Pick<Console, 'error'>;
}): EmailRunner {
	let running: Promise<SendReport> | null = null;
	const run = (only?: number): Promise<SendReport> => {
		if (running) return running.then(() => run(only));
		running = sendQueued(getDb(), transport, new Date(), { from, only })
			.catch((error: unknown) => {
				log.error('Sending email failed:', error);
				return { sent: 0, failed: 0 };
			})
			.finally(() => {
				running = null;
			});
		return running;
	};
	const tick = () => {
		// Overlap guard: a run still going when the next minute comes is left to finish.
		if (!running) void run();
	};
	const timer = setInterval(tick, intervalMs);
	timer.unref();
	tick();
	return {
		runNow: run,
		stop: () => clearInterval(timer)
	};
}

let current: EmailRunner | null = null;

/** The runner the server started, if email is set up (hooks.server.ts). */
export function setEmailRunner(runner: EmailRunner | null): void {
	current?.stop();
	current = runner;
}

/** The running sender, or null when no SMTP server is set up (messages stay in the outbox). */
export function getEmailRunner(): EmailRunner | null {
	return current;
}
