import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/client';
import { createLoginSession, createUser, validateSessionToken } from '$lib/server/auth';
import { fakeCookies, fakeEvent, thrownBy } from '$lib/server/auth/route-test-helpers';
import { createTestDb } from '$lib/server/auth/test-db';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const { actions, load } = await import('./+page.server');

let db: Db;
beforeEach(() => {
	db = createTestDb();
	state.db = db;
});

type Ev = RequestEvent & Parameters<NonNullable<typeof actions.default>>[0];

describe('sign out', () => {
	it('ends this session only, removes the cookie and goes home', async () => {
		const user = await createUser(db, {
			email: 'sam@example.org',
			displayName: 'Sam',
			role: 'council',
			password: 'a long enough password'
		});
		const here = createLoginSession(db, user.id);
		const elsewhere = createLoginSession(db, user.id);
		const jar = fakeCookies({ patchwork_session: here.token });
		const ev = fakeEvent({ form: {}, user, session: here.session, cookies: jar.cookies });

		const e = await thrownBy(() => actions.default!(ev as unknown as Ev));
		expect(isRedirect(e) && [e.status, e.location]).toEqual([303, '/']);
		expect(jar.deleted).toEqual(['patchwork_session']);
		expect(validateSessionToken(db, here.token)).toBeNull();
		expect(validateSessionToken(db, elsewhere.token)?.user.id).toBe(user.id);
	});

	it('still clears the cookie and goes home when nobody is signed in', async () => {
		const jar = fakeCookies({ patchwork_session: 'stale' });
		const ev = fakeEvent({ form: {}, cookies: jar.cookies });
		const e = await thrownBy(() => actions.default!(ev as unknown as Ev));
		expect(isRedirect(e) && e.location).toBe('/');
		expect(jar.deleted).toEqual(['patchwork_session']);
	});

	it('a GET only shows the page, signing nobody out', async () => {
		const user = { id: 1, email: 'a@example.org', displayName: 'Ana', role: 'admin' as const };
		const ev = fakeEvent({ user });
		expect(await load(ev as unknown as Parameters<typeof load>[0])).toEqual({ displayName: 'Ana' });
	});
});
