import { isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/client';
import { createUser } from '$lib/server/auth';
import { fakeEvent, thrownBy } from '$lib/server/auth/route-test-helpers';
import { createTestDb, insertTestPatch } from '$lib/server/auth/test-db';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const { load } = await import('./+page.server');
type LoadEvent = Parameters<typeof load>[0];

let db: Db;
beforeEach(() => {
	db = createTestDb();
	state.db = db;
});

describe('account page', () => {
	it('sends someone not signed in to sign in first', async () => {
		const ev = fakeEvent({ url: 'http://localhost/account' });
		const e = await thrownBy(() => load(ev as unknown as LoadEvent));
		expect(isRedirect(e) && e.location).toBe('/login?redirectTo=%2Faccount');
	});

	it('shows a coordinator their role in words and their patches by name', async () => {
		insertTestPatch(db, 'southfield', 'Southfield');
		insertTestPatch(db, 'northgate', 'Northgate');
		const user = await createUser(db, {
			email: 'sam@example.org',
			displayName: 'Sam Jones',
			role: 'coordinator',
			password: 'a long enough password',
			patches: ['southfield', 'northgate']
		});
		const ev = fakeEvent({
			url: 'http://localhost/account',
			user,
			session: { id: 'x', expiresAt: new Date('2026-12-25T12:00:00Z') }
		});
		expect(await load(ev as unknown as LoadEvent)).toEqual({
			account: {
				displayName: 'Sam Jones',
				email: 'sam@example.org',
				role: 'coordinator',
				roleLabel: 'Local area coordinator'
			},
			patches: [
				{ slug: 'northgate', name: 'Northgate' },
				{ slug: 'southfield', name: 'Southfield' }
			],
			presence: [],
			oneOffs: [],
			singleVenue: false,
			signedInUntil: '25 December 2026',
			passwordChanged: false
		});
	});

	it('lists no patches for council staff', async () => {
		const user = { id: 9, email: 'c@example.org', displayName: 'C', role: 'council' as const };
		const data = await load(fakeEvent({ user }) as unknown as LoadEvent);
		expect(data).toMatchObject({
			patches: [],
			account: { roleLabel: 'Council or programme lead' }
		});
	});
});
