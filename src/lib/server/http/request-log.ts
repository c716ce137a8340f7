/**
 * One log line per request, to stdout, for whoever runs the site: when, the method, the route (its
 * pattern, such as /assets/[id], never the path people typed, which can hold ids), the status and how
 * long it took. Never the query string (a search can hold someone's postcode) and never the address it
 * came from unless LOG_ADDRESSES=on. LOG_FORMAT=json (the default: one JSON object a line, for a log
 * collector), text (for a person reading a terminal) or off.
 *
 * Files under /_app and the static folder are served before SvelteKit and are not logged here.
 */
import type { Handle } from '@sveltejs/kit';

export type LogFormat = 'json' | 'text' | 'off';

export interface RequestLogEntry {
	time: string;
	method: string;
	/** The route's pattern, or null for a page that does not exist. */
	route: string | null;
	status: number;
	durationMs: number;
	/** The client's address, only when LOG_ADDRESSES=on. */
	address?: string;
}

/** LOG_FORMAT, defaulting to json; an unknown value is refused rather than silently ignored. */
export function logFormatFromEnv(env: Record<string, string | undefined>): LogFormat {
	const value = (env.LOG_FORMAT ?? 'json').trim().toLowerCase();
	if (value === 'json' || value === 'text' || value === 'off') return value;
	throw new Error(`LOG_FORMAT must be json, text or off, not "${env.LOG_FORMAT}".`);
}

/** The line for one request, without its newline. */
export function formatRequestLog(entry: RequestLogEntry, format: 'json' | 'text'): string {
	if (format === 'json') return JSON.stringify(entry);
	const address = entry.address ? ` ${entry.address}` : '';
	return `${entry.time} ${entry.method} ${entry.route ?? '(no route)'} ${entry.status} ${entry.durationMs} ms${address}`;
}

/**
 * The hook that writes the line once the response is ready (for a streamed page, when it starts).
 * An error inside the request still gets its line, with status 500, before the error goes on.
 */
export function createRequestLog(
	env: Record<string, string | undefined>,
	write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)
): Handle {
	const format = logFormatFromEnv(env);
	const withAddress = env.LOG_ADDRESSES?.trim().toLowerCase() === 'on';
	if (format === 'off') return ({ event, resolve }) => resolve(event);
	return async ({ event, resolve }) => {
		const started = performance.now();
		let status = 500;
		try {
			const response = await resolve(event);
			status = response.status;
			return response;
		} finally {
			const entry: RequestLogEntry = {
				time: new Date().toISOString(),
				method: event.request.method,
				route: event.route.id,
				status,
				durationMs: Math.round((performance.now() - started) * 10) / 10
			};
			if (withAddress) entry.address = safeAddress(() => event.getClientAddress());
			write(formatRequestLog(entry, format));
		}
	};
}

function safeAddress(read: () => string): string {
	try {
		return read();
	} catch {
		return 'unknown';
	}
}
