/**
 * How to drive the rows of the staff permission table for a patch's life on the council pages:
 * the GeoJSON download, publishing, renaming, locking, coordinators and deleting.
 */
import { eq } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import { population } from './staff-permissions-more-drivers';
import { page, type Ctx, type Driver } from './staff-permissions-routes';

const P = (ctx: Ctx) => ctx.world.staff!.patches.p;
const patchPage = {
	path: (ctx: Ctx) => `/council/patches/${P(ctx)}`,
	params: (ctx: Ctx) => ({ id: String(P(ctx)) })
};
const action = (handler: string, done: string, extra: Partial<Driver> = {}): Driver => ({
	world: 'staff',
	route: 'council/patches/[id]',
	handler,
	...patchPage,
	done: (ctx) => `redirect /council/patches/${P(ctx)}?done=${done}`,
	writes: true,
	...extra
});

/** P as a planned patch, locked: so publishing and unlocking change something. */
const plannedAndLocked = (ctx: Ctx) => {
	ctx.world.db
		.update(t.patches)
		.set({ status: 'planned', locked: true })
		.where(eq(t.patches.id, P(ctx)))
		.run();
};

export const PATCH_DRIVERS: Driver[] = [
	{
		...page('staff', 'council/patches.geojson', '/council/patches.geojson'),
		handler: 'GET',
		prepare: population,
		done: 'response 200'
	},
	{ ...page('staff', 'council/patches/[id]', ''), ...patchPage },
	action('publish', 'published', { prepare: plannedAndLocked }),
	action('rename', 'renamed', { form: () => ({ name: 'Riverside', nameCy: 'Glan yr Afon' }) }),
	action('lock', 'locked'),
	action('unlock', 'unlocked', { prepare: plannedAndLocked }),
	// The coordinator of Q is given P, and P's own coordinator relieved of it.
	action('give', 'given', {
		form: (ctx) => ({ coordinator: String(ctx.world.staff!.users.coordinatorQ.id) })
	}),
	action('relieve', 'relieved', {
		form: (ctx) => ({ coordinator: String(ctx.world.staff!.users.coordinatorP.id) })
	}),
	{
		...page('staff', 'council/patches/[id]/delete', ''),
		path: (ctx) => `/council/patches/${P(ctx)}/delete`,
		params: (ctx) => ({ id: String(P(ctx)) })
	},
	{
		world: 'staff',
		route: 'council/patches/[id]/delete',
		handler: 'default',
		path: (ctx) => `/council/patches/${P(ctx)}/delete`,
		params: (ctx) => ({ id: String(P(ctx)) }),
		form: (ctx) => ({ moveTo: String(ctx.world.staff!.patches.q) }),
		done: (ctx) => `redirect /council/patches?deleted=${P(ctx)}`,
		writes: true
	}
];
