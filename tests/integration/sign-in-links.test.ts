/**
 * One-time sign-in links and changing your own password, through the routes: what each action
 * stores, what it refuses and why, and what the person can then do.
 */
import { isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeCookies, fakeEvent, thrownBy } from '../../src/lib/server/auth/route-test-helpers';
import { as, failed, post } from './user-routes';
import { createLoginSession, validateSessionToken } from '../../src/lib/server/auth/sessions';
import {
	createSignInLink,
	SIGN_IN_LINK_LIFETIME_MS,
	useSignInLink
} from '../../src/lib/server/auth/sign-in-links';
import { verifyLogin } from '../../src/lib/server/auth/users';
import { COMMON_PASSWORD_MESSAGE } from '../../src/lib/server/auth/password';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { PASSWORD, seedKeepingWorld, snapshot, type KeepingWorld } from './keeping-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const linkPage = await import('../../src/routes/login/link/[token]/+page.server');
const passwordPage = await import('../../src/routes/account/password/+page.server');

let db: Db;
let world: KeepingWorld;
beforeEach(async () => {
	db = createTestDb();
	state.db = db;
	world = await seedKeepingWorld(db);
});

const auditRows = () => db.select().from(t.auditLog).all();

describe('one-time sign-in links', () => {
	const linkUrl = (token: string) => `http://localhost/login/link/${token}`;

	it('signs in once, then asks for a password without the current one; a second use is refused', async () => {
		const subject = world.users.subject;
		const { token } = createSignInLink(db, subject.id);
		expect(await linkPage.load(as<never>({ params: { token } }))).toEqual({
			ok: true,
			displayName: 'Sam Subject'
		});
		// Opening the page uses nothing up.
		expect(db.select().from(t.signInLinks).get()!.usedAt).toBeNull();

		const jar = fakeCookies();
		const e = await thrownBy(() =>
			linkPage.actions.default(
				as<never>(post(linkUrl(token), null, {}, { token }, null, jar.cookies))
			)
		);
		expect(isRedirect(e) && e.location).toBe('/account/password');
		const cookie = jar.jar.get('patchwork_session')!;
		const signedIn = validateSessionToken(db, cookie)!;
		expect(signedIn.user.id).toBe(subject.id);

		const again = await linkPage.actions.default(
			as<never>(post(linkUrl(token), null, {}, { token }))
		);
		expect(failed(again)?.message).toMatch(/has been used already/);

		// The password page asks for no current password in this session, and sets it.
		const passwordLoad = await passwordPage.load(
			as<never>(
				fakeEvent({
					url: 'http://localhost/account/password',
					user: signedIn.user,
					session: signedIn.session
				})
			)
		);
		expect(passwordLoad).toEqual({ firstPassword: true });
		const newJar = fakeCookies();
		const set = await thrownBy(() =>
			passwordPage.actions.default(
				as<never>(
					post(
						'http://localhost/account/password',
						signedIn.user,
						{ newPassword: 'my own chosen words', confirmPassword: 'my own chosen words' },
						{},
						signedIn.session,
						newJar.cookies
					)
				)
			)
		);
		expect(isRedirect(set) && set.location).toBe('/account?password-changed');
		expect(await verifyLogin(db, subject.email, 'my own chosen words')).not.toBeNull();
		// The link's session has ended; the fresh one is no longer "from a link".
		expect(validateSessionToken(db, cookie)).toBeNull();
		const fresh = validateSessionToken(db, newJar.jar.get('patchwork_session')!)!;
		expect(
			await passwordPage.load(
				as<never>(
					fakeEvent({
						url: 'http://localhost/account/password',
						user: fresh.user,
						session: fresh.session
					})
				)
			)
		).toEqual({ firstPassword: false });
	});

	it('works for 24 hours and no longer', () => {
		const now = new Date('2026-11-25T10:00:00Z');
		const early = createSignInLink(db, world.users.subject.id, now).token;
		const late = createSignInLink(db, world.users.subject.id, now).token;
		expect(
			useSignInLink(db, early, new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS - 1))
		).toMatchObject({
			ok: true
		});
		expect(useSignInLink(db, late, new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS))).toEqual({
			ok: false,
			problem: 'expired'
		});
	});

	it('refuses a wrong or malformed token, and a disabled user’s link, without saying whose', async () => {
		const { token } = createSignInLink(db, world.users.subject.id);
		const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		for (const bad of [wrong, 'short', `${token}x`, '../../etc/passwd']) {
			const data = await linkPage.load(as<never>({ params: { token: bad } }));
			expect(data).toEqual({ ok: false, message: expect.stringMatching(/does not work/) });
		}
		db.update(t.users).set({ disabled: true }).where(eq(t.users.id, world.users.subject.id)).run();
		expect(useSignInLink(db, token)).toEqual({ ok: false, problem: 'unknown' });
		expect(db.select().from(t.loginSessions).all()).toEqual([]);
	});
});

describe('changing your own password', () => {
	const change = (
		user: SessionUser,
		session: { id: string; expiresAt: Date },
		form: Record<string, string>
	) =>
		passwordPage.actions.default(
			as<never>(post('http://localhost/account/password', user, form, {}, session))
		);

	it('needs the current password, a new one that follows the rule, typed twice', async () => {
		const user = world.users.coordP;
		const { session } = createLoginSession(db, user.id);
		const before = snapshot(db);
		const cases: [Record<string, string>, Record<string, string>][] = [
			[
				{ newPassword: 'a fine long password', confirmPassword: 'a fine long password' },
				{ currentPassword: 'Enter your current password' }
			],
			[
				{
					currentPassword: 'wrong',
					newPassword: 'a fine long password',
					confirmPassword: 'a fine long password'
				},
				{ currentPassword: 'Your current password is not right' }
			],
			[
				{ currentPassword: PASSWORD, newPassword: 'Scandinavian', confirmPassword: 'Scandinavian' },
				{ newPassword: COMMON_PASSWORD_MESSAGE }
			],
			[
				{
					currentPassword: PASSWORD,
					newPassword: 'a fine long password',
					confirmPassword: 'a fine long passw0rd'
				},
				{ confirmPassword: 'Enter the same new password twice' }
			]
		];
		for (const [form, errors] of cases) {
			const result = await change(user, session, form);
			expect(failed(result)?.errors).toEqual(errors);
		}
		expect(snapshot(db)).toBe(before);
	});

	it('ends the other sessions and keeps this browser signed in with a fresh one', async () => {
		const user = world.users.council;
		const here = createLoginSession(db, user.id);
		const elsewhere = createLoginSession(db, user.id);
		const jar = fakeCookies();
		const e = await thrownBy(() =>
			passwordPage.actions.default(
				as<never>(
					post(
						'http://localhost/account/password',
						user,
						{
							currentPassword: PASSWORD,
							newPassword: 'four words in a row',
							confirmPassword: 'four words in a row'
						},
						{},
						here.session,
						jar.cookies
					)
				)
			)
		);
		expect(isRedirect(e) && e.location).toBe('/account?password-changed');
		expect(validateSessionToken(db, elsewhere.token)).toBeNull();
		expect(validateSessionToken(db, jar.jar.get('patchwork_session')!)?.user.id).toBe(user.id);
		expect(auditRows().at(-1)).toMatchObject({ action: 'user.password_set', userId: user.id });
	});
});
