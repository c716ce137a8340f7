/**
 * Browser-safety headers on every response: SvelteKit's (the `handle` hook) and the files
 * adapter-node serves itself before any hook runs, /_app/immutable and static/ (installed on the
 * Node server from src/instrumentation.server.ts). The full Content-Security-Policy of pages is
 * SvelteKit's `kit.csp`; here only `frame-ancestors 'none'`, as a policy of its own beside any other.
 */
import type { Handle } from '@sveltejs/kit';

/** HTTPS only, for a year, subdomains too; sent only on responses to requests that came over HTTPS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** No site may put these pages in a frame (clickjacking); X-Frame-Options says it to older browsers. */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

/**
 * The embeddable widgets (/embed/…, /cy/embed/…) are made to sit in other websites' frames: any site
 * may frame them. They set no cookie and run no script, and link out only in a new tab.
 */
export const EMBED_FRAME_ANCESTORS = 'frame-ancestors *';

/**
 * Whether a path is an embeddable widget's, in either language.
 * @example isEmbedPath('/cy/embed/patches/northfield') // true
 * @example isEmbedPath('/embedded') // false
 */
export function isEmbedPath(pathname: string): boolean {
	return /^\/(cy\/)?embed\//.test(pathname);
}

/**
 * The headers every response carries. "Use my location" needs geolocation on this site's own pages;
 * nothing here uses a camera, a microphone, payments or USB.
 */
export const SAFETY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(self), payment=(), usb=()'
};

/** Said to browsers too old for frame-ancestors, on every response but an embeddable widget's. */
export const X_FRAME_OPTIONS = 'DENY';

/**
 * Adds the safety headers to a SvelteKit response: frame-ancestors as a second policy when the
 * response has a Content-Security-Policy without it, HSTS when the request came over HTTPS.
 * @param embeddable an embeddable widget's response: any site may frame it, no X-Frame-Options
 */
export function addSecurityHeaders(
	headers: Headers,
	cameOverHttps: boolean,
	embeddable = false
): void {
	for (const [name, value] of Object.entries(SAFETY_HEADERS)) headers.set(name, value);
	if (!embeddable) headers.set('X-Frame-Options', X_FRAME_OPTIONS);
	if (!headers.get('content-security-policy')?.includes('frame-ancestors')) {
		headers.append('Content-Security-Policy', embeddable ? EMBED_FRAME_ANCESTORS : FRAME_ANCESTORS);
	}
	if (cameOverHttps) headers.set('Strict-Transport-Security', HSTS);
}

/**
 * Whether a request came over HTTPS, as adapter-node builds its URL: from ORIGIN when it is set,
 * else from the PROTOCOL_HEADER a proxy sends (https when neither says otherwise, as adapter-node
 * assumes).
 * @param header a request header's value by lower-case name
 */
export function requestCameOverHttps(
	env: Record<string, string | undefined>,
	header: (name: string) => string | undefined
): boolean {
	const origin = env.ORIGIN?.trim();
	if (origin) return origin.toLowerCase().startsWith('https:');
	const protocolHeader = env.PROTOCOL_HEADER?.trim().toLowerCase();
	const protocol = protocolHeader ? header(protocolHeader)?.split(',')[0].trim() : undefined;
	return (protocol || 'https').toLowerCase() === 'https';
}

/** The hook: safety headers on everything SvelteKit answers (first in the sequence, so on all). */
export const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	addSecurityHeaders(
		response.headers,
		event.url.protocol === 'https:',
		isEmbedPath(event.url.pathname)
	);
	return response;
};
