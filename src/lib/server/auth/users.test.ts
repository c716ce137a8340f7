import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, patchCoordinators, users } from '../db/schema';
import type { Db } from '../db/client';
import { verifyPassword } from './password';
import { createLoginSession, validateSessionToken } from './sessions';
import { createTestDb, insertTestPatch } from './test-db';
import {
	UserInputError,
	createUser,
	findUserByEmail,
	listPatchesForUser,
	listUsers,
	setUserPassword,
	verifyLogin
} from './users';

const PASSWORD = 'a long enough password';
let db: Db;

beforeEach(() => {
	db = createTestDb();
});

/** The messages createUser threw, by field. */
async function inputErrors(p: Promise<unknown>): Promise<Record<string, string[]>> {
	try {
		await p;
	} catch (e) {
		if (e instanceof UserInputError) return e.errors;
		throw e;
	}
	throw new Error('expected a UserInputError');
}

describe('createUser', () => {
	it('stores a lower-case email, a trimmed name and an argon2id hash', async () => {
		const user = await createUser(db, {
			email: '  Sam.Jones@Example.ORG ',
			displayName: ' Sam Jones ',
			role: 'council',
			password: PASSWORD
		});
		expect(user).toEqual({
			id: user.id,
			email: 'sam.jones@example.org',
			displayName: 'Sam Jones',
			role: 'council'
		});
		const row = findUserByEmail(db, 'SAM.JONES@example.org');
		expect(row?.passwordHash?.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
	});

	it('links a coordinator to their patches, listed by name', async () => {
		insertTestPatch(db, 'south', 'Southfield');
		insertTestPatch(db, 'north', 'Northgate');
		const user = await createUser(db, {
			email: 'c@example.org',
			displayName: 'C',
			role: 'coordinator',
			password: PASSWORD,
			patches: ['south', 'north', 'south']
		});
		expect(listPatchesForUser(db, user.id)).toEqual([
			{ slug: 'north', name: 'Northgate' },
			{ slug: 'south', name: 'Southfield' }
		]);
	});

	it('refuses a second user with the same email in any case', async () => {
		await createUser(db, {
			email: 'a@example.org',
			displayName: 'A',
			role: 'admin',
			password: PASSWORD
		});
		const errors = await inputErrors(
			createUser(db, {
				email: 'A@EXAMPLE.ORG',
				displayName: 'B',
				role: 'admin',
				password: PASSWORD
			})
		);
		expect(errors.email).toEqual(['A user with the email a@example.org already exists']);
		expect(db.select().from(users).all()).toHaveLength(1);
	});

	it('names every bad field', async () => {
		const errors = await inputErrors(
			createUser(db, {
				email: 'not-an-email',
				displayName: '  ',
				role: 'mayor' as 'admin',
				password: 'short'
			})
		);
		expect(errors).toEqual({
			email: ['Enter an email address in the correct format, like name@example.com'],
			displayName: ['Enter a name'],
			role: ['Role must be one of: coordinator, council, admin'],
			password: ['Password must be 12 characters or more']
		});
	});

	it('refuses an unknown patch and creates nothing', async () => {
		insertTestPatch(db, 'north', 'Northgate');
		const errors = await inputErrors(
			createUser(db, {
				email: 'c@example.org',
				displayName: 'C',
				role: 'coordinator',
				password: PASSWORD,
				patches: ['north', 'nowhere']
			})
		);
		expect(errors.patches).toEqual(['There is no patch with the slug "nowhere"']);
		expect(db.select().from(users).all()).toHaveLength(0);
		expect(db.select().from(patchCoordinators).all()).toHaveLength(0);
	});

	it('gives patches only to coordinators', async () => {
		insertTestPatch(db, 'north', 'Northgate');
		const errors = await inputErrors(
			createUser(db, {
				email: 'c@example.org',
				displayName: 'C',
				role: 'council',
				password: PASSWORD,
				patches: ['north']
			})
		);
		expect(errors.patches).toEqual(['Only coordinators can have patches']);
	});

	it('audits the creation without the password or its hash', async () => {
		const user = await createUser(db, {
			email: 'a@example.org',
			displayName: 'A',
			role: 'admin',
			password: PASSWORD
		});
		const rows = db.select().from(auditLog).all();
		expect(rows).toMatchObject([
			{ action: 'user.created', entity: 'user', entityId: String(user.id), userId: null }
		]);
		expect(JSON.stringify(rows)).not.toContain(PASSWORD);
		expect(JSON.stringify(rows)).not.toContain('argon2');
	});
});

describe('verifyLogin', () => {
	beforeEach(async () => {
		await createUser(db, {
			email: 'sam@example.org',
			displayName: 'Sam',
			role: 'coordinator',
			password: PASSWORD
		});
	});

	const actions = () =>
		db
			.select()
			.from(auditLog)
			.all()
			.map((r) => [r.action, r.detail]);

	it('signs in with the right password, whatever the email case', async () => {
		const user = await verifyLogin(db, ' SAM@example.org', PASSWORD);
		expect(user?.email).toBe('sam@example.org');
		expect(actions().at(-1)).toEqual(['user.signed_in', null]);
	});

	it('refuses a wrong password and audits it without the password', async () => {
		expect(await verifyLogin(db, 'sam@example.org', 'not the password')).toBeNull();
		expect(actions().at(-1)).toEqual(['user.sign_in_failed', { reason: 'wrong password' }]);
		expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain('not the password');
	});

	it('refuses an unknown email without writing the email down', async () => {
		expect(await verifyLogin(db, 'nobody@example.org', PASSWORD)).toBeNull();
		const last = db.select().from(auditLog).all().at(-1);
		expect(last).toMatchObject({ action: 'user.sign_in_failed', userId: null, entityId: null });
		expect(JSON.stringify(last)).not.toContain('nobody');
	});

	it('refuses a disabled user even with the right password', async () => {
		db.update(users).set({ disabled: true }).where(eq(users.email, 'sam@example.org')).run();
		expect(await verifyLogin(db, 'sam@example.org', PASSWORD)).toBeNull();
		expect(actions().at(-1)).toEqual(['user.sign_in_failed', { reason: 'account disabled' }]);
	});

	it('refuses a user with no password', async () => {
		db.update(users).set({ passwordHash: null }).run();
		expect(await verifyLogin(db, 'sam@example.org', PASSWORD)).toBeNull();
	});
});

describe('setUserPassword', () => {
	it('changes the password and signs the user out everywhere', async () => {
		const user = await createUser(db, {
			email: 'sam@example.org',
			displayName: 'Sam',
			role: 'council',
			password: PASSWORD
		});
		const { token } = createLoginSession(db, user.id);
		await setUserPassword(db, { email: 'Sam@example.org', password: 'a brand new password' });
		expect(await verifyLogin(db, 'sam@example.org', PASSWORD)).toBeNull();
		expect((await verifyLogin(db, 'sam@example.org', 'a brand new password'))?.id).toBe(user.id);
		expect(validateSessionToken(db, token)).toBeNull();
	});

	it('refuses a weak password or an unknown email', async () => {
		await createUser(db, {
			email: 'sam@example.org',
			displayName: 'Sam',
			role: 'council',
			password: PASSWORD
		});
		expect(
			await inputErrors(setUserPassword(db, { email: 'sam@example.org', password: 'x'.repeat(20) }))
		).toEqual({
			password: ['Password must not be one character repeated']
		});
		expect(
			await inputErrors(setUserPassword(db, { email: 'who@example.org', password: PASSWORD }))
		).toEqual({
			email: ['There is no user with the email who@example.org']
		});
	});
});

describe('listUsers', () => {
	it('lists users by email with their patches and whether they can sign in', async () => {
		insertTestPatch(db, 'north', 'Northgate');
		await createUser(db, {
			email: 'zed@example.org',
			displayName: 'Zed',
			role: 'coordinator',
			password: PASSWORD,
			patches: ['north']
		});
		await createUser(db, {
			email: 'amy@example.org',
			displayName: 'Amy',
			role: 'council',
			password: PASSWORD
		});
		db.update(users).set({ disabled: true }).where(eq(users.email, 'amy@example.org')).run();
		expect(listUsers(db).map((u) => [u.email, u.role, u.canSignIn, u.patches])).toEqual([
			['amy@example.org', 'council', false, []],
			['zed@example.org', 'coordinator', true, ['north']]
		]);
	});
});
