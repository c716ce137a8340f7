/** Who is signed in, as the hook puts it on `event.locals.user`, and roles in plain words. */
import type { Role } from '../../domain/vocabulary';

export type { Role };

/** The signed-in user: never the password hash, never the disabled flag (disabled users are not signed in). */
export interface SessionUser {
	id: number;
	email: string;
	displayName: string;
	role: Role;
}

/** What `event.locals.session` holds. The id is the SHA-256 of the cookie's token, not the token. */
export interface SessionInfo {
	id: string;
	expiresAt: Date;
}

/** A role as people say it, for the account page and lists. */
export { ROLE_LABELS } from '../../domain/vocabulary';
