/**
 * What an administrator does with accounts: list them, create one (with a made-up or chosen password,
 * or a one-time sign-in link), change role and patches, disable, enable, reset a password. Each change
 * is one transaction with its audit row (before and after; never a password, hash or token). There is
 * no self sign-up: accounts are made here or on the command line.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES, type Role } from '../../domain/vocabulary';
import { patchCoordinators, patches, users } from '../db/schema';
import type { Db } from '../db/client';
import { recordChange } from '../staff/audit';
import { queueEmail } from '../email/outbox';
import { generatePassword, hashPassword } from './password';
import { createSignInLink, signInLinkPath } from './sign-in-links';
import { invalidateUserSessions } from './sessions';
import { emailSchema, findUserByEmail, newPasswordSchema, UserInputError } from './users';
import type { SessionUser } from './roles';
import { patchesOf, type PatchChoice } from './admin-user-list';

export * from './admin-user-list';

export const SELF_DEMOTE_MESSAGE =
	'You cannot change your own role: another administrator has to do that';
export const SELF_DISABLE_MESSAGE =
	'You cannot disable your own account: another administrator has to do that';
export const PATCHES_NEED_COORDINATOR_MESSAGE =
	'Only local area coordinators have patches: choose that role or untick the patches';

/** A patch an administrator can give a coordinator. */
const patchIdsSchema = z.array(z.coerce.number().int().positive()).default([]);

const displayNameSchema = z
	.string({ error: 'Enter their name' })
	.trim()
	.min(1, 'Enter their name')
	.max(100, 'Name must be 100 characters or fewer');

/** How a new user signs in the first time. */
export const FIRST_SIGN_IN = ['password', 'link'] as const;
export type FirstSignIn = (typeof FIRST_SIGN_IN)[number];

export const newUserFormSchema = z
	.object({
		email: emailSchema,
		displayName: displayNameSchema,
		role: z.enum(ROLES, { error: 'Choose a role' }),
		patchIds: patchIdsSchema,
		firstSignIn: z.enum(FIRST_SIGN_IN, { error: 'Choose how they will sign in the first time' }),
		/** Empty: make one up. */
		password: z.string().max(1000).default(''),
		emailLink: z.boolean().default(false)
	})
	.superRefine((data, ctx) => {
		if (data.firstSignIn === 'password' && data.password !== '') {
			const result = newPasswordSchema.safeParse(data.password);
			if (!result.success) {
				ctx.addIssue({
					code: 'custom',
					path: ['password'],
					message: result.error.issues[0].message
				});
			}
		}
		if (data.firstSignIn === 'link' && data.password !== '') {
			ctx.addIssue({
				code: 'custom',
				path: ['password'],
				message: 'Leave the password empty when you give them a sign-in link'
			});
		}
		if (data.emailLink && data.firstSignIn !== 'link') {
			ctx.addIssue({
				code: 'custom',
				path: ['emailLink'],
				message: 'Only a sign-in link can be emailed: a password is never sent by email'
			});
		}
	});
export type NewUserForm = z.input<typeof newUserFormSchema>;

export const userAccessFormSchema = z.object({
	role: z.enum(ROLES, { error: 'Choose a role' }),
	patchIds: patchIdsSchema
});

export const resetPasswordFormSchema = z.object({
	/** Empty: make one up. */
	password: z
		.string()
		.max(1000)
		.default('')
		.superRefine((password, ctx) => {
			if (password === '') return;
			const result = newPasswordSchema.safeParse(password);
			if (!result.success)
				ctx.addIssue({ code: 'custom', message: result.error.issues[0].message });
		})
});

function checkPatchIds(db: Pick<Db, 'select'>, role: Role, patchIds: number[]): PatchChoice[] {
	const ids = [...new Set(patchIds)];
	if (ids.length > 0 && role !== 'coordinator') {
		throw new UserInputError({ patchIds: [PATCHES_NEED_COORDINATOR_MESSAGE] });
	}
	if (ids.length === 0) return [];
	const found = db
		.select({ id: patches.id, name: patches.name })
		.from(patches)
		.where(and(inArray(patches.id, ids), ne(patches.status, 'retired')))
		.orderBy(asc(patches.name))
		.all();
	if (found.length !== ids.length) {
		throw new UserInputError({ patchIds: ['Choose patches from the list'] });
	}
	return found;
}

const names = (list: readonly PatchChoice[]) => list.map((p) => p.name);
const ids = (list: readonly PatchChoice[]) => list.map((p) => p.id);

export interface CreatedUser {
	user: SessionUser;
	/** The password to pass on, shown once (made up or chosen); absent for a link. */
	password?: string;
	/** The sign-in link, shown once; absent for a password. */
	link?: string;
	linkExpiresAt?: Date;
	/** The link was queued in the outbox to their address. */
	emailed: boolean;
}

/** The email a new user gets with their link. */
export function signInLinkEmail(name: string, link: string, programme: string | null) {
	return {
		subject: 'Your Patchwork account',
		text: [
			`Hello ${name},`,
			'',
			`An administrator has made you an account on Patchwork${programme ? ` for ${programme}` : ''}.`,
			'',
			'Open this link within 24 hours to sign in, then choose your password:',
			link,
			'',
			'The link works once. If it has expired, ask your Patchwork administrator for a new one.',
			'If you were not expecting this email, you can ignore it.'
		].join('\n')
	};
}

/**
 * Create a user as an administrator.
 * @param origin the site's address, for the link (e.g. https://patchwork.example.gov.uk)
 * @throws UserInputError for bad fields, a duplicate email or patches on a role without them
 */
export async function createUserAsAdmin(
	db: Db,
	actor: SessionUser,
	input: z.output<typeof newUserFormSchema>,
	{
		origin,
		programme = null,
		now = new Date()
	}: { origin: string; programme?: string | null; now?: Date }
): Promise<CreatedUser> {
	const chosen = checkPatchIds(db, input.role, input.patchIds);
	if (findUserByEmail(db, input.email)) {
		throw new UserInputError({ email: [`A user with the email ${input.email} already exists`] });
	}
	// With a link, the account gets a password nobody knows until they choose their own.
	const password = input.firstSignIn === 'password' ? input.password || generatePassword() : null;
	const passwordHash = await hashPassword(password ?? generatePassword());
	try {
		return db.transaction((tx) => {
			const inserted = tx
				.insert(users)
				.values({
					email: input.email,
					displayName: input.displayName,
					role: input.role,
					passwordHash
				})
				.run();
			const userId = Number(inserted.lastInsertRowid);
			if (chosen.length > 0) {
				tx.insert(patchCoordinators)
					.values(chosen.map((p) => ({ patchId: p.id, userId })))
					.run();
			}
			let link: { token: string; expiresAt: Date } | undefined;
			let emailed = false;
			if (input.firstSignIn === 'link') {
				link = createSignInLink(tx, userId, now);
				if (input.emailLink) {
					queueEmail(tx, {
						to: input.email,
						...signInLinkEmail(input.displayName, origin + signInLinkPath(link.token), programme)
					});
					emailed = true;
				}
			}
			recordChange(tx, {
				actorId: actor.id,
				action: 'user.created',
				entity: 'user',
				entityId: userId,
				before: null,
				after: {
					email: input.email,
					displayName: input.displayName,
					role: input.role,
					patches: names(chosen),
					firstSignIn:
						input.firstSignIn === 'link'
							? emailed
								? 'sign-in link, emailed'
								: 'sign-in link'
							: 'password'
				},
				patchIds: ids(chosen)
			});
			return {
				user: { id: userId, email: input.email, displayName: input.displayName, role: input.role },
				...(password !== null ? { password } : {}),
				...(link
					? { link: origin + signInLinkPath(link.token), linkExpiresAt: link.expiresAt }
					: {}),
				emailed
			};
		});
	} catch (e) {
		if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') {
			throw new UserInputError({ email: [`A user with the email ${input.email} already exists`] });
		}
		throw e;
	}
}

function requireUserRow(db: Pick<Db, 'select'>, id: number) {
	const user = db.select().from(users).where(eq(users.id, id)).get();
	if (!user) throw new UserInputError({ form: ['There is no such user'] });
	return user;
}

/**
 * Change a user's role and patches. An administrator cannot change their own role.
 * @returns false when nothing changed (no audit row then)
 */
export function changeUserAccess(
	db: Db,
	actor: SessionUser,
	userId: number,
	input: z.output<typeof userAccessFormSchema>
): boolean {
	return db.transaction((tx) => {
		const user = requireUserRow(tx, userId);
		if (user.id === actor.id && input.role !== user.role) {
			throw new UserInputError({ role: [SELF_DEMOTE_MESSAGE] });
		}
		const chosen = checkPatchIds(tx, input.role, input.patchIds);
		const before = patchesOf(tx, [userId]).get(userId) ?? [];
		const samePatches = names(before).join('\n') === names(chosen).join('\n');
		if (user.role === input.role && samePatches) return false;
		if (user.role !== input.role) {
			const result = tx
				.update(users)
				.set({ role: input.role, updatedAt: new Date().toISOString() })
				.where(eq(users.id, userId))
				.run();
			if (result.changes !== 1) throw new Error('The role could not be saved');
		}
		if (!samePatches) {
			tx.delete(patchCoordinators).where(eq(patchCoordinators.userId, userId)).run();
			if (chosen.length > 0) {
				tx.insert(patchCoordinators)
					.values(chosen.map((p) => ({ patchId: p.id, userId })))
					.run();
			}
		}
		recordChange(tx, {
			actorId: actor.id,
			action: 'user.access_changed',
			entity: 'user',
			entityId: userId,
			before: { role: user.role, patches: names(before) },
			after: { role: input.role, patches: names(chosen) },
			patchIds: [...new Set([...ids(before), ...ids(chosen)])]
		});
		return true;
	});
}

/**
 * Disable or enable an account. Disabling ends every session the user has, at once. An administrator
 * cannot disable themself.
 * @returns false when it was already so
 */
export function setUserDisabled(
	db: Db,
	actor: SessionUser,
	userId: number,
	disabled: boolean
): boolean {
	if (disabled && userId === actor.id) throw new UserInputError({ form: [SELF_DISABLE_MESSAGE] });
	return db.transaction((tx) => {
		const user = requireUserRow(tx, userId);
		if (user.disabled === disabled) return false;
		const result = tx
			.update(users)
			.set({ disabled, updatedAt: new Date().toISOString() })
			.where(eq(users.id, userId))
			.run();
		if (result.changes !== 1) throw new Error('The account could not be saved');
		if (disabled) invalidateUserSessions(tx as unknown as Db, userId);
		recordChange(tx, {
			actorId: actor.id,
			action: disabled ? 'user.disabled' : 'user.enabled',
			entity: 'user',
			entityId: userId,
			before: { disabled: user.disabled },
			after: { disabled },
			patchIds: ids(patchesOf(tx, [userId]).get(userId) ?? []),
			...(disabled ? { note: 'Every session ended' } : {})
		});
		return true;
	});
}

/**
 * Give a user a new password (chosen, or made up when `password` is empty) and end all their sessions.
 * @returns the password to pass on, shown once
 */
export async function resetUserPassword(
	db: Db,
	actor: SessionUser,
	userId: number,
	password: string
): Promise<string> {
	requireUserRow(db, userId);
	const newPassword = password || generatePassword();
	const passwordHash = await hashPassword(newPassword);
	db.transaction((tx) => {
		const result = tx
			.update(users)
			.set({ passwordHash, updatedAt: new Date().toISOString() })
			.where(eq(users.id, userId))
			.run();
		if (result.changes !== 1) throw new UserInputError({ form: ['There is no such user'] });
		invalidateUserSessions(tx as unknown as Db, userId);
		recordChange(tx, {
			actorId: actor.id,
			action: 'user.password_reset',
			entity: 'user',
			entityId: userId,
			patchIds: ids(patchesOf(tx, [userId]).get(userId) ?? []),
			note: password
				? 'Password chosen by an administrator; every session ended'
				: 'New password made up; every session ended'
		});
	});
	return newPassword;
}
