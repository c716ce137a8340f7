/**
 * Accounts and sign-in: everything the hook, the guarded routes and the CLI need.
 *
 * The hook, in outline:
 * ```ts
 * const token = event.cookies.get(SESSION_COOKIE_NAME);
 * const result = authenticate(getDb(), token);
 * if (result?.renewed) setSessionCookie(event.cookies, token!, result.session.expiresAt, !dev);
 * if (!result && token) deleteSessionCookie(event.cookies, !dev);
 * event.locals.user = result?.user ?? null;
 * event.locals.session = result?.session ?? null;
 * ```
 */
import type { Db } from '../db/client';
import { validateSessionToken, type ValidatedSession } from './sessions';

/**
 * Who the session cookie signs in, if anyone. Expired sessions and disabled users give null (and
 * their session is deleted); a session past half its 30 days is extended, with `renewed` set so
 * the hook sends the cookie again.
 * @param token the `patchwork_session` cookie value, if the browser sent one
 */
export function authenticate(db: Db, token: string | undefined): ValidatedSession | null {
	if (!token) return null;
	return validateSessionToken(db, token);
}

export { FORBIDDEN_MESSAGE, hasRole, requireRole, requireUser, type GuardLocals } from './guard';
export { DEFAULT_AFTER_SIGN_IN, safeRedirectPath } from './redirect';
export { ROLE_LABELS, type Role, type SessionInfo, type SessionUser } from './roles';
export {
	SESSION_COOKIE_NAME,
	SESSION_LIFETIME_MS,
	createLoginSession,
	deleteSessionCookie,
	invalidateSession,
	invalidateUserSessions,
	setSessionCookie,
	signOut,
	validateSessionToken,
	type ValidatedSession
} from './sessions';
export {
	UserInputError,
	createUser,
	findUserByEmail,
	listPatchesForUser,
	listUsers,
	setUserPassword,
	verifyLogin
} from './users';
export { checkPasswordStrength, generatePassword, hashPassword, verifyPassword } from './password';
