/**
 * The one check every protected load and action makes. Admins pass every role check: they run the
 * system and must be able to see what any role sees; council and coordinator roles are separate.
 */
import { error, redirect } from '@sveltejs/kit';
import type { Role, SessionUser } from './roles';

/** The part of `event.locals` the guard reads. */
export interface GuardLocals {
	user: SessionUser | null;
}

export const FORBIDDEN_MESSAGE = 'You do not have permission to see this page';

/**
 * True when the user may act as one of the roles. Admin counts as every role; an empty list means
 * "anyone signed in".
 */
export function hasRole(user: SessionUser, roles: readonly Role[]): boolean {
	return roles.length === 0 || user.role === 'admin' || roles.includes(user.role);
}

/**
 * The path and query to come back to after signing in. Form action names (`?/save`) are dropped:
 * coming back must show the page, not replay a POST target as a GET.
 */
export function returnPath(url: URL): string {
	const params = new URLSearchParams(url.search);
	for (const key of [...params.keys()]) {
		if (key.startsWith('/')) params.delete(key);
	}
	const query = params.toString();
	return url.pathname + (query ? `?${query}` : '');
}

/**
 * Require a signed-in user with one of the roles (admin always passes).
 * Not signed in: 303 to /login with a redirectTo back here. Wrong role: 403.
 * @example const user = requireRole(locals, url, 'council');
 */
export function requireRole(locals: GuardLocals, url: URL, ...roles: Role[]): SessionUser {
	const user = locals.user;
	if (!user) {
		redirect(303, '/login?redirectTo=' + encodeURIComponent(returnPath(url)));
	}
	if (!hasRole(user, roles)) {
		error(403, FORBIDDEN_MESSAGE);
	}
	return user;
}

/** Require anyone signed in, whatever their role. */
export function requireUser(locals: GuardLocals, url: URL): SessionUser {
	return requireRole(locals, url);
}
