/**
 * How to drive the rows of the staff permission table for people's own accounts, the audit log, users
 * and the outbox: the world, the setup, the form and what success looks like.
 */
import { eq } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import { createLoginSession } from '../../src/lib/server/auth/sessions';
import { queueEmail } from '../../src/lib/server/email';
import { PASSWORD } from './keeping-fixture';
import { page, type Ctx, type Driver } from './staff-permissions-routes';

const subject = {
	path: (ctx: Ctx) => `/admin/users/${ctx.world.keeping!.users.subject.id}`,
	params: (ctx: Ctx) => ({ id: String(ctx.world.keeping!.users.subject.id) })
};
const failedMessage = (ctx: Ctx) => {
	const id = queueEmail(ctx.world.db, { to: 'x@example.org', subject: 'Hello', text: 'Body' });
	ctx.world.db
		.update(t.outbox)
		.set({ status: 'failed', attempts: 6 })
		.where(eq(t.outbox.id, id))
		.run();
	ctx.ids.message = id;
};
const ownSession = (ctx: Ctx, user = ctx.user) => {
	if (!user) return;
	ctx.ids.session = Number(
		ctx.world.db
			.insert(t.presenceSessions)
			.values({
				userId: user.id,
				venueId: ctx.world.keeping!.venues.inP,
				weekday: 2,
				startTime: '10:00',
				endTime: '12:00'
			})
			.run().lastInsertRowid
	);
};
/** A weekly hour at a venue in the person's own patch (P for anyone without one). */
const weeklyNearThem = (ctx: Ctx) => ({
	venueId: String(
		ctx.column === 'coordinatorOfOtherPatch'
			? ctx.world.keeping!.venues.inQ
			: ctx.world.keeping!.venues.inP
	),
	repeat: 'weekly',
	weekday: '2',
	startTime: '10:00',
	endTime: '12:00'
});

export const ACCOUNT_DRIVERS: Driver[] = [
	page('keeping', 'account/presence', '/account/presence'),
	{
		world: 'keeping',
		route: 'account/presence',
		handler: 'add',
		path: () => '/account/presence',
		form: weeklyNearThem,
		done: 'redirect /account/presence?saved=added',
		writes: true,
		// An admin has no patches, so no venue is near them: refused with a message, nothing stored.
		doneAs: { admin: ['fail 400', false] }
	},
	{
		world: 'keeping',
		route: 'account/presence',
		handler: 'remove',
		path: () => '/account/presence',
		prepare: (ctx) => ownSession(ctx),
		form: (ctx) => ({ sessionId: String(ctx.ids.session ?? 1) }),
		done: 'redirect /account/presence?saved=removed',
		writes: true
	},
	page('keeping', 'account/password', '/account/password'),
	{
		world: 'keeping',
		route: 'account/password',
		handler: 'default',
		path: () => '/account/password',
		form: () => ({
			currentPassword: PASSWORD,
			newPassword: 'a brand new passphrase',
			confirmPassword: 'a brand new passphrase'
		}),
		done: 'redirect /account?password-changed',
		writes: true
	},
	page('keeping', 'audit', '/audit'),
	{ ...page('keeping', 'audit.csv', '/audit.csv'), handler: 'GET', done: 'response 200' },
	page('keeping', 'admin', '/admin'),
	page('keeping', 'admin/users', '/admin/users'),
	page('keeping', 'admin/users/new', '/admin/users/new'),
	{
		world: 'keeping',
		route: 'admin/users/new',
		handler: 'default',
		path: () => '/admin/users/new',
		form: (ctx) => ({
			email: 'new.person@example.org',
			displayName: 'New Person',
			role: 'coordinator',
			patchIds: [String(ctx.world.keeping!.patchP)],
			firstSignIn: 'password',
			password: ''
		}),
		done: 'ok',
		writes: true
	},
	{ ...page('keeping', 'admin/users/[id]', ''), ...subject },
	{
		world: 'keeping',
		route: 'admin/users/[id]',
		handler: 'access',
		...subject,
		form: (ctx) => ({
			role: 'coordinator',
			patchIds: [String(ctx.world.keeping!.patchP), String(ctx.world.keeping!.patchQ)]
		}),
		done: /^redirect \/admin\/users\/\d+\?saved=access$/,
		writes: true
	},
	{
		world: 'keeping',
		route: 'admin/users/[id]',
		handler: 'disable',
		...subject,
		prepare: (ctx) => void createLoginSession(ctx.world.db, ctx.world.keeping!.users.subject.id),
		done: /^redirect \/admin\/users\/\d+\?saved=disabled$/,
		writes: true
	},
	{
		world: 'keeping',
		route: 'admin/users/[id]',
		handler: 'enable',
		...subject,
		prepare: (ctx) =>
			void ctx.world.db
				.update(t.users)
				.set({ disabled: true })
				.where(eq(t.users.id, ctx.world.keeping!.users.subject.id))
				.run(),
		done: /^redirect \/admin\/users\/\d+\?saved=enabled$/,
		writes: true
	},
	{
		world: 'keeping',
		route: 'admin/users/[id]',
		handler: 'resetPassword',
		...subject,
		form: () => ({ password: '' }),
		done: 'ok',
		writes: true
	},
	{
		...page('keeping', 'admin/users/[id]/presence', ''),
		path: (ctx) => `${subject.path(ctx)}/presence`,
		params: subject.params
	},
	{
		world: 'keeping',
		route: 'admin/users/[id]/presence',
		handler: 'add',
		path: (ctx) => `${subject.path(ctx)}/presence`,
		params: subject.params,
		form: (ctx) => ({ ...weeklyNearThem(ctx), venueId: String(ctx.world.keeping!.venues.inP) }),
		done: /^redirect \/admin\/users\/\d+\/presence\?saved=added$/,
		writes: true
	},
	{
		world: 'keeping',
		route: 'admin/users/[id]/presence',
		handler: 'remove',
		path: (ctx) => `${subject.path(ctx)}/presence`,
		params: subject.params,
		prepare: (ctx) => ownSession(ctx, ctx.world.keeping!.users.subject),
		form: (ctx) => ({ sessionId: String(ctx.ids.session) }),
		done: /^redirect \/admin\/users\/\d+\/presence\?saved=removed$/,
		writes: true
	},
	page('keeping', 'admin/outbox', '/admin/outbox'),
	{
		world: 'keeping',
		route: 'admin/outbox',
		handler: 'retry',
		path: () => '/admin/outbox',
		prepare: failedMessage,
		form: (ctx) => ({ id: String(ctx.ids.message) }),
		done: /^redirect \/admin\/outbox\?retried=\d+$/,
		writes: true
	},
	{
		...page('keeping', 'admin/outbox/[id]', ''),
		prepare: failedMessage,
		path: (ctx) => `/admin/outbox/${ctx.ids.message}`,
		params: (ctx) => ({ id: String(ctx.ids.message) })
	},
	{
		world: 'keeping',
		route: 'admin/outbox/[id]',
		handler: 'retry',
		prepare: failedMessage,
		path: (ctx) => `/admin/outbox/${ctx.ids.message}`,
		params: (ctx) => ({ id: String(ctx.ids.message) }),
		form: (ctx) => ({ id: String(ctx.ids.message) }),
		done: /^redirect \/admin\/outbox\/\d+\?retried$/,
		writes: true
	}
];
