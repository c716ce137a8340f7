/** Where to send someone after signing in, without becoming an open redirect. */

export const DEFAULT_AFTER_SIGN_IN = '/account';

/** A base that can never be a real host, to resolve candidate paths against. */
const BASE = 'http://patchwork.invalid';

/**
 * True for text a browser reads as a path on this site: one "/" then anything but "/" or "\" (both
 * make "//host", another site), and no control characters or backslashes (browsers strip the first
 * and read the second as "/", so "/\t/evil.example" and "/\evil.example" become "//evil.example").
 */
function isLocalPath(value: string): boolean {
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return false;
	// eslint-disable-next-line no-control-regex
	return !/[\u0000-\u001f\u007f\\]/.test(value);
}

/**
 * Accept only a path on this site. The raw text is checked, then normalised (dot segments resolved,
 * "%2e" read as "."), and the normalised path, which is what the browser gets, is checked again:
 * "/..//evil.example" passes the first check but normalises to "//evil.example".
 * @returns the path with its query and fragment, or the fallback
 * @example safeRedirectPath('https://evil.example') // '/account'
 * @example safeRedirectPath('/..//evil.example') // '/account'
 */
export function safeRedirectPath(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
	if (!isLocalPath(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	const path = url.pathname + url.search + url.hash;
	// Check the value returned, not only the text given.
	if (!isLocalPath(path) || new URL(path, BASE).origin !== BASE) return fallback;
	return path;
}
