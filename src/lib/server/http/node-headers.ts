/**
 * The safety headers for the files adapter-node serves with sirv before SvelteKit (and so before any
 * hook) sees the request: /_app/immutable/*, robots.txt, the favicon. A listener that runs first on
 * every request sets them on the Node response; sirv's and SvelteKit's own headers are added after
 * and win where they name the same header (a page's Content-Security-Policy, say).
 */
import http from 'node:http';
import {
	FRAME_ANCESTORS,
	HSTS,
	isEmbedPath,
	requestCameOverHttps,
	SAFETY_HEADERS,
	X_FRAME_OPTIONS
} from './security-headers';

/** Sets the safety headers on one Node response, before anything else writes it. */
export function setNodeSecurityHeaders(
	request: http.IncomingMessage,
	response: http.ServerResponse,
	env: Record<string, string | undefined> = process.env
): void {
	for (const [name, value] of Object.entries(SAFETY_HEADERS)) response.setHeader(name, value);
	// An embeddable widget's page gets its frame-ancestors from the hook; a refusal set here would
	// stay beside it (SvelteKit replaces only the headers it sets).
	if (!isEmbedPath(new URL(request.url ?? '/', 'http://x').pathname)) {
		response.setHeader('X-Frame-Options', X_FRAME_OPTIONS);
		response.setHeader('Content-Security-Policy', FRAME_ANCESTORS);
	}
	const header = (name: string) => {
		const value = request.headers[name];
		return Array.isArray(value) ? value[0] : value;
	};
	if (requestCameOverHttps(env, header)) response.setHeader('Strict-Transport-Security', HSTS);
}

/**
 * Makes every Node HTTP server created from now on set the safety headers first on each request.
 * Call before the server is created: adapter-node's `build/index.js` calls `http.createServer()`
 * as it loads, after src/instrumentation.server.ts has run.
 */
export function installNodeSecurityHeaders(env: Record<string, string | undefined> = process.env) {
	const createServer = http.createServer;
	http.createServer = function (...args: Parameters<typeof http.createServer>) {
		const server = createServer.apply(http, args);
		server.prependListener('request', (request, response) =>
			setNodeSecurityHeaders(request, response, env)
		);
		return server;
	} as typeof http.createServer;
}
