/**
 * The staff permission table (src/lib/domain/permissions/staff-actions.ts), driven against the real
 * routes: every row, for each of the five columns (a visitor, the coordinator of the patch P, a
 * coordinator of another patch, council, admin), on a fresh database. Each case asserts what the
 * person got (sent to sign in, 403, or the page or redirect of success) and whether the database
 * changed. A route that exports a load or action without a row in the table fails the first test; a
 * guarded route under src/routes that is not driven here (nor named as not yet in the table) fails the
 * second.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createLoginSession } from '../../src/lib/server/auth/sessions';
import { createSignInLink } from '../../src/lib/server/auth/sign-in-links';
import {
	STAFF_ACTIONS,
	STAFF_COLUMNS,
	staffActionKey,
	type StaffAction
} from '../../src/lib/domain/permissions/staff-actions';
import { buildWorld, outcomeOf, requestEvent, snapshot } from './staff-permissions-worlds';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const { DRIVERS, routes } = await import('./staff-permissions-drivers');
const signInLink = await import('../../src/routes/login/link/[token]/+page.server');
type Ctx = import('./staff-permissions-drivers').Ctx;

const key = (route: string, handler: string) => `${route} ${handler}`;
const drivers = new Map(DRIVERS.map((driver) => [staffActionKey(driver), driver]));

describe('the staff permission table', () => {
	it('has one row, and one way to drive it, for each load and action the staff routes export', () => {
		const exported = Object.entries(routes).flatMap(([name, mod]) => [
			...('load' in mod ? [key(name, 'load')] : []),
			...('GET' in mod ? [key(name, 'GET')] : []),
			...('actions' in mod ? Object.keys(mod.actions).map((action) => key(name, action)) : [])
		]);
		const handlers = new Set(STAFF_ACTIONS.map((row) => key(row.route, row.handler)));
		expect([...handlers].sort()).toEqual([...exported].sort());
		const rows = STAFF_ACTIONS.map(staffActionKey);
		expect(new Set(rows).size).toBe(rows.length);
		expect([...drivers.keys()].sort()).toEqual([...rows].sort());
	});
});

/**
 * Guarded routes not in the table yet. Listed so that a new guarded route fails the check below until
 * it has rows (or is named here on purpose): this list should only shrink.
 */
const NOT_YET_IN_THE_TABLE: string[] = [];

/** The folders under src/routes whose load, actions or endpoint call a guard (or the editor's). */
function guardedRouteFolders(): string[] {
	const files = readdirSync('src/routes', { recursive: true, encoding: 'utf8' }).filter((file) =>
		/(^|\/)\+(page\.server|layout\.server|server)\.ts$/.test(file)
	);
	const guarded = files.filter((file) =>
		/\brequire(Role|User|Editor)\(/.test(readFileSync(`src/routes/${file}`, 'utf8'))
	);
	// The folder, with parameter matchers dropped as the table names them ([id=id] is [id]).
	const folders = guarded.map((file) =>
		file.replace(/\/?\+[^/]+$/, '').replace(/\[(\w+)=\w+\]/g, '[$1]')
	);
	return [...new Set(folders)].sort();
}

describe('the routes the table covers', () => {
	it('include every guarded route under src/routes, but those named as not yet in the table', () => {
		const covered = [...Object.keys(routes), ...NOT_YET_IN_THE_TABLE].sort();
		expect(guardedRouteFolders()).toEqual(covered);
	});
});

/** What the column should get for a row: its refusal, or its driver's success. */
function expected(row: StaffAction, column: (typeof STAFF_COLUMNS)[number], ctx: Ctx) {
	const driver = drivers.get(staffActionKey(row))!;
	if (!row.access[column]) {
		return {
			outcome: driver.refusedAs?.[column] ?? (column === 'visitor' ? 'login' : '403'),
			changes: false
		};
	}
	const special = driver.doneAs?.[column];
	if (special) return { outcome: special[0], changes: special[1] };
	const done = typeof driver.done === 'function' ? driver.done(ctx) : driver.done;
	return { outcome: done, changes: driver.writes };
}

describe('every staff page and action, for each of the five columns', () => {
	for (const row of STAFF_ACTIONS) {
		const driver = drivers.get(staffActionKey(row));
		for (const column of STAFF_COLUMNS) {
			const allowed = row.access[column];
			it(`${row.does} (${staffActionKey(row)}): ${column} ${allowed ? 'may' : 'may not'}`, async () => {
				if (!driver) throw new Error(`No driver for ${staffActionKey(row)}`);
				const world = await buildWorld(driver.world);
				state.db = world.db;
				const user = column === 'visitor' ? null : world.users[column];
				const ctx: Ctx = { world, user, column, ids: {} };
				const session = user ? createLoginSession(world.db, user.id).session : null;
				await driver.prepare?.(ctx);
				const want = expected(row, column, ctx);
				const before = snapshot(world.db);
				const isLoad = driver.handler === 'load' || driver.handler === 'GET';
				const event = requestEvent({
					path: driver.path(ctx),
					user,
					session,
					params: driver.params?.(ctx),
					form: isLoad ? undefined : (driver.form?.(ctx) ?? {})
				});
				const mod = routes[driver.route] as Record<string, unknown>;
				const handler = isLoad
					? (mod[driver.handler] as (e: unknown) => unknown)
					: (mod.actions as Record<string, (e: unknown) => unknown>)[driver.handler];
				const got = await outcomeOf(() => handler(event));
				if (want.outcome instanceof RegExp) expect(got).toMatch(want.outcome);
				else expect(got).toBe(want.outcome);
				expect(snapshot(world.db) !== before, 'the database changed').toBe(want.changes);
			});
		}
	}
});

describe('pages a link opens: the token is the permission, whoever is signed in', () => {
	for (const column of STAFF_COLUMNS) {
		it(`a sign-in link opens and signs in, for ${column}`, async () => {
			const world = await buildWorld('keeping');
			state.db = world.db;
			const user = column === 'visitor' ? null : world.users[column];
			const session = user ? createLoginSession(world.db, user.id).session : null;
			const make = () => createSignInLink(world.db, world.keeping!.users.subject.id).token;
			const at = (token: string, form?: Record<string, string>) =>
				requestEvent({ path: `/login/link/${token}`, user, session, params: { token }, form });
			let token = make();
			let before = snapshot(world.db);
			expect(await outcomeOf(() => signInLink.load(at(token)))).toBe('ok');
			expect(snapshot(world.db)).toBe(before);
			token = make();
			before = snapshot(world.db);
			expect(await outcomeOf(() => signInLink.actions.default(at(token, {})))).toBe(
				'redirect /account/password'
			);
			expect(snapshot(world.db)).not.toBe(before);
		});
	}
});
