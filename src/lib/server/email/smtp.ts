/**
 * SMTP settings from the environment, and the nodemailer transport made from them. Without SMTP_HOST
 * nothing is sent: messages stay in the outbox, where administrators can read them.
 */
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { MailTransport } from './send';

export interface SmtpConfig {
	host: string;
	port: number;
	/** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
	secure: boolean;
	auth: { user: string; pass: string } | null;
	from: string;
}

/** A problem with the SMTP_* variables, said in words for the person starting the server. */
export class SmtpConfigError extends Error {
	name = 'SmtpConfigError';
}

const portSchema = z.coerce.number().int().min(1).max(65535);

/**
 * The SMTP settings, or null when SMTP_HOST is not set (email stays in the outbox).
 * SMTP_PORT defaults to 465 with SMTP_SECURE=true and to 587 otherwise; SMTP_FROM is required.
 * @throws SmtpConfigError for a port that is not a number, a user without a password, or no SMTP_FROM
 */
export function smtpConfigFromEnv(env: Record<string, string | undefined>): SmtpConfig | null {
	const host = env.SMTP_HOST?.trim();
	if (!host) return null;
	const secure = ['true', '1', 'yes'].includes((env.SMTP_SECURE ?? '').trim().toLowerCase());
	const rawPort = env.SMTP_PORT?.trim() || (secure ? '465' : '587');
	const port = portSchema.safeParse(rawPort);
	if (!port.success) {
		throw new SmtpConfigError(`SMTP_PORT must be a port number from 1 to 65535, not "${rawPort}"`);
	}
	const user = env.SMTP_USER?.trim();
	const pass = env.SMTP_PASSWORD ?? '';
	if (user && !pass) throw new SmtpConfigError('SMTP_USER is set but SMTP_PASSWORD is not');
	const from = env.SMTP_FROM?.trim();
	if (!from) {
		throw new SmtpConfigError(
			'SMTP_FROM must say who emails come from, e.g. "Patchwork <patchwork@example.gov.uk>"'
		);
	}
	return { host, port: port.data, secure, auth: user ? { user, pass } : null, from };
}

/** A nodemailer SMTP transport, with timeouts short enough that a dead server cannot hang a run. */
export function createSmtpTransport(config: SmtpConfig): MailTransport {
	return nodemailer.createTransport({
		host: config.host,
		port: config.port,
		secure: config.secure,
		auth: config.auth ?? undefined,
		connectionTimeout: 15_000,
		greetingTimeout: 15_000,
		socketTimeout: 30_000
	});
}
