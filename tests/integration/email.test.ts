/**
 * Email end to end: a real SMTP server (smtp-server) in this process on a loopback port, the real
 * nodemailer transport Patchwork uses, and the outbox in a fresh database. Checks what the server
 * received, and that a refused message keeps its error and follows the retry schedule, never lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import type { Db } from '../../src/lib/server/db/client';
import { outbox } from '../../src/lib/server/db/schema';
import {
	createSmtpTransport,
	queueEmail,
	retryNow,
	sendQueued,
	smtpConfigFromEnv,
	startEmailRunner,
	SmtpConfigError,
	type MailTransport
} from '../../src/lib/server/email';
import { bodyOf, header, startSmtpServer } from './smtp-fixture';

let db: Db;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;

beforeEach(() => {
	db = createTestDb();
});
afterEach(async () => {
	await smtp?.close();
	smtp = undefined;
});

const FROM = 'Patchwork <patchwork@fennick-vale.example>';
const now = new Date('2026-11-25T10:00:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

function transportFor(port: number, auth = true) {
	const config = smtpConfigFromEnv({
		SMTP_HOST: '127.0.0.1',
		SMTP_PORT: String(port),
		SMTP_FROM: FROM,
		...(auth ? { SMTP_USER: 'patchwork', SMTP_PASSWORD: 'smtp-secret' } : {})
	});
	if (!config) throw new Error('expected a configuration');
	return createSmtpTransport(config);
}

const rowOf = (id: number) => db.select().from(outbox).where(eq(outbox.id, id)).get()!;

describe('sending the outbox over SMTP', () => {
	it('delivers a queued message: the server receives its address, subject and body, and it is marked sent', async () => {
		smtp = await startSmtpServer();
		const link = 'http://localhost:3000/login/link/Abcdefghijklmnopqrstuvwxyz0123456789_-ABCDEFG';
		const id = db.transaction((tx) =>
			queueEmail(tx, {
				to: 'Sam.Jones@Example.org',
				subject: 'Your Patchwork account',
				text: `Hello Sam,\n\nSign in once with this link, within 24 hours:\n${link}\n`
			})
		);
		expect(rowOf(id)).toMatchObject({ status: 'queued', attempts: 0, sentAt: null });

		const report = await sendQueued(db, transportFor(smtp.port), now, { from: FROM });

		expect(report).toEqual({ sent: 1, failed: 0 });
		expect(smtp.logins).toEqual(['patchwork']);
		expect(smtp.received).toHaveLength(1);
		const [message] = smtp.received;
		expect(message.to).toEqual(['sam.jones@example.org']);
		expect(message.from).toBe('patchwork@fennick-vale.example');
		expect(header(message.raw, 'Subject')).toBe('Your Patchwork account');
		expect(header(message.raw, 'To')).toBe('sam.jones@example.org');
		expect(bodyOf(message.raw)).toContain('Sign in once with this link, within 24 hours:');
		expect(bodyOf(message.raw)).toContain(link);
		expect(rowOf(id)).toMatchObject({
			status: 'sent',
			attempts: 1,
			sentAt: now.toISOString(),
			lastError: null
		});

		// Sent once: the next run has nothing to do.
		expect(await sendQueued(db, transportFor(smtp.port), minutes(5), { from: FROM })).toEqual({
			sent: 0,
			failed: 0
		});
		expect(smtp.received).toHaveLength(1);
	});

	it('keeps the error of a refused message and retries after 1, 5, 30, 120 and 720 minutes, then marks it failed and keeps it', async () => {
		smtp = await startSmtpServer({ refuse: true });
		const transport = transportFor(smtp.port);
		const id = queueEmail(db, { to: 'group@example.org', subject: 'Still right?', text: 'Hello' });

		let at = now;
		const waits: number[] = [];
		for (let attempt = 1; attempt <= 6; attempt++) {
			// Not due yet: one millisecond early, nothing is tried.
			if (attempt > 1) {
				const early = new Date(at.getTime() - 1);
				expect(await sendQueued(db, transport, early, { from: FROM })).toEqual({
					sent: 0,
					failed: 0
				});
			}
			expect(await sendQueued(db, transport, at, { from: FROM })).toEqual({ sent: 0, failed: 1 });
			const row = rowOf(id);
			expect(row.attempts).toBe(attempt);
			expect(row.lastError).toMatch(/550/);
			expect(row.lastError).toMatch(/group@example\.org unavailable/);
			if (row.nextAttemptAt) {
				const next = new Date(row.nextAttemptAt);
				waits.push((next.getTime() - at.getTime()) / 60_000);
				at = next;
			}
		}
		expect(waits).toEqual([1, 5, 30, 120, 720]);
		expect(rowOf(id)).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null });
		expect(smtp.received).toEqual([]);

		// Kept, never dropped; "Try again now" queues it for one more try, and it goes once the server takes it.
		await smtp.close();
		smtp = await startSmtpServer();
		expect(retryNow(db, id, minutes(2000))).toBe(true);
		expect(await sendQueued(db, transportFor(smtp.port), minutes(2000), { from: FROM })).toEqual({
			sent: 1,
			failed: 0
		});
		expect(rowOf(id)).toMatchObject({ status: 'sent', attempts: 7, lastError: null });
		expect(retryNow(db, id)).toBe(false);
	});

	it('records a wrong SMTP password as the error, and keeps the message', async () => {
		smtp = await startSmtpServer();
		const config = smtpConfigFromEnv({
			SMTP_HOST: '127.0.0.1',
			SMTP_PORT: String(smtp.port),
			SMTP_FROM: FROM,
			SMTP_USER: 'patchwork',
			SMTP_PASSWORD: 'wrong'
		})!;
		const id = queueEmail(db, { to: 'a@example.org', subject: 'S', text: 'T' });
		await sendQueued(db, createSmtpTransport(config), now, { from: FROM });
		expect(rowOf(id)).toMatchObject({ status: 'queued', attempts: 1 });
		expect(rowOf(id).lastError).toMatch(/Invalid username or password/);
		// The password is never written down.
		expect(JSON.stringify(db.select().from(outbox).all())).not.toContain('smtp-secret');
	});

	it('a queued message rolls back with the change it belongs to', () => {
		expect(() =>
			db.transaction((tx) => {
				queueEmail(tx, { to: 'a@example.org', subject: 'S', text: 'T' });
				throw new Error('the change failed');
			})
		).toThrow('the change failed');
		expect(db.select().from(outbox).all()).toEqual([]);
	});
});

describe('the SMTP settings', () => {
	it('sends nothing without SMTP_HOST: messages stay in the outbox', () => {
		expect(smtpConfigFromEnv({})).toBeNull();
		expect(smtpConfigFromEnv({ SMTP_HOST: '  ' })).toBeNull();
	});

	it('reads host, port, security, login and sender', () => {
		expect(
			smtpConfigFromEnv({
				SMTP_HOST: 'smtp.example.org',
				SMTP_SECURE: 'true',
				SMTP_USER: 'u',
				SMTP_PASSWORD: 'p',
				SMTP_FROM: FROM
			})
		).toEqual({
			host: 'smtp.example.org',
			port: 465,
			secure: true,
			auth: { user: 'u', pass: 'p' },
			from: FROM
		});
		expect(smtpConfigFromEnv({ SMTP_HOST: 'h', SMTP_FROM: FROM })).toMatchObject({
			port: 587,
			secure: false,
			auth: null
		});
	});

	it('says what is wrong with a bad setting', () => {
		expect(() => smtpConfigFromEnv({ SMTP_HOST: 'h', SMTP_FROM: FROM, SMTP_PORT: 'x' })).toThrow(
			SmtpConfigError
		);
		expect(() => smtpConfigFromEnv({ SMTP_HOST: 'h' })).toThrow(/SMTP_FROM/);
		expect(() => smtpConfigFromEnv({ SMTP_HOST: 'h', SMTP_FROM: FROM, SMTP_USER: 'u' })).toThrow(
			/SMTP_PASSWORD/
		);
	});
});

describe('the runner', () => {
	it('never overlaps runs: two at once send each message once', async () => {
		const sent: string[] = [];
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const slow: MailTransport = {
			async sendMail(message) {
				await gate;
				sent.push(message.to);
			}
		};
		queueEmail(db, { to: 'one@example.org', subject: 'S', text: 'T' });
		queueEmail(db, { to: 'two@example.org', subject: 'S', text: 'T' });
		const runner = startEmailRunner({ getDb: () => db, transport: slow, from: FROM });
		try {
			const second = runner.runNow();
			release();
			await second;
			expect(sent.sort()).toEqual(['one@example.org', 'two@example.org']);
			expect(
				db
					.select()
					.from(outbox)
					.all()
					.map((m) => m.status)
			).toEqual(['sent', 'sent']);
		} finally {
			runner.stop();
		}
	});
});
