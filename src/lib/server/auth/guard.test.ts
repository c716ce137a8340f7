import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { hasRole, requireRole, requireUser, returnPath } from './guard';
import type { Role, SessionUser } from './roles';

const as = (role: Role): { user: SessionUser } => ({
	user: { id: 1, email: 'a@example.org', displayName: 'A', role }
});
const nobody = { user: null };
const url = new URL('http://localhost/patches/north-ward?tab=assets&q=a b');

/** Run the guard and return what it threw. */
function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected the guard to throw');
}

describe('requireRole', () => {
	it('sends someone not signed in to sign in, with the way back', () => {
		const e = thrown(() => requireRole(nobody, url, 'council'));
		expect(isRedirect(e) && e.status).toBe(303);
		expect(isRedirect(e) && e.location).toBe(
			'/login?redirectTo=' + encodeURIComponent('/patches/north-ward?tab=assets&q=a+b')
		);
	});

	it('leaves a form action name out of the way back', () => {
		const e = thrown(() => requireUser(nobody, new URL('http://localhost/suggestions/4?/accept')));
		expect(isRedirect(e) && e.location).toBe('/login?redirectTo=%2Fsuggestions%2F4');
	});

	it('refuses the wrong role with 403 and a plain message', () => {
		const e = thrown(() => requireRole(as('coordinator'), url, 'council'));
		expect(isHttpError(e) && e.status).toBe(403);
		expect(isHttpError(e) && e.body.message).toBe('You do not have permission to see this page');
	});

	it('lets the right role through and returns the user', () => {
		expect(requireRole(as('council'), url, 'council').role).toBe('council');
		expect(requireRole(as('coordinator'), url, 'council', 'coordinator').role).toBe('coordinator');
	});

	it('lets an admin through every role check', () => {
		expect(requireRole(as('admin'), url, 'council').role).toBe('admin');
		expect(requireRole(as('admin'), url, 'coordinator').role).toBe('admin');
	});

	it('does not let council in where only coordinators may go', () => {
		const e = thrown(() => requireRole(as('council'), url, 'coordinator'));
		expect(isHttpError(e) && e.status).toBe(403);
	});
});

describe('requireUser', () => {
	it('lets any signed-in role through', () => {
		for (const role of ['coordinator', 'council', 'admin'] as const) {
			expect(requireUser(as(role), url).role).toBe(role);
		}
	});

	it('redirects when nobody is signed in', () => {
		const e = thrown(() => requireUser(nobody, new URL('http://localhost/account')));
		expect(isRedirect(e) && e.location).toBe('/login?redirectTo=%2Faccount');
	});
});

describe('hasRole', () => {
	it('treats an empty list as anyone signed in', () => {
		expect(hasRole(as('coordinator').user, [])).toBe(true);
	});
});

describe('returnPath', () => {
	it('keeps the path and ordinary query', () => {
		expect(returnPath(new URL('http://x/a/b?c=1&d=2'))).toBe('/a/b?c=1&d=2');
		expect(returnPath(new URL('http://x/a'))).toBe('/a');
	});
});
