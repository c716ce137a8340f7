/**
 * The outbox: every email Patchwork sends is written here first, inside the transaction of the change
 * that causes it, so a message exists exactly when its change does. The sender (send.ts) takes it from
 * here; with no SMTP server set up, it stays here for administrators to read.
 */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { outbox } from '../db/schema';
import type { Db } from '../db/client';
import { emailSchema } from '../auth/users';

export type OutboxMessage = typeof outbox.$inferSelect;

export const emailMessageSchema = z.object({
	to: emailSchema,
	subject: z.string().trim().min(1, 'An email needs a subject').max(200),
	text: z.string().min(1, 'An email needs a body').max(100_000)
});
export type EmailMessage = z.input<typeof emailMessageSchema>;

/**
 * Queue an email. Pass the transaction (`tx`) of the change it belongs to: if that change rolls back,
 * so does the email.
 * @returns the outbox id
 * @throws ZodError when the address, subject or body is unusable (a programming error)
 */
export function queueEmail(db: Pick<Db, 'insert'>, message: EmailMessage): number {
	const { to, subject, text } = emailMessageSchema.parse(message);
	const result = db
		.insert(outbox)
		.values({ toAddress: to, subject, bodyText: text, status: 'queued' })
		.run();
	if (result.changes !== 1) throw new Error('The email could not be queued');
	return Number(result.lastInsertRowid);
}

export const OUTBOX_PAGE_SIZE = 50;

/** A page of the outbox, newest first, with the total, for the admin page. */
export function listOutbox(db: Db, page = 1): { messages: OutboxMessage[]; total: number } {
	const total = db.select({ n: count() }).from(outbox).get()?.n ?? 0;
	const messages = db
		.select()
		.from(outbox)
		.orderBy(desc(outbox.id))
		.limit(OUTBOX_PAGE_SIZE)
		.offset((page - 1) * OUTBOX_PAGE_SIZE)
		.all();
	return { messages, total };
}

/** One message, or null. */
export function getOutboxMessage(db: Db, id: number): OutboxMessage | null {
	return db.select().from(outbox).where(eq(outbox.id, id)).get() ?? null;
}

/**
 * Put a failed (or waiting) message back at the front of the queue, to be tried at the next run. Its
 * attempts and last error are kept, so the page still shows what happened.
 * @returns false when there is no such message or it was sent already
 */
export function retryNow(db: Db, id: number, now: Date = new Date()): boolean {
	const result = db
		.update(outbox)
		.set({ status: 'queued', nextAttemptAt: now.toISOString() })
		.where(and(eq(outbox.id, id), inArray(outbox.status, ['queued', 'failed'])))
		.run();
	return result.changes === 1;
}
