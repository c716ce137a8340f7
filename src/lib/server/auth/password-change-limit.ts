/**
 * A limit on changing one's own password: each try checks the current password (argon2, slow), so a
 * stolen session must not be able to guess it at the speed of the server. Counted per account in the
 * database (limits/store.ts) BEFORE the check, so a burst cannot outrun it and a restart forgets
 * nothing: 5 tries in 15 minutes, then none until the window is over. A change clears the count.
 */
import type { Db } from '../db/client';
import { clearKey, countAttempt, limitKey } from '../limits/store';
import { waitWords } from './rate-limit';

export const PASSWORD_CHANGE_LIMIT = { perAccount: 5, windowMs: 15 * 60_000 } as const;

const keyOf = (userId: number) => limitKey('password-change:account', String(userId));

/**
 * Count one try for this account.
 * @returns ok, or the message to show (with how long to wait) when it is one too many
 */
export function countPasswordChange(
	db: Db,
	userId: number,
	now = Date.now()
): { ok: true } | { ok: false; message: string } {
	const counted = countAttempt(db, keyOf(userId), PASSWORD_CHANGE_LIMIT.windowMs, now);
	if (counted.count <= PASSWORD_CHANGE_LIMIT.perAccount) return { ok: true };
	const wait = counted.windowStartedAt + PASSWORD_CHANGE_LIMIT.windowMs - now;
	return {
		ok: false,
		message: `You have tried to change your password too many times. Wait ${waitWords(wait)}, then try again. Your password has not changed.`
	};
}

/** A change went through: start counting afresh. */
export function clearPasswordChanges(db: Db, userId: number): void {
	clearKey(db, keyOf(userId));
}
