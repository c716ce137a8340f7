/**
 * Who may do what on the users, audit, presence, password, sign-in link and outbox pages: every page
 * load and every form action, called directly as SvelteKit would, for each of the five kinds of
 * person (visitor, coordinator of patch P, coordinator of another patch, council, admin). Each case
 * asserts the outcome (a redirect to sign in, 403, 400, or the page or redirect a person gets) AND
 * whether the database changed. The table is checked against the routes' exports, so a new action
 * without a row fails.
 */
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeEvent } from '../../src/lib/server/auth/route-test-helpers';
import { createLoginSession } from '../../src/lib/server/auth/sessions';
import { createSignInLink } from '../../src/lib/server/auth/sign-in-links';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { queueEmail } from '../../src/lib/server/email';
import { seedKeepingWorld, snapshot, PASSWORD, type KeepingWorld } from './keeping-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const routes = {
	'admin layout': await import('../../src/routes/admin/+layout.server'),
	'admin/users': await import('../../src/routes/admin/users/+page.server'),
	'admin/users/new': await import('../../src/routes/admin/users/new/+page.server'),
	'admin/users/[id]': await import('../../src/routes/admin/users/[id=id]/+page.server'),
	'admin/users/[id]/presence':
		await import('../../src/routes/admin/users/[id=id]/presence/+page.server'),
	'admin/outbox': await import('../../src/routes/admin/outbox/+page.server'),
	'admin/outbox/[id]': await import('../../src/routes/admin/outbox/[id=id]/+page.server'),
	'account/presence': await import('../../src/routes/account/presence/+page.server'),
	'account/password': await import('../../src/routes/account/password/+page.server'),
	audit: await import('../../src/routes/audit/+page.server'),
	'audit.csv': await import('../../src/routes/audit.csv/+server'),
	'login/link/[token]': await import('../../src/routes/login/link/[token]/+page.server')
} as const;
type RouteName = keyof typeof routes;

const ROLES = ['visitor', 'coordP', 'coordQ', 'council', 'admin'] as const;
type Who = (typeof ROLES)[number];

/** What a person gets: 'login' (sent to sign in), '403', '404', 'fail 400', 'ok' (a page or a result), 'response 200', or 'redirect <path>'. */
type Outcome = string | RegExp;
type Expectation = [Outcome, changed: boolean];

interface Context {
	db: Db;
	world: KeepingWorld;
	user: SessionUser | null;
	/** Ids made by `prepare`. */
	ids: Record<string, number | string>;
}

interface Row {
	route: RouteName;
	/** 'load', an action's name, or 'GET'. */
	action: string;
	/** Sets up what the case needs (before the snapshot). */
	prepare?: (ctx: Context) => void;
	params?: (ctx: Context) => Record<string, string>;
	form?: (ctx: Context) => Record<string, string | string[]>;
	query?: string;
	expect: Record<Who, Expectation>;
}

const login: Expectation = ['login', false];
const forbidden: Expectation = ['403', false];
const page: Expectation = ['ok', false];
/** Only an admin: everyone else is sent to sign in or refused, and nothing changes. */
const adminOnly = (admin: Expectation): Record<Who, Expectation> => ({
	visitor: login,
	coordP: forbidden,
	coordQ: forbidden,
	council: forbidden,
	admin
});

const subjectParams = (ctx: Context) => ({ id: String(ctx.world.users.subject.id) });
const failedMessage = (ctx: Context) => {
	const id = queueEmail(ctx.db, { to: 'x@example.org', subject: 'Hello', text: 'Body' });
	ctx.db.update(t.outbox).set({ status: 'failed', attempts: 6 }).where(eq(t.outbox.id, id)).run();
	ctx.ids.message = id;
};
const ownSession = (ctx: Context) => {
	if (!ctx.user) return;
	ctx.ids.session = Number(
		ctx.db
			.insert(t.presenceSessions)
			.values({
				userId: ctx.user.id,
				venueId: ctx.world.venues.inP,
				weekday: 2,
				startTime: '10:00',
				endTime: '12:00'
			})
			.run().lastInsertRowid
	);
};
const weeklyAt = (venueId: number) => ({
	venueId: String(venueId),
	repeat: 'weekly',
	weekday: '2',
	startTime: '10:00',
	endTime: '12:00'
});

const TABLE: Row[] = [
	{ route: 'admin layout', action: 'load', expect: adminOnly(page) },
	{ route: 'admin/users', action: 'load', expect: adminOnly(page) },
	{ route: 'admin/users/new', action: 'load', expect: adminOnly(page) },
	{
		route: 'admin/users/new',
		action: 'default',
		form: (ctx) => ({
			email: 'new.person@example.org',
			displayName: 'New Person',
			role: 'coordinator',
			patchIds: [String(ctx.world.patchP)],
			firstSignIn: 'password',
			password: ''
		}),
		expect: adminOnly(['ok', true])
	},
	{ route: 'admin/users/[id]', action: 'load', params: subjectParams, expect: adminOnly(page) },
	{
		route: 'admin/users/[id]',
		action: 'access',
		params: subjectParams,
		form: (ctx) => ({
			role: 'coordinator',
			patchIds: [String(ctx.world.patchP), String(ctx.world.patchQ)]
		}),
		expect: adminOnly([/^redirect \/admin\/users\/\d+\?saved=access$/, true])
	},
	{
		route: 'admin/users/[id]',
		action: 'disable',
		params: subjectParams,
		prepare: (ctx) => void createLoginSession(ctx.db, ctx.world.users.subject.id),
		expect: adminOnly([/^redirect \/admin\/users\/\d+\?saved=disabled$/, true])
	},
	{
		route: 'admin/users/[id]',
		action: 'enable',
		params: subjectParams,
		prepare: (ctx) =>
			void ctx.db
				.update(t.users)
				.set({ disabled: true })
				.where(eq(t.users.id, ctx.world.users.subject.id))
				.run(),
		expect: adminOnly([/^redirect \/admin\/users\/\d+\?saved=enabled$/, true])
	},
	{
		route: 'admin/users/[id]',
		action: 'resetPassword',
		params: subjectParams,
		form: () => ({ password: '' }),
		expect: adminOnly(['ok', true])
	},
	{
		route: 'admin/users/[id]/presence',
		action: 'load',
		params: subjectParams,
		expect: adminOnly(page)
	},
	{
		route: 'admin/users/[id]/presence',
		action: 'add',
		params: subjectParams,
		form: (ctx) => weeklyAt(ctx.world.venues.inP),
		expect: adminOnly([/^redirect \/admin\/users\/\d+\/presence\?saved=added$/, true])
	},
	{
		route: 'admin/users/[id]/presence',
		action: 'remove',
		params: subjectParams,
		prepare: (ctx) => ownSession({ ...ctx, user: ctx.world.users.subject }),
		form: (ctx) => ({ sessionId: String(ctx.ids.session) }),
		expect: adminOnly([/^redirect \/admin\/users\/\d+\/presence\?saved=removed$/, true])
	},
	{ route: 'admin/outbox', action: 'load', expect: adminOnly(page) },
	{
		route: 'admin/outbox',
		action: 'retry',
		prepare: failedMessage,
		form: (ctx) => ({ id: String(ctx.ids.message) }),
		expect: adminOnly([/^redirect \/admin\/outbox\?retried=\d+$/, true])
	},
	{
		route: 'admin/outbox/[id]',
		action: 'load',
		prepare: failedMessage,
		params: (ctx) => ({ id: String(ctx.ids.message) }),
		expect: adminOnly(page)
	},
	{
		route: 'admin/outbox/[id]',
		action: 'retry',
		prepare: failedMessage,
		params: (ctx) => ({ id: String(ctx.ids.message) }),
		form: (ctx) => ({ id: String(ctx.ids.message) }),
		expect: adminOnly([/^redirect \/admin\/outbox\/\d+\?retried$/, true])
	},
	{
		route: 'account/presence',
		action: 'load',
		expect: { visitor: login, coordP: page, coordQ: page, council: forbidden, admin: page }
	},
	{
		route: 'account/presence',
		action: 'add',
		form: (ctx) => weeklyAt(ctx.world.venues.inP),
		expect: {
			visitor: login,
			coordP: ['redirect /account/presence?saved=added', true],
			// Not near their patch: refused with a message, nothing stored.
			coordQ: ['fail 400', false],
			council: forbidden,
			// An admin has no patches, so no venue is near them.
			admin: ['fail 400', false]
		}
	},
	{
		route: 'account/presence',
		action: 'remove',
		prepare: ownSession,
		form: (ctx) => ({ sessionId: String(ctx.ids.session ?? 1) }),
		expect: {
			visitor: login,
			coordP: ['redirect /account/presence?saved=removed', true],
			coordQ: ['redirect /account/presence?saved=removed', true],
			council: forbidden,
			admin: ['redirect /account/presence?saved=removed', true]
		}
	},
	{
		route: 'audit',
		action: 'load',
		expect: { visitor: login, coordP: page, coordQ: page, council: page, admin: page }
	},
	{
		route: 'audit.csv',
		action: 'GET',
		expect: {
			visitor: login,
			coordP: forbidden,
			coordQ: forbidden,
			council: ['response 200', false],
			admin: ['response 200', false]
		}
	},
	{
		route: 'account/password',
		action: 'load',
		expect: { visitor: login, coordP: page, coordQ: page, council: page, admin: page }
	},
	{
		route: 'account/password',
		action: 'default',
		form: () => ({
			currentPassword: PASSWORD,
			newPassword: 'a brand new passphrase',
			confirmPassword: 'a brand new passphrase'
		}),
		expect: {
			visitor: login,
			coordP: ['redirect /account?password-changed', true],
			coordQ: ['redirect /account?password-changed', true],
			council: ['redirect /account?password-changed', true],
			admin: ['redirect /account?password-changed', true]
		}
	},
	{
		route: 'login/link/[token]',
		action: 'load',
		prepare: (ctx) => {
			ctx.ids.token = createSignInLink(ctx.db, ctx.world.users.subject.id).token;
		},
		params: (ctx) => ({ token: String(ctx.ids.token) }),
		// Anyone holding the link may open it: the token is the permission.
		expect: { visitor: page, coordP: page, coordQ: page, council: page, admin: page }
	},
	{
		route: 'login/link/[token]',
		action: 'default',
		prepare: (ctx) => {
			ctx.ids.token = createSignInLink(ctx.db, ctx.world.users.subject.id).token;
		},
		params: (ctx) => ({ token: String(ctx.ids.token) }),
		expect: {
			visitor: ['redirect /account/password', true],
			coordP: ['redirect /account/password', true],
			coordQ: ['redirect /account/password', true],
			council: ['redirect /account/password', true],
			admin: ['redirect /account/password', true]
		}
	}
];

async function outcomeOf(run: () => unknown): Promise<string> {
	try {
		const result = await run();
		if (result instanceof Response) return `response ${result.status}`;
		if (isActionFailure(result)) return `fail ${result.status}`;
		return 'ok';
	} catch (e) {
		if (isRedirect(e)) return e.location.startsWith('/login?') ? 'login' : `redirect ${e.location}`;
		if (isHttpError(e)) return String(e.status);
		throw e;
	}
}

function eventFor(row: Row, ctx: Context, session: { id: string; expiresAt: Date } | null) {
	const path = `http://localhost/${row.route.replace(/ layout$/, '')}${row.query ?? ''}`;
	const form = row.form?.(ctx);
	const base = fakeEvent({ url: path, user: ctx.user, session });
	let request = base.request;
	if (form || row.action !== 'load') {
		const body = new FormData();
		for (const [key, value] of Object.entries(form ?? {})) {
			for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
		}
		if (row.action !== 'load' && row.action !== 'GET') {
			request = new Request(path, { method: 'POST', body });
		}
	}
	return { ...base, request, params: row.params?.(ctx) ?? {} };
}

function run(row: Row, event: unknown) {
	const mod = routes[row.route] as Record<string, unknown>;
	if (row.action === 'load') return (mod.load as (e: unknown) => unknown)(event);
	if (row.action === 'GET') return (mod.GET as (e: unknown) => unknown)(event);
	const actions = mod.actions as Record<string, (e: unknown) => unknown>;
	return actions[row.action](event);
}

let db: Db;
let world: KeepingWorld;
beforeEach(async () => {
	db = createTestDb();
	state.db = db;
	world = await seedKeepingWorld(db);
});

describe('every page and action of the users, audit, presence, password and outbox screens', () => {
	it('has a row in the table for each load and action the routes export', () => {
		const exported = Object.entries(routes).flatMap(([name, mod]) => [
			...('load' in mod ? [`${name} load`] : []),
			...('GET' in mod ? [`${name} GET`] : []),
			...('actions' in mod ? Object.keys(mod.actions).map((action) => `${name} ${action}`) : [])
		]);
		const covered = TABLE.map((row) => `${row.route} ${row.action}`);
		expect(covered.sort()).toEqual(exported.sort());
	});

	for (const row of TABLE) {
		for (const who of ROLES) {
			const [outcome, changed] = row.expect[who];
			it(`${row.route} ${row.action} as ${who}: ${outcome}, ${changed ? 'changes' : 'changes nothing'}`, async () => {
				const user = who === 'visitor' ? null : world.users[who];
				const ctx: Context = { db, world, user, ids: {} };
				const session = user ? createLoginSession(db, user.id).session : null;
				row.prepare?.(ctx);
				const before = snapshot(db);
				const got = await outcomeOf(() => run(row, eventFor(row, ctx, session)));
				if (outcome instanceof RegExp) expect(got).toMatch(outcome);
				else expect(got).toBe(outcome);
				expect(snapshot(db) !== before, 'the database changed').toBe(changed);
			});
		}
	}
});
