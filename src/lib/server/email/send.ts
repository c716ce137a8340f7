/**
 * The sender: takes due messages from the outbox, sends each through a transport (nodemailer over
 * SMTP in production), and records what happened. A failure keeps the message with its error and
 * tries again later (src/lib/domain/email-retry.ts); nothing is ever deleted.
 */
import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import { outbox } from '../db/schema';
import type { Db } from '../db/client';
import { afterFailedAttempt } from '../../domain/email-retry';

/** What the sender needs of a transport: nodemailer's Transporter has it. */
export interface MailTransport {
	sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** How many messages one run sends at most, so a long queue cannot hold the server for long. */
export const SEND_BATCH = 20;

/** Errors are kept for the admin page; long SMTP transcripts are cut. */
const MAX_ERROR_LENGTH = 1000;

export interface SendReport {
	sent: number;
	failed: number;
}

function errorText(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/**
 * Send the queued messages that are due (oldest first). Each is marked sent, or keeps its error and
 * gets its next try, or after the last try becomes "failed".
 * @param from the sender address (SMTP_FROM)
 * @param only one message id, for "Try again now"
 */
export async function sendQueued(
	db: Db,
	transport: MailTransport,
	now: Date = new Date(),
	{ from, only }: { from: string; only?: number }
): Promise<SendReport> {
	const due = db
		.select()
		.from(outbox)
		.where(
			and(
				eq(outbox.status, 'queued'),
				or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now.toISOString())),
				only === undefined ? undefined : eq(outbox.id, only)
			)
		)
		.orderBy(asc(outbox.id))
		.limit(SEND_BATCH)
		.all();
	const report: SendReport = { sent: 0, failed: 0 };
	for (const message of due) {
		const attempts = message.attempts + 1;
		try {
			await transport.sendMail({
				from,
				to: message.toAddress,
				subject: message.subject,
				text: message.bodyText
			});
			db.update(outbox)
				.set({
					status: 'sent',
					attempts,
					sentAt: now.toISOString(),
					nextAttemptAt: null,
					lastError: null
				})
				.where(eq(outbox.id, message.id))
				.run();
			report.sent++;
		} catch (error) {
			const next = afterFailedAttempt(attempts, now);
			db.update(outbox)
				.set({
					status: next.status,
					attempts,
					nextAttemptAt: next.nextAttemptAt?.toISOString() ?? null,
					lastError: errorText(error)
				})
				.where(eq(outbox.id, message.id))
				.run();
			report.failed++;
		}
	}
	return report;
}
