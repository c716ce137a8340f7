import { building, dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import {
	authenticate,
	deleteSessionCookie,
	SESSION_COOKIE_NAME,
	setSessionCookie
} from '$lib/server/auth';
import { getDb, initDatabase } from '$lib/server/db';
import { DatabaseFileError } from '$lib/server/db/client';
import { DemoDataError } from '$lib/server/demo/seed';
import { startDailyJobs } from '$lib/server/jobs';
import { loadCommonPasswords } from '$lib/server/auth/password';
import {
	createSmtpTransport,
	setEmailRunner,
	smtpConfigFromEnv,
	SmtpConfigError,
	startEmailRunner
} from '$lib/server/email';
import { handleSecurityHeaders, isEmbedPath } from '$lib/server/http/security-headers';
import { closeOnShutdown } from '$lib/server/shutdown';
import { createRequestLog, logFormatFromEnv } from '$lib/server/http/request-log';
import { busyErrorMessage, handleBusy } from '$lib/server/http/busy';
import { createPageCache } from '$lib/server/http/page-cache';

/**
 * Opens (migrating and, when empty, seeding) the database before the first request, then starts the
 * daily jobs (auto-archive, forgetting suggestion submitters): once now, then every 24 hours.
 */
export const init: ServerInit = async () => {
	try {
		await initDatabase();
		startDailyJobs(getDb, env);
	} catch (error) {
		if (error instanceof DatabaseFileError || error instanceof DemoDataError) {
			// A plain message, no stack trace: the person starting the server can act on it.
			console.error(`Patchwork could not start.\n${error.message}`);
			process.exit(1);
		}
		throw error;
	}
	try {
		// Read now, so a missing list stops the start rather than the first password change, and a
		// mistyped LOG_FORMAT stops it rather than the first request.
		loadCommonPasswords();
		logFormatFromEnv(env);
	} catch (error) {
		console.error(`Patchwork could not start.\n${(error as Error).message}`);
		process.exit(1);
	}
	startEmail();
	if (!building) closeOnShutdown();
};

/** Send the outbox every minute when SMTP is set up; without SMTP_HOST, email stays in the outbox. */
function startEmail(): void {
	if (building) return;
	try {
		const config = smtpConfigFromEnv(env);
		if (!config) return;
		setEmailRunner(
			startEmailRunner({ getDb, transport: createSmtpTransport(config), from: config.from })
		);
	} catch (error) {
		if (!(error instanceof SmtpConfigError)) throw error;
		console.error(`Patchwork could not start.\n${error.message}`);
		process.exit(1);
	}
}

/**
 * Reads the page's language from its URL (/cy/... is Welsh) and writes it into `<html lang>`. The
 * middleware keeps the locale for the request, so `getLocale()` and the messages agree on the server.
 */
const handleLanguage: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	});

const handleSession: Handle = async ({ event, resolve }) => {
	// An embeddable widget sits in other websites: it reads no session and sets no cookie, even for
	// someone signed in here.
	if (isEmbedPath(event.url.pathname)) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const token = event.cookies.get(SESSION_COOKIE_NAME);
	const result = authenticate(getDb(), token);
	if (result?.renewed && token)
		setSessionCookie(event.cookies, token, result.session.expiresAt, !dev);
	if (!result && token) deleteSessionCookie(event.cookies, !dev);
	event.locals.user = result?.user ?? null;
	event.locals.session = result?.session ?? null;

	const response = await resolve(event);
	// Pages that depend on who is signed in must not be cached by shared caches.
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

/** One log line per request (request-log.ts), made on first use: env is read at run time, not build. */
let requestLog: Handle | undefined;
const handleRequestLog: Handle = (input) => (requestLog ??= createRequestLog(env))(input);

/** Public pages kept whole until the next write, for visitors with no cookie (page-cache.ts). */
const handlePageCache = createPageCache(getDb);

export const handle = sequence(
	handleRequestLog,
	handleSecurityHeaders,
	handleBusy,
	handlePageCache,
	handleLanguage,
	handleSession
);

/** Unexpected errors: logged with an id, shown to people as a plain sentence, never a stack trace. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Page not found' };
	const errorId = crypto.randomUUID().slice(0, 8);
	// A write that could not get the lock in time: a 503 "try again", logged in one line.
	const busy = busyErrorMessage(error, event);
	if (busy) {
		console.error(`Error ${errorId}: database busy (${(error as Error).message})`);
		return { message: busy, errorId, busy: true };
	}
	console.error(`Error ${errorId}:`, error);
	return {
		message: status >= 500 ? 'Sorry, there is a problem with the service' : message,
		errorId
	};
};
