/**
 * The finder's page and log actions, called as the server calls them: who may use them, where each
 * action sends the coordinator back to, and that a failed log writes nothing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as t from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { seedStaffFixture, type StaffFixture } from './staff-fixture';
import { outcomeOf, staffEvent } from './staff-helpers';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const finder = await import('../../src/routes/staff/finder/+page.server');
const log = await import('../../src/routes/staff/connections/+page.server');

const H = 'http://localhost';
let db: Db;
let fx: StaffFixture;

beforeEach(() => {
	db = createTestDb();
	state.db = db;
	fx = seedStaffFixture(db);
	db.insert(t.assetCategories).values({ assetId: fx.assets.inP, categoryId: 'social' }).run();
});

describe('/staff/finder', () => {
	it('sends a visitor to sign in, keeping the search to come back to', async () => {
		const outcome = await outcomeOf(() =>
			finder.load(staffEvent(`${H}/staff/finder?postcode=FV1+1AA`, null))
		);
		expect(outcome).toMatchObject({ kind: 'redirect', status: 303 });
		expect((outcome as { location: string }).location).toMatch(/^\/login\?redirectTo=/);
	});

	it('finds for a coordinator, with the theme each result would log', async () => {
		const outcome = await outcomeOf(() =>
			finder.load(
				staffEvent(`${H}/staff/finder?cat=social&postcode=FV1+1AA`, fx.users.coordinatorP)
			)
		);
		const data = (
			outcome as {
				data: {
					sections: { title: string; entries: { name: string; theme: string | null }[] }[];
					patch: { slug: string } | null;
				};
			}
		).data;
		expect(data.sections.map((s) => s.title)).toEqual([
			'People and groups nearby',
			'Places',
			'Services'
		]);
		expect(data.sections[0].entries.map((e) => [e.name, e.theme])).toEqual([
			['Knit and Natter', 'social']
		]);
		expect(data.patch?.slug).toBe('p');
	});

	it('logs "Connected" and returns to the same search; refuses a bad entry, writing nothing', async () => {
		const url = `${H}/staff/finder?/connected&cat=social&postcode=FV1+1AA`;
		const ok = await outcomeOf(() =>
			finder.actions.connected(
				staffEvent(
					url,
					fx.users.coordinatorP,
					{},
					{
						assetId: String(fx.assets.inP),
						theme: 'social',
						patchId: String(fx.patches.p)
					}
				)
			)
		);
		expect(ok).toEqual({
			kind: 'redirect',
			status: 303,
			location: '/staff/finder?cat=social&postcode=FV1+1AA&logged=connected'
		});
		const bad = await outcomeOf(() =>
			finder.actions.connected(staffEvent(url, fx.users.coordinatorP, {}, { assetId: '9999' }))
		);
		expect(bad).toMatchObject({ kind: 'fail', status: 400 });
		expect(db.select().from(t.connections).all()).toHaveLength(1);
	});

	it('logs "nothing suitable" for each theme, and shows the counts to council with small ones hidden', async () => {
		await outcomeOf(() =>
			finder.actions.nothing(
				staffEvent(
					`${H}/staff/finder?/nothing`,
					fx.users.coordinatorQ,
					{},
					{
						themes: ['social'],
						patchId: String(fx.patches.q)
					}
				)
			)
		);
		const own = await outcomeOf(() =>
			log.load(staffEvent(`${H}/staff/connections`, fx.users.coordinatorQ))
		);
		const council = await outcomeOf(() =>
			log.load(staffEvent(`${H}/staff/connections`, fx.users.council))
		);
		expect((own as { data: { rows: { count: string }[] } }).data.rows.map((r) => r.count)).toEqual([
			'1'
		]);
		expect(
			(council as { data: { rows: { count: string }[] } }).data.rows.map((r) => r.count)
		).toEqual(['fewer than 5']);
	});
});
