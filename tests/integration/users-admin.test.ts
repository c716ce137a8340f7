/**
 * An administrator's user screens, through the routes: adding people and changing their accounts,
 * what each action stores, what it refuses and why.
 */
import { isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeEvent, thrownBy } from '../../src/lib/server/auth/route-test-helpers';
import { as, failed, post } from './user-routes';
import {
	createLoginSession,
	sessionIdFromToken,
	validateSessionToken
} from '../../src/lib/server/auth/sessions';
import { SIGN_IN_LINK_LIFETIME_MS } from '../../src/lib/server/auth/sign-in-links';
import { verifyLogin } from '../../src/lib/server/auth/users';
import { COMMON_PASSWORD_MESSAGE } from '../../src/lib/server/auth/password';
import { SELF_DEMOTE_MESSAGE, SELF_DISABLE_MESSAGE } from '../../src/lib/server/auth/admin-users';
import { PASSWORD, seedKeepingWorld, snapshot, type KeepingWorld } from './keeping-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const newUser = await import('../../src/routes/admin/users/new/+page.server');
const userPage = await import('../../src/routes/admin/users/[id=id]/+page.server');
const usersList = await import('../../src/routes/admin/users/+page.server');

let db: Db;
let world: KeepingWorld;
beforeEach(async () => {
	db = createTestDb();
	state.db = db;
	world = await seedKeepingWorld(db);
});

const create = (form: Record<string, string | string[]>) =>
	newUser.actions.default(
		as<never>(post('http://localhost/admin/users/new', world.users.admin, form))
	);

const userRow = (id: number) => db.select().from(t.users).where(eq(t.users.id, id)).get()!;
const auditRows = () => db.select().from(t.auditLog).all();

describe('adding a user', () => {
	it('makes a coordinator with a patch and a made-up password they can sign in with, shown once and never stored', async () => {
		const result = (await create({
			email: ' New.Person@Example.org ',
			displayName: 'New Person',
			role: 'coordinator',
			patchIds: [String(world.patchP)],
			firstSignIn: 'password',
			password: ''
		})) as { created: { id: number; password: string; link: null } };
		expect(result.created.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
		expect(result.created.link).toBeNull();
		const user = userRow(result.created.id);
		expect(user).toMatchObject({ email: 'new.person@example.org', role: 'coordinator' });
		expect(
			db.select().from(t.patchCoordinators).where(eq(t.patchCoordinators.userId, user.id)).all()
		).toEqual([{ patchId: world.patchP, userId: user.id }]);
		expect(await verifyLogin(db, 'new.person@example.org', result.created.password)).toMatchObject({
			id: user.id
		});
		const audit = auditRows().find((row) => row.action === 'user.created')!;
		expect(audit).toMatchObject({ userId: world.users.admin.id, entityId: String(user.id) });
		expect(audit.detail).toMatchObject({
			patchIds: [world.patchP],
			before: null,
			after: {
				email: 'new.person@example.org',
				role: 'coordinator',
				patches: ['Aldermoor'],
				firstSignIn: 'password'
			}
		});
		expect(JSON.stringify(snapshot(db))).not.toContain(result.created.password);
	});

	it('refuses a chosen password that is common (in any case) or short, and stores nothing', async () => {
		const before = snapshot(db);
		const form = {
			email: 'x@example.org',
			displayName: 'X',
			role: 'council',
			firstSignIn: 'password'
		};
		const common = await create({ ...form, password: 'UnBelievable' });
		expect(failed(common)).toMatchObject({
			errors: { password: COMMON_PASSWORD_MESSAGE },
			values: { email: 'x@example.org' }
		});
		// The password never goes back to the page.
		expect(JSON.stringify(common)).not.toContain('UnBelievable');
		const short = await create({ ...form, password: 'short one' });
		expect(failed(short)?.errors).toEqual({
			password: 'Password must be 12 characters or more'
		});
		expect(snapshot(db)).toBe(before);
	});

	it('gives a one-time link instead, emailed when asked: only its hash is stored, the outbox has the link', async () => {
		const result = (await create({
			email: 'linked@example.org',
			displayName: 'Linda Link',
			role: 'coordinator',
			patchIds: [String(world.patchQ)],
			firstSignIn: 'link',
			emailLink: 'yes'
		})) as { created: { id: number; link: string; password: null; emailed: boolean } };
		expect(result.created.password).toBeNull();
		expect(result.created.emailed).toBe(true);
		const token = result.created.link.match(/^http:\/\/localhost\/login\/link\/([\w-]{43})$/)![1];
		const [link] = db.select().from(t.signInLinks).all();
		expect(link).toMatchObject({
			id: sessionIdFromToken(token),
			userId: result.created.id,
			usedAt: null
		});
		expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBe(SIGN_IN_LINK_LIFETIME_MS);
		expect(JSON.stringify(db.select().from(t.signInLinks).all())).not.toContain(token);
		expect(JSON.stringify(auditRows())).not.toContain(token);
		const [mail] = db.select().from(t.outbox).all();
		expect(mail).toMatchObject({
			toAddress: 'linked@example.org',
			subject: 'Your Patchwork account',
			status: 'queued'
		});
		expect(mail.bodyText).toContain(result.created.link);
		expect(mail.bodyText).toContain('Hello Linda Link');
		// Nobody knows its password until they choose one.
		expect(userRow(result.created.id).passwordHash).toMatch(/^\$argon2id\$/);
	});

	it('refuses a duplicate email, patches for council staff, and emailing a password', async () => {
		const base = { displayName: 'Y', firstSignIn: 'password', password: '' };
		const duplicate = await create({ ...base, email: 'PAT@example.org', role: 'coordinator' });
		expect(failed(duplicate)?.errors).toEqual({
			email: 'A user with the email pat@example.org already exists'
		});
		const patches = await create({
			...base,
			email: 'y@example.org',
			role: 'council',
			patchIds: [String(world.patchP)]
		});
		expect(failed(patches)?.errors.patchIds).toMatch(/Only local area coordinators have patches/);
		const emailed = await create({
			...base,
			email: 'y@example.org',
			role: 'council',
			emailLink: 'yes'
		});
		expect(failed(emailed)?.errors.emailLink).toMatch(/never sent by email/);
		expect(db.select().from(t.users).all()).toHaveLength(5);
	});

	it('lists users with role, patches, status and last sign-in', async () => {
		await verifyLogin(db, 'pat@example.org', PASSWORD);
		const data = (await usersList.load(
			as<never>(fakeEvent({ url: 'http://localhost/admin/users', user: world.users.admin }))
		)) as {
			users: { email: string; role: string; patches: string[]; lastSignIn: string | null }[];
		};
		const pat = data.users.find((u) => u.email === 'pat@example.org')!;
		expect(pat).toMatchObject({ role: 'Local area coordinator', patches: ['Aldermoor'] });
		expect(pat.lastSignIn).toMatch(/\d{4} at \d\d:\d\d$/);
		expect(data.users.find((u) => u.email === 'quinn@example.org')!.lastSignIn).toBeNull();
	});
});

describe("changing a user's account", () => {
	const url = (id: number) => `http://localhost/admin/users/${id}`;
	const act = (name: keyof typeof userPage.actions, id: number, form = {}) =>
		thrownBy(() =>
			userPage.actions[name](as<never>(post(url(id), world.users.admin, form, { id: String(id) })))
		).catch(() => null);

	it('disabling ends every session at once and stops sign-in; enabling lets them back', async () => {
		const subject = world.users.subject;
		const one = createLoginSession(db, subject.id);
		const two = createLoginSession(db, subject.id);
		const e = await act('disable', subject.id);
		expect(isRedirect(e) && e.location).toBe(`/admin/users/${subject.id}?saved=disabled`);
		expect(
			db.select().from(t.loginSessions).where(eq(t.loginSessions.userId, subject.id)).all()
		).toEqual([]);
		expect(validateSessionToken(db, one.token)).toBeNull();
		expect(validateSessionToken(db, two.token)).toBeNull();
		expect(await verifyLogin(db, subject.email, PASSWORD)).toBeNull();
		expect(auditRows().find((row) => row.action === 'user.disabled')).toMatchObject({
			action: 'user.disabled',
			userId: world.users.admin.id,
			detail: { before: { disabled: false }, after: { disabled: true }, patchIds: [world.patchP] }
		});

		await act('enable', subject.id);
		expect(userRow(subject.id).disabled).toBe(false);
		expect(await verifyLogin(db, subject.email, PASSWORD)).not.toBeNull();
	});

	it('an administrator cannot disable or demote themself, and is told why', async () => {
		const admin = world.users.admin;
		const before = snapshot(db);
		const disable = await userPage.actions.disable(
			as<never>(post(url(admin.id), admin, {}, { id: String(admin.id) }))
		);
		expect(failed(disable)?.errors).toEqual({
			form: SELF_DISABLE_MESSAGE
		});
		const demote = await userPage.actions.access(
			as<never>(post(url(admin.id), admin, { role: 'council' }, { id: String(admin.id) }))
		);
		expect(failed(demote)?.errors).toEqual({ role: SELF_DEMOTE_MESSAGE });
		expect(snapshot(db)).toBe(before);
	});

	it('changing role and patches records both, before and after', async () => {
		const subject = world.users.subject;
		await act('access', subject.id, {
			role: 'coordinator',
			patchIds: [String(world.patchQ)]
		});
		expect(auditRows().at(-1)).toMatchObject({
			action: 'user.access_changed',
			detail: {
				before: { role: 'coordinator', patches: ['Aldermoor'] },
				after: { role: 'coordinator', patches: ['Brookside'] },
				patchIds: [world.patchP, world.patchQ]
			}
		});
		// Saving the same again changes nothing and writes no row.
		const rows = auditRows().length;
		const e = await act('access', subject.id, {
			role: 'coordinator',
			patchIds: [String(world.patchQ)]
		});
		expect(isRedirect(e) && e.location).toMatch(/saved=unchanged/);
		expect(auditRows()).toHaveLength(rows);
	});

	it('resetting a password gives a new one once, ends their sessions, and the old one stops working', async () => {
		const subject = world.users.subject;
		const session = createLoginSession(db, subject.id);
		const result = (await userPage.actions.resetPassword(
			as<never>(
				post(url(subject.id), world.users.admin, { password: '' }, { id: String(subject.id) })
			)
		)) as { newPassword: string };
		expect(validateSessionToken(db, session.token)).toBeNull();
		expect(await verifyLogin(db, subject.email, PASSWORD)).toBeNull();
		expect(await verifyLogin(db, subject.email, result.newPassword)).not.toBeNull();
		const row = auditRows().find((r) => r.action === 'user.password_reset')!;
		expect(JSON.stringify(row)).not.toContain(result.newPassword);

		const common = await userPage.actions.resetPassword(
			as<never>(
				post(
					url(subject.id),
					world.users.admin,
					{ password: 'PASSWORD' },
					{ id: String(subject.id) }
				)
			)
		);
		expect(failed(common)?.errors.password).toBe('Password must be 12 characters or more');
		const commonLong = await userPage.actions.resetPassword(
			as<never>(
				post(
					url(subject.id),
					world.users.admin,
					{ password: 'Masturbation' },
					{ id: String(subject.id) }
				)
			)
		);
		expect(failed(commonLong)?.errors.password).toBe(COMMON_PASSWORD_MESSAGE);
	});
});
