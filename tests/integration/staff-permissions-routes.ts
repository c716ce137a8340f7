/**
 * The staff routes the permission test drives, the shape of a way to drive one row of the table
 * (src/lib/domain/permissions/staff-actions.ts), and the driver of a plain page load.
 */
import type { SessionUser } from '../../src/lib/server/auth/roles';
import type { StaffColumn } from '../../src/lib/domain/permissions/staff-actions';
import type { World, WorldName } from './staff-permissions-worlds';

export const routes = {
	staff: await import('../../src/routes/staff/+page.server'),
	'entries/new': await import('../../src/routes/entries/new/+page.server'),
	'entries/[id]/edit': await import('../../src/routes/entries/[id=id]/edit/+page.server'),
	'staff/suggestions': await import('../../src/routes/staff/suggestions/+page.server'),
	'staff/suggestions/[id]': await import('../../src/routes/staff/suggestions/[id=id]/+page.server'),
	'staff/to-check': await import('../../src/routes/staff/to-check/+page.server'),
	council: await import('../../src/routes/council/+page.server'),
	'council/settings': await import('../../src/routes/council/settings/+page.server'),
	'council/archived': await import('../../src/routes/council/archived/+page.server'),
	'staff/duplicates/[id]': await import('../../src/routes/staff/duplicates/[id=id]/+page.server'),
	'staff/finder': await import('../../src/routes/staff/finder/+page.server'),
	'staff/connections': await import('../../src/routes/staff/connections/+page.server'),
	'staff/connections.csv': await import('../../src/routes/staff/connections.csv/+server'),
	'council/gaps': await import('../../src/routes/council/gaps/+page.server'),
	'council/gaps/report': await import('../../src/routes/council/gaps/report/+page.server'),
	'council/gaps/download/[file]':
		await import('../../src/routes/council/gaps/download/[file]/+server'),
	'account/presence': await import('../../src/routes/account/presence/+page.server'),
	'account/password': await import('../../src/routes/account/password/+page.server'),
	audit: await import('../../src/routes/audit/+page.server'),
	'audit.csv': await import('../../src/routes/audit.csv/+server'),
	admin: await import('../../src/routes/admin/+layout.server'),
	'admin/users': await import('../../src/routes/admin/users/+page.server'),
	'admin/users/new': await import('../../src/routes/admin/users/new/+page.server'),
	'admin/users/[id]': await import('../../src/routes/admin/users/[id=id]/+page.server'),
	'admin/users/[id]/presence':
		await import('../../src/routes/admin/users/[id=id]/presence/+page.server'),
	'admin/outbox': await import('../../src/routes/admin/outbox/+page.server'),
	'admin/outbox/[id]': await import('../../src/routes/admin/outbox/[id=id]/+page.server'),
	'entries/[id]/erase': await import('../../src/routes/entries/[id=id]/erase/+page.server'),
	'entries/erased': await import('../../src/routes/entries/erased/+page.server'),
	'staff/duplicates': await import('../../src/routes/staff/duplicates/+page.server'),
	account: await import('../../src/routes/account/+page.server'),
	'council/assets-import': await import('../../src/routes/council/assets-import/+page.server'),
	'council/import': await import('../../src/routes/council/import/+page.server'),
	'council/patches': await import('../../src/routes/council/patches/+page.server'),
	'council/patches.csv': await import('../../src/routes/council/patches.csv/+server'),
	'council/patches.geojson': await import('../../src/routes/council/patches.geojson/+server'),
	'council/patches/[id]': await import('../../src/routes/council/patches/[id=id]/+page.server'),
	'council/patches/[id]/delete':
		await import('../../src/routes/council/patches/[id=id]/delete/+page.server'),
	'council/patches/[id]/edit':
		await import('../../src/routes/council/patches/[id=id]/edit/+page.server'),
	'council/patches/new': await import('../../src/routes/council/patches/new/+page.server'),
	'council/patches/small-areas':
		await import('../../src/routes/council/patches/small-areas/+server'),
	'council/scenarios': await import('../../src/routes/council/scenarios/+page.server'),
	'council/scenarios/[id]': await import('../../src/routes/council/scenarios/[id=id]/+page.server')
} as const;
export type Route = keyof typeof routes;

export interface Ctx {
	world: World;
	user: SessionUser | null;
	column: StaffColumn;
	/** Ids `prepare` made. */
	ids: Record<string, number | string>;
}

export interface Driver {
	world: WorldName;
	route: Route;
	handler: string;
	variant?: string;
	/** The page's path (with the id in it). */
	path: (ctx: Ctx) => string;
	params?: (ctx: Ctx) => Record<string, string>;
	/** Sets up what the case needs, before the snapshot. */
	prepare?: (ctx: Ctx) => void | Promise<void>;
	form?: (ctx: Ctx) => Record<string, string | string[] | File>;
	/** What an allowed person gets: 'ok', 'response 200', or the redirect. */
	done: string | RegExp | ((ctx: Ctx) => string | RegExp);
	/** Whether success changes the database (loads never do). */
	writes: boolean;
	/** Where a column is refused otherwise than "sign in" or 403, and why. */
	refusedAs?: Partial<Record<StaffColumn, string>>;
	/** Where an allowed column gets something else than `done`, and why: [outcome, changes]. */
	doneAs?: Partial<Record<StaffColumn, [string, boolean]>>;
}

/** A resident's suggestion about Knit and Natter (in P) or a new one, through the public forms. */

/** A page load anyone allowed sees as 'ok', changing nothing. */
export const page = (world: WorldName, route: Route, path: string): Driver => ({
	world,
	route,
	handler: 'load',
	path: () => path,
	done: 'ok',
	writes: false
});
