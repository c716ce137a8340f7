/**
 * Changing one's own password is limited per account, counted in the database before the slow check
 * of the current password: 5 tries in 15 minutes, then refused (even with the right password) until
 * the window is over; a change clears the count; another account is not affected.
 */
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeCookies, fakeEvent } from '../../src/lib/server/auth/route-test-helpers';
import { createLoginSession } from '../../src/lib/server/auth/sessions';
import { verifyLogin } from '../../src/lib/server/auth/users';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import {
	countPasswordChange,
	PASSWORD_CHANGE_LIMIT
} from '../../src/lib/server/auth/password-change-limit';
import { PASSWORD, seedKeepingWorld, type KeepingWorld } from './keeping-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const passwordPage = await import('../../src/routes/account/password/+page.server');

let db: Db;
let world: KeepingWorld;
beforeEach(async () => {
	db = createTestDb();
	state.db = db;
	world = await seedKeepingWorld(db);
});

/** One try at the form; what came back: 'changed', or the failure's status and form message. */
async function tryChange(user: SessionUser, currentPassword: string) {
	const session = createLoginSession(db, user.id).session;
	const body = new FormData();
	const next = 'a brand new passphrase';
	for (const [k, v] of Object.entries({
		currentPassword,
		newPassword: next,
		confirmPassword: next
	}))
		body.set(k, v);
	const url = 'http://localhost/account/password';
	const event = {
		...fakeEvent({ url, user, session, cookies: fakeCookies().cookies }),
		request: new Request(url, { method: 'POST', body })
	};
	try {
		const result = await passwordPage.actions.default(event as never);
		if (isActionFailure(result)) {
			const errors = (result.data as unknown as { errors: Record<string, string> }).errors;
			return { status: result.status, message: errors.form ?? errors.currentPassword };
		}
		return { status: 200, message: '' };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, message: e.location };
		throw e;
	}
}

describe('the change password limit', () => {
	it('refuses the sixth try in 15 minutes, even with the right password, and changes nothing', async () => {
		const user = world.users.coordP;
		for (let n = 0; n < PASSWORD_CHANGE_LIMIT.perAccount; n++) {
			expect((await tryChange(user, 'a wrong guess at it')).status).toBe(400);
		}
		const refused = await tryChange(user, PASSWORD);
		expect(refused.status).toBe(429);
		expect(refused.message).toBe(
			'You have tried to change your password too many times. Wait 15 minutes, then try again. Your password has not changed.'
		);
		expect(await verifyLogin(db, user.email, PASSWORD)).toMatchObject({ id: user.id });

		// Someone else is not held up.
		expect(await tryChange(world.users.coordQ, PASSWORD)).toEqual({
			status: 303,
			message: '/account?password-changed'
		});
		// Past the window, the account may try again.
		expect(
			countPasswordChange(db, user.id, Date.now() + PASSWORD_CHANGE_LIMIT.windowMs + 1)
		).toEqual({ ok: true });
	});

	it('starts counting afresh after a change', async () => {
		const user = world.users.council;
		for (let n = 0; n < PASSWORD_CHANGE_LIMIT.perAccount - 1; n++) {
			expect((await tryChange(user, 'a wrong guess at it')).status).toBe(400);
		}
		expect((await tryChange(user, PASSWORD)).status).toBe(303);
		for (let n = 0; n < PASSWORD_CHANGE_LIMIT.perAccount; n++) {
			expect(countPasswordChange(db, user.id)).toEqual({ ok: true });
		}
		expect(countPasswordChange(db, user.id)).toMatchObject({ ok: false });
	});
});
