/**
 * User accounts: creating them, checking a sign-in, setting a password, and the patches a
 * coordinator works. Every input is parsed by zod here, so the CLI and any page get the same rules.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES } from '../../domain/vocabulary';
import { patchCoordinators, patches, users, type User } from '../db/schema';
import type { Db } from '../db/client';
import { insertedRow } from '../db/write';
import { recordAccountEvent } from './audit';
import {
	checkPasswordStrength,
	hashPassword,
	verifyDummyPassword,
	verifyPassword
} from './password';
import type { SessionUser } from './roles';
import { invalidateUserSessions } from './sessions';
import { whenWritable } from '../db/busy';

/** Bad input a person can fix: `errors` holds the messages by field, `message` all of them. */
export class UserInputError extends Error {
	constructor(readonly errors: Record<string, string[]>) {
		super(Object.values(errors).flat().join('\n'));
		this.name = 'UserInputError';
	}
}

/** Email addresses are compared in lower case: people type them both ways. */
export const emailSchema = z
	.string({ error: 'Enter an email address' })
	.trim()
	.toLowerCase()
	.min(1, 'Enter an email address')
	.pipe(z.email('Enter an email address in the correct format, like name@example.com'));

export const newPasswordSchema = z
	.string({ error: 'Enter a password' })
	.superRefine((password, ctx) => {
		const problem = checkPasswordStrength(password);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});

export const newUserSchema = z.object({
	email: emailSchema,
	displayName: z
		.string({ error: 'Enter a name' })
		.trim()
		.min(1, 'Enter a name')
		.max(100, 'Name must be 100 characters or fewer'),
	role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}` }),
	password: newPasswordSchema,
	/** Patch slugs this coordinator works. */
	patches: z.array(z.string().trim().min(1, 'A patch slug cannot be empty')).default([])
});
export type NewUser = z.input<typeof newUserSchema>;

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
	const result = schema.safeParse(input);
	if (!result.success) {
		const { formErrors, fieldErrors } = z.flattenError(result.error);
		const errors: Record<string, string[]> = { ...(fieldErrors as Record<string, string[]>) };
		if (formErrors.length > 0) errors.form = formErrors;
		throw new UserInputError(errors);
	}
	return result.data;
}

function toSessionUser(user: User): SessionUser {
	return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}

/** The whole user row (hash included: server only) for an email address, in any case. */
export function findUserByEmail(db: Db, email: string): User | undefined {
	return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

function duplicateEmail(email: string): UserInputError {
	return new UserInputError({ email: [`A user with the email ${email} already exists`] });
}

/**
 * Create a user, hash their password and link their patches, in one transaction.
 * @param actorId who did it, for the audit log (null from the command line)
 * @throws UserInputError for bad fields, a duplicate email, an unknown patch slug, or patches on a
 *   role that is not coordinator
 */
export async function createUser(
	db: Db,
	input: NewUser,
	actorId: number | null = null
): Promise<SessionUser> {
	const data = parseOrThrow(newUserSchema, input);
	const slugs = [...new Set(data.patches)];
	if (slugs.length > 0 && data.role !== 'coordinator') {
		throw new UserInputError({ patches: ['Only coordinators can have patches'] });
	}
	if (findUserByEmail(db, data.email)) throw duplicateEmail(data.email);

	const found = slugs.length
		? db
				.select({ id: patches.id, slug: patches.slug })
				.from(patches)
				.where(inArray(patches.slug, slugs))
				.all()
		: [];
	const unknown = slugs.filter((slug) => !found.some((p) => p.slug === slug));
	if (unknown.length > 0) {
		throw new UserInputError({
			patches: unknown.map((slug) => `There is no patch with the slug "${slug}"`)
		});
	}

	// Hash outside the transaction: better-sqlite3 transactions are synchronous.
	const passwordHash = await hashPassword(data.password);
	try {
		return db.transaction((tx) => {
			const user = insertedRow(
				tx
					.insert(users)
					.values({
						email: data.email,
						displayName: data.displayName,
						role: data.role,
						passwordHash
					})
					.returning()
					.all()
			);
			if (found.length > 0) {
				tx.insert(patchCoordinators)
					.values(found.map((p) => ({ patchId: p.id, userId: user.id })))
					.run();
			}
			recordAccountEvent(tx, {
				action: 'user.created',
				userId: user.id,
				actorId,
				detail: { role: data.role, patches: found.map((p) => p.slug) }
			});
			return toSessionUser(user);
		});
	} catch (e) {
		// Someone else created the same email between the check and the insert.
		if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') {
			throw duplicateEmail(data.email);
		}
		throw e;
	}
}

/**
 * Check an email and password. Runs one argon2 verification whatever happens (unknown email,
 * no password, disabled account), so the time taken does not reveal which accounts exist.
 * Audits success and failure; an unknown email is not written down, since people sometimes type
 * their password into the email field.
 * @returns the user, or null when the sign-in must be refused
 */
export async function verifyLogin(
	db: Db,
	email: string,
	password: string
): Promise<SessionUser | null> {
	const user = findUserByEmail(db, email);
	if (!user || user.passwordHash === null) {
		await verifyDummyPassword(password);
		await whenWritable(() =>
			recordAccountEvent(db, {
				action: 'user.sign_in_failed',
				userId: user?.id ?? null,
				detail: { reason: user ? 'no password set' : 'unknown email' }
			})
		);
		return null;
	}
	const matches = await verifyPassword(user.passwordHash, password);
	if (!matches || user.disabled) {
		await whenWritable(() =>
			recordAccountEvent(db, {
				action: 'user.sign_in_failed',
				userId: user.id,
				detail: { reason: matches ? 'account disabled' : 'wrong password' }
			})
		);
		return null;
	}
	// While a command-line import holds the write lock, wait for it off the thread (busy.ts).
	await whenWritable(() => recordAccountEvent(db, { action: 'user.signed_in', userId: user.id }));
	return toSessionUser(user);
}

/**
 * Set a user's password and sign them out everywhere.
 * @throws UserInputError for a weak password or an unknown email
 */
export async function setUserPassword(
	db: Db,
	input: { email: string; password: string },
	actorId: number | null = null
): Promise<SessionUser> {
	const data = parseOrThrow(z.object({ email: emailSchema, password: newPasswordSchema }), input);
	const user = findUserByEmail(db, data.email);
	if (!user) throw new UserInputError({ email: [`There is no user with the email ${data.email}`] });
	const passwordHash = await hashPassword(data.password);
	db.update(users)
		.set({ passwordHash, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
		.where(eq(users.id, user.id))
		.run();
	invalidateUserSessions(db, user.id);
	recordAccountEvent(db, { action: 'user.password_set', userId: user.id, actorId });
	return toSessionUser(user);
}

/** The patches a user coordinates, by name. */
export function listPatchesForUser(db: Db, userId: number): { slug: string; name: string }[] {
	return db
		.select({ slug: patches.slug, name: patches.name })
		.from(patchCoordinators)
		.innerJoin(patches, eq(patches.id, patchCoordinators.patchId))
		.where(eq(patchCoordinators.userId, userId))
		.orderBy(asc(patches.name))
		.all();
}

export interface UserSummary extends SessionUser {
	disabled: boolean;
	canSignIn: boolean;
	patches: string[];
}

/** Every user with their patch slugs, by email, for the command line. */
export function listUsers(db: Db): UserSummary[] {
	const rows = db.select().from(users).orderBy(asc(users.email)).all();
	const links = db
		.select({ userId: patchCoordinators.userId, slug: patches.slug })
		.from(patchCoordinators)
		.innerJoin(patches, eq(patches.id, patchCoordinators.patchId))
		.orderBy(asc(patches.slug))
		.all();
	return rows.map((user) => ({
		...toSessionUser(user),
		disabled: user.disabled,
		canSignIn: user.passwordHash !== null && !user.disabled,
		patches: links.filter((l) => l.userId === user.id).map((l) => l.slug)
	}));
}
