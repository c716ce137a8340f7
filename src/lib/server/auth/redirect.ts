/** Where to send someone after signing in, without becoming an open redirect. */

export const DEFAULT_AFTER_SIGN_IN = '/account';

/** A base that can never be a real host, to resolve candidate paths against. */
const BASE = 'http://patchwork.invalid';

/**
 * Accept only a path on this site: starts with one "/", not "//" or "/\" (browsers read both as
 * another host), no control characters (browsers strip them, so "/\t/evil.example" becomes "//…").
 * @returns the path with its query and fragment, or the fallback
 * @example safeRedirectPath('https://evil.example') // '/account'
 */
export function safeRedirectPath(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	return url.pathname + url.search + url.hash;
}
