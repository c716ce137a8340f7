/**
 * Fakes for calling route loads and actions directly in tests: a cookie jar and a request event.
 * Not imported by application code.
 */
import type { Cookies } from '@sveltejs/kit';
import type { SessionInfo, SessionUser } from './roles';

/** A cookie jar that remembers what was set and deleted. */
export function fakeCookies(initial: Record<string, string> = {}) {
	const jar = new Map(Object.entries(initial));
	const deleted: string[] = [];
	const options = new Map<string, object>();
	const cookies = {
		get: (name: string) => jar.get(name),
		set: (name: string, value: string, opts: object) => {
			jar.set(name, value);
			options.set(name, opts);
		},
		delete: (name: string) => {
			jar.delete(name);
			deleted.push(name);
		}
	} as unknown as Cookies;
	return { cookies, jar, deleted, options };
}

/** The parts of a RequestEvent the auth routes read; cast at the call site. */
export function fakeEvent({
	url = 'http://localhost/',
	form,
	user = null,
	session = null,
	ip = '192.0.2.1',
	cookies = fakeCookies().cookies
}: {
	url?: string;
	form?: Record<string, string>;
	user?: SessionUser | null;
	session?: SessionInfo | null;
	ip?: string;
	cookies?: Cookies;
}) {
	const body = new FormData();
	for (const [k, v] of Object.entries(form ?? {})) body.set(k, v);
	return {
		url: new URL(url),
		request: new Request(url, form ? { method: 'POST', body } : undefined),
		locals: { user, session },
		cookies,
		getClientAddress: () => ip
	};
}

/** Run something that should throw (a SvelteKit redirect or error) and return what it threw. */
export async function thrownBy(fn: () => unknown): Promise<unknown> {
	try {
		await fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected it to throw');
}
