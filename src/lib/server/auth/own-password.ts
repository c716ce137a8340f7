/**
 * A signed-in person changing their own password: with their current password, or without it in the
 * first hour after signing in with a one-time link (they have none they know). Every session they have
 * ends and this browser gets a fresh one, so a stolen session is worth nothing afterwards.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../db/schema';
import type { Db } from '../db/client';
import { recordAccountEvent } from './audit';
import { hashPassword, verifyPassword } from './password';
import type { SessionInfo, SessionUser } from './roles';
import { createLoginSession, invalidateUserSessions } from './sessions';
import { sessionBeganWithLink } from './sign-in-links';
import { newPasswordSchema, UserInputError } from './users';

export const WRONG_CURRENT_PASSWORD = 'Your current password is not right';

export const ownPasswordFormSchema = z
	.object({
		currentPassword: z.string().max(1000).default(''),
		newPassword: z.string().min(1, 'Enter a new password').pipe(newPasswordSchema),
		confirmPassword: z.string().default('')
	})
	.superRefine((data, ctx) => {
		if (data.confirmPassword !== data.newPassword) {
			ctx.addIssue({
				code: 'custom',
				path: ['confirmPassword'],
				message: 'Enter the same new password twice'
			});
		}
	});

/**
 * Set a new password for the signed-in user.
 * @returns a fresh session for this browser (the cookie must be set again)
 * @throws UserInputError when the current password is missing or wrong
 */
export async function changeOwnPassword(
	db: Db,
	user: SessionUser,
	session: SessionInfo,
	input: z.output<typeof ownPasswordFormSchema>,
	now: Date = new Date()
): Promise<{ token: string; session: SessionInfo }> {
	const row = db.select().from(users).where(eq(users.id, user.id)).get();
	if (!row || row.disabled) throw new UserInputError({ form: ['Your account cannot be changed'] });
	if (!sessionBeganWithLink(db, session.id, user.id, now)) {
		if (input.currentPassword === '') {
			throw new UserInputError({ currentPassword: ['Enter your current password'] });
		}
		const matches =
			row.passwordHash !== null && (await verifyPassword(row.passwordHash, input.currentPassword));
		if (!matches) throw new UserInputError({ currentPassword: [WRONG_CURRENT_PASSWORD] });
	}
	const passwordHash = await hashPassword(input.newPassword);
	return db.transaction((tx) => {
		const result = tx
			.update(users)
			.set({ passwordHash, updatedAt: now.toISOString() })
			.where(eq(users.id, user.id))
			.run();
		if (result.changes !== 1) throw new Error('The password could not be saved');
		invalidateUserSessions(tx as unknown as Db, user.id);
		recordAccountEvent(tx, {
			action: 'user.password_set',
			userId: user.id,
			actorId: user.id,
			detail: { note: 'Changed by themself; every other session ended' }
		});
		// A session created a millisecond later than the link's use, so it no longer counts as "from a link".
		return createLoginSession(tx as unknown as Db, user.id, new Date(now.getTime() + 1));
	});
}
