import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/client';
import { createLoginSession, createUser, validateSessionToken } from '$lib/server/auth';
import { fakeCookies, fakeEvent, thrownBy } from '$lib/server/auth/route-test-helpers';
import { createTestDb } from '$lib/server/auth/test-db';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const { actions, load } = await import('./+page.server');

const PASSWORD = 'a long enough password';
let db: Db;
let email: string;
let n = 0;

beforeEach(async () => {
	db = createTestDb();
	state.db = db;
	// A new email each test: the rate limiter lives as long as the module.
	email = `sam${++n}@example.org`;
	await createUser(db, { email, displayName: 'Sam', role: 'coordinator', password: PASSWORD });
});

/** The failure an action returned, with the shape the sign-in page reads. */
function failure(result: unknown) {
	if (!isActionFailure(result)) throw new Error('expected the action to fail');
	return result as unknown as {
		status: number;
		data: { errors: object; values: { email: string } };
	};
}

type Ev = RequestEvent & Parameters<NonNullable<typeof actions.default>>[0];
const signIn = (form: Record<string, string>, extra: Parameters<typeof fakeEvent>[0] = {}) =>
	actions.default!(fakeEvent({ url: 'http://localhost/login', form, ...extra }) as unknown as Ev);

describe('sign in', () => {
	it('sets the session cookie and goes to the safe redirectTo', async () => {
		const jar = fakeCookies();
		const e = await thrownBy(() =>
			signIn(
				{ email: email.toUpperCase(), password: PASSWORD, redirectTo: '/patches/north' },
				{ cookies: jar.cookies }
			)
		);
		expect(isRedirect(e) && [e.status, e.location]).toEqual([303, '/patches/north']);
		const token = jar.jar.get('patchwork_session');
		expect(validateSessionToken(db, token!)?.user.email).toBe(email);
		expect(jar.options.get('patchwork_session')).toMatchObject({ httpOnly: true, sameSite: 'lax' });
	});

	it('ignores a redirectTo that leaves the site', async () => {
		const e = await thrownBy(() =>
			signIn({ email, password: PASSWORD, redirectTo: '//evil.example/account' })
		);
		expect(isRedirect(e) && e.location).toBe('/account');
	});

	it.each(['/..//evil.example/phish', '/.//evil.example', '/%2e%2e//evil.example'])(
		'ignores a redirectTo of %s, which normalises to another site',
		async (redirectTo) => {
			const e = await thrownBy(() => signIn({ email, password: PASSWORD, redirectTo }));
			expect(isRedirect(e) && e.location).toBe('/account');
		}
	);

	it('replaces a session the browser already had', async () => {
		const old = createLoginSession(db, 1);
		await thrownBy(() => signIn({ email, password: PASSWORD }, { session: old.session }));
		expect(validateSessionToken(db, old.token)).toBeNull();
	});

	it('says the same thing for a wrong password and an unknown email, and sets no cookie', async () => {
		const jar = fakeCookies();
		const wrong = await signIn({ email, password: 'not my password' }, { cookies: jar.cookies });
		const unknown = await signIn({ email: 'who@example.org', password: PASSWORD });
		for (const result of [wrong, unknown]) {
			expect(failure(result).status).toBe(400);
			expect(failure(result).data.errors).toEqual({
				form: 'Enter a correct email address and password'
			});
		}
		expect(failure(wrong).data.values).toEqual({ email });
		expect(jar.jar.size).toBe(0);
	});

	it('asks for missing fields', async () => {
		const result = await signIn({ email: '', password: '' });
		expect(failure(result).data.errors).toEqual({
			email: 'Enter your email address',
			password: 'Enter your password'
		});
	});

	it('stops after 10 failures from one place, even with the right password', async () => {
		for (let i = 0; i < 10; i++) await signIn({ email, password: 'wrong password' });
		const blocked = await signIn({ email, password: PASSWORD });
		expect(failure(blocked).status).toBe(429);
		expect(failure(blocked).data.errors).toEqual({
			form: 'Too many attempts. Wait 15 minutes and try again.'
		});
		// Another IP address is not blocked.
		const other = await thrownBy(() =>
			signIn({ email, password: PASSWORD }, { ip: '198.51.100.7' })
		);
		expect(isRedirect(other)).toBe(true);
	});
});

describe('load', () => {
	type LoadEvent = Parameters<typeof load>[0];
	it('passes on a safe redirectTo', async () => {
		const ev = fakeEvent({ url: 'http://localhost/login?redirectTo=https://evil.example' });
		expect(await load(ev as unknown as LoadEvent)).toEqual({ redirectTo: '/account' });
	});

	// Finding 1 of issue 14: a signed-in visitor was sent on to "//evil.example/phish".
	it.each([
		'%2F..%2F%2Fevil.example%2Fphish',
		'%2F.%2F%2Fevil.example',
		'%2F%252e%252e%2F%2Fevil.example',
		'%2F%5C%5Cevil.example',
		'%2F%09%2Fevil.example',
		'%2F%0A%2Fevil.example',
		'javascript%3Aalert(1)'
	])('sends someone already signed in home, not to another site, for redirectTo=%s', async (q) => {
		const ev = fakeEvent({
			url: `http://localhost/login?redirectTo=${q}`,
			user: { id: 1, email, displayName: 'Sam', role: 'coordinator' }
		});
		const e = await thrownBy(() => load(ev as unknown as LoadEvent));
		expect(isRedirect(e) && e.location).toBe('/account');
	});

	it('sends someone already signed in on their way', async () => {
		const ev = fakeEvent({
			url: 'http://localhost/login?redirectTo=%2Fsearch%3Fq%3Dwalk',
			user: { id: 1, email, displayName: 'Sam', role: 'coordinator' }
		});
		const e = await thrownBy(() => load(ev as unknown as LoadEvent));
		expect(isRedirect(e) && e.location).toBe('/search?q=walk');
	});
});
