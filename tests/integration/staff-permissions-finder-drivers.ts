/**
 * How to drive the rows of the staff permission table for the connection finder, its connections log
 * and the council's gap analysis: the world, the setup, the form and what success looks like.
 */
import * as t from '../../src/lib/server/db/schema';
import { londonDate } from '../../src/lib/domain/sessions';
import { page, type Ctx, type Driver } from './staff-permissions-routes';

const SEARCH = '/staff/finder?cat=social&postcode=FV1+1AA';
const inP = (ctx: Ctx) => ctx.world.staff!.assets.inP;

/** A "Connected" row in the log, recorded today by `userId`. */
const logged = (ctx: Ctx, userId: number) => {
	ctx.ids.connection = Number(
		ctx.world.db
			.insert(t.connections)
			.values({
				madeOn: londonDate(new Date()),
				patchId: ctx.world.staff!.patches.p,
				assetId: inP(ctx),
				theme: 'social',
				kind: 'connected',
				recordedBy: userId
			})
			.run().lastInsertRowid
	);
};

const finderAction = (
	handler: string,
	form: (ctx: Ctx) => Record<string, string | string[]>,
	note: string
): Driver => ({
	world: 'staff',
	route: 'staff/finder',
	handler,
	path: () => `/staff/finder?/${handler}&cat=social&postcode=FV1+1AA`,
	form,
	done: `redirect /staff/finder?cat=social&postcode=FV1+1AA&logged=${note}`,
	writes: true
});

export const FINDER_DRIVERS: Driver[] = [
	page('staff', 'staff/finder', SEARCH),
	finderAction(
		'connected',
		(ctx) => ({
			assetId: String(inP(ctx)),
			theme: 'social',
			patchId: String(ctx.world.staff!.patches.p)
		}),
		'connected'
	),
	finderAction(
		'nothing',
		(ctx) => ({ themes: ['social'], patchId: String(ctx.world.staff!.patches.p) }),
		'nothing'
	),
	{
		...finderAction('undo', (ctx) => ({ id: String(ctx.ids.connection) }), 'undone'),
		// Their own row of today (a visitor has none: the coordinator of P's stands in).
		prepare: (ctx) => logged(ctx, (ctx.user ?? ctx.world.users.coordinatorOfP).id)
	},
	{
		...finderAction('undo', (ctx) => ({ id: String(ctx.ids.connection) }), 'undone'),
		variant: 'not-theirs',
		// Someone else's row: refused with a message beside the log, whoever asks.
		prepare: (ctx) => {
			const other = Number(
				ctx.world.db
					.insert(t.users)
					.values({ email: 'r@example.org', role: 'coordinator', displayName: 'Someone else' })
					.run().lastInsertRowid
			);
			logged(ctx, other);
		},
		refusedAs: {
			coordinatorOfP: 'fail 400',
			coordinatorOfOtherPatch: 'fail 400',
			council: 'fail 400',
			admin: 'fail 400'
		}
	},
	{
		...page('staff', 'staff/connections', '/staff/connections'),
		prepare: (ctx) => logged(ctx, ctx.world.users.coordinatorOfP.id)
	},
	{
		...page('staff', 'staff/connections.csv', '/staff/connections.csv'),
		handler: 'GET',
		done: 'response 200'
	},
	page('staff', 'council/gaps', '/council/gaps'),
	page('staff', 'council/gaps/report', '/council/gaps/report'),
	{
		world: 'staff',
		route: 'council/gaps',
		handler: 'whatif',
		path: () => '/council/gaps?/whatif',
		form: () => ({
			postcode: 'FV1 1AA',
			categories: ['social'],
			weekday: '2',
			frequency: 'weekly',
			start: '18:00',
			end: '20:00'
		}),
		// A what-if shows what a new venue would change; it saves nothing.
		done: 'ok',
		writes: false
	},
	{
		world: 'staff',
		route: 'council/gaps',
		handler: 'demand',
		path: () => '/council/gaps?/demand',
		form: () => ({ record: 'off' }),
		done: /^redirect \/council\/gaps\?demand=saved#demand$/,
		writes: true
	},
	{
		...page('staff', 'council/gaps/download/[file]', '/council/gaps/download/patch-categories.csv'),
		handler: 'GET',
		params: () => ({ file: 'patch-categories.csv' }),
		done: 'response 200'
	}
];
