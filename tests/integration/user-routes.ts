/**
 * Shared by the user-screen and sign-in-link tests: a POST to a route action as a signed-in person,
 * and the data of an action's failure.
 */
import { isActionFailure } from '@sveltejs/kit';
import { fakeCookies, fakeEvent } from '../../src/lib/server/auth/route-test-helpers';
import type { SessionUser } from '../../src/lib/server/auth/roles';

export const as = <T>(value: unknown) => value as T;

/** The data of an action's fail(400, …), or null. */
export const failed = (result: unknown) =>
	isActionFailure(result)
		? (result.data as unknown as {
				errors: Record<string, string>;
				message?: string;
				values?: Record<string, unknown>;
			})
		: null;

/** A POST to an action, as a person with a session. */
export function post(
	url: string,
	user: SessionUser | null,
	form: Record<string, string | string[]>,
	params: Record<string, string> = {},
	session: { id: string; expiresAt: Date } | null = null,
	cookies = fakeCookies().cookies
) {
	const body = new FormData();
	for (const [key, value] of Object.entries(form)) {
		for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
	}
	return {
		...fakeEvent({ url, user, session, cookies }),
		request: new Request(url, { method: 'POST', body }),
		params
	};
}
