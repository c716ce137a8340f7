/**
 * The coordinator's list of entries to check, "Still true" one by one and a page at a time, and the
 * council's freshness settings (which the public stale label follows).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { londonDate } from '../../src/lib/domain/sessions';
import { monthsBefore } from '../../src/lib/domain/freshness';
import { seedStaffFixture, snapshot, type StaffFixture } from './staff-fixture';
import { getAsset, nextAddress, outcomeOf, staffEvent } from './staff-helpers';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const toCheck = await import('../../src/routes/staff/to-check/+page.server');
const settings = await import('../../src/routes/council/settings/+page.server');
const layout = await import('../../src/routes/+layout.server');
const home = await import('../../src/routes/staff/+page.server');
const queue = await import('../../src/routes/staff/suggestions/+page.server');
const suggestChange = await import('../../src/routes/assets/[id=id]/suggest/+page.server');

const H = 'http://localhost';
let db: Db;
let fx: StaffFixture;
const today = () => londonDate(new Date());
/** A date `months` months and `days` days before today. */
const ago = (months: number, days = 0) => {
	const d = new Date(`${monthsBefore(today(), months)}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() - days);
	return d.toISOString().slice(0, 10);
};

beforeEach(() => {
	db = createTestDb();
	state.db = db;
	fx = seedStaffFixture(db);
});

function addEntry(name: string, values: Partial<typeof t.assets.$inferInsert>) {
	return Number(
		db
			.insert(t.assets)
			.values({
				programmeId: fx.programmeId,
				kind: 'group',
				name,
				lon: 0.25,
				lat: 0.25,
				status: 'published',
				...values
			})
			.run().lastInsertRowid
	);
}

type ListData = {
	rows: { id: number; name: string; state: string }[];
	total: number;
	page: number;
	pageCount: number;
};
const list = async (user = fx.users.coordinatorP, query = '') =>
	(await toCheck.load(staffEvent(`${H}/staff/to-check${query}`, user))) as ListData;

describe('the to-check list', () => {
	it('holds the patch’s published entries due or stale, most overdue first', async () => {
		db.delete(t.assets).where(eq(t.assets.id, fx.assets.inP)).run();
		const due = addEntry('Due', { lastVerifiedOn: ago(6, 1) });
		const stale = addEntry('Stale', { lastVerifiedOn: ago(12, 1) });
		const never = addEntry('Never', { lastVerifiedOn: null });
		addEntry('Fresh', { lastVerifiedOn: ago(6) });
		addEntry('Draft', { lastVerifiedOn: null, status: 'draft' });
		addEntry('Archived', { lastVerifiedOn: null, status: 'archived' });
		const data = await list();
		expect(data.rows.map((r) => [r.id, r.state])).toEqual([
			[never, 'stale'],
			[stale, 'stale'],
			[due, 'due']
		]);
		// Council sees every patch, and can narrow to one.
		expect((await list(fx.users.council)).total).toBe(4);
		expect((await list(fx.users.council, '?patch=q')).rows.map((r) => r.id)).toEqual([
			fx.assets.inQ
		]);
	});

	it('pages 25 at a time', async () => {
		for (let n = 0; n < 30; n++) addEntry(`Entry ${n}`, { lastVerifiedOn: ago(7, n) });
		const first = await list();
		expect(first).toMatchObject({ total: 31, page: 1, pageCount: 2 });
		expect(first.rows).toHaveLength(25);
		const second = await list(fx.users.coordinatorP, '?page=2');
		expect(second.rows).toHaveLength(6);
		expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(31);
	});
});

describe('Still true', () => {
	it('records the check today, by whom and as what role, bumps the version, audits it', async () => {
		const before = getAsset(db, fx.assets.inP)!;
		const outcome = await outcomeOf(() =>
			toCheck.actions.check(
				staffEvent(
					`${H}/staff/to-check?/check&page=1`,
					fx.users.coordinatorP,
					{},
					{ id: String(fx.assets.inP) }
				)
			)
		);
		expect(outcome).toEqual({
			kind: 'redirect',
			status: 303,
			location: '/staff/to-check?page=1&checked=1'
		});
		expect(getAsset(db, fx.assets.inP)).toMatchObject({
			lastVerifiedOn: today(),
			lastVerifiedBy: fx.users.coordinatorP.id,
			lastVerifiedVia: 'coordinator',
			version: before.version + 1
		});
		const [row] = db.select().from(t.auditLog).all();
		expect(row).toMatchObject({
			action: 'entry.checked',
			entity: 'entry',
			userId: fx.users.coordinatorP.id
		});
		expect(row.detail).toMatchObject({
			before: { lastVerifiedOn: '2025-09-10', version: before.version },
			after: {
				lastVerifiedOn: today(),
				lastVerifiedVia: 'coordinator',
				version: before.version + 1
			}
		});
		expect((await list()).rows).toEqual([]);
	});

	it('checks a whole page only with the confirmation ticked', async () => {
		const second = addEntry('Second', { lastVerifiedOn: null });
		const ids = [String(fx.assets.inP), String(second)];
		const before = snapshot(db);
		const unticked = await outcomeOf(() =>
			toCheck.actions.checkPage(
				staffEvent(`${H}/staff/to-check?/checkPage`, fx.users.coordinatorP, {}, { ids })
			)
		);
		expect(unticked).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: { confirm: 'Tick the box to confirm you have checked every entry on this page' }
			}
		});
		expect(snapshot(db)).toEqual(before);
		const ticked = await outcomeOf(() =>
			toCheck.actions.checkPage(
				staffEvent(
					`${H}/staff/to-check?/checkPage`,
					fx.users.coordinatorP,
					{},
					{ ids, confirm: 'yes' }
				)
			)
		);
		expect(ticked).toMatchObject({ kind: 'redirect', location: '/staff/to-check?checked=2' });
		expect(getAsset(db, second)!.lastVerifiedOn).toBe(today());
		expect(db.select().from(t.auditLog).all()).toHaveLength(2);
	});

	it('writes nothing when one entry on the page is not the coordinator’s', async () => {
		const before = snapshot(db);
		const outcome = await outcomeOf(() =>
			toCheck.actions.checkPage(
				staffEvent(
					`${H}/staff/to-check?/checkPage`,
					fx.users.coordinatorP,
					{},
					{
						ids: [String(fx.assets.inP), String(fx.assets.inQ)],
						confirm: 'yes'
					}
				)
			)
		);
		expect(outcome).toEqual({ kind: 'error', status: 403 });
		expect(snapshot(db)).toEqual(before);
	});

	it('refuses an entry that is not published, changing nothing', async () => {
		const draft = addEntry('Draft', { status: 'draft' });
		const before = snapshot(db);
		const outcome = await outcomeOf(() =>
			toCheck.actions.check(
				staffEvent(`${H}/staff/to-check?/check`, fx.users.council, {}, { id: String(draft) })
			)
		);
		expect(outcome).toMatchObject({ kind: 'fail', status: 409 });
		expect(snapshot(db)).toEqual(before);
	});
});

describe('freshness settings', () => {
	const save = (form: Record<string, string>) =>
		outcomeOf(() =>
			settings.actions.default(staffEvent(`${H}/council/settings`, fx.users.council, {}, form))
		);

	it('saves whole months in order, audited with before and after, and the stale label follows', async () => {
		expect(
			await save({ checkDueMonths: '2', checkStaleMonths: '4', archiveAfterMonths: '8' })
		).toEqual({
			kind: 'redirect',
			status: 303,
			location: '/council/settings?saved'
		});
		expect(db.select().from(t.programmes).get()).toMatchObject({
			checkDueMonths: 2,
			checkStaleMonths: 4,
			archiveAfterMonths: 8
		});
		const [row] = db.select().from(t.auditLog).all();
		expect(row).toMatchObject({
			action: 'programme.freshness_changed',
			userId: fx.users.council.id
		});
		expect(row.detail).toMatchObject({
			before: { checkDueMonths: 6, checkStaleMonths: 12, archiveAfterMonths: 18 },
			after: { checkDueMonths: 2, checkStaleMonths: 4, archiveAfterMonths: 8 }
		});
		const page = (await layout.load(staffEvent(`${H}/`, null))) as { staleMonths: number };
		expect(page.staleMonths).toBe(4);
	});

	it('refuses months out of order or out of range, keeping what was typed', async () => {
		const before = snapshot(db);
		expect(
			await save({ checkDueMonths: '12', checkStaleMonths: '6', archiveAfterMonths: '61' })
		).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					checkStaleMonths: 'Stale must be more months than due for a check',
					archiveAfterMonths: expect.stringContaining('from 1 to 60')
				},
				values: { checkDueMonths: '12', checkStaleMonths: '6', archiveAfterMonths: '61' }
			}
		});
		expect(snapshot(db)).toEqual(before);
	});
});

describe('what a coordinator of another patch sees in the lists', () => {
	it('leaves P’s suggestions and entries out of Q’s queue, home and to-check list', async () => {
		const event = staffEvent(
			`${H}/assets/${fx.assets.inP}/suggest`,
			null,
			{ id: String(fx.assets.inP) },
			{ kind: 'change', details: 'They now meet on Thursdays.' }
		);
		event.getClientAddress = nextAddress;
		expect(await suggestChange.actions.default(event)).toMatchObject({ sent: true });
		const q = fx.users.coordinatorQ;
		const total = async (user = q) =>
			((await queue.load(staffEvent(`${H}/staff/suggestions`, user))) as { total: number }).total;
		expect(await total()).toBe(0);
		expect(await total(fx.users.coordinatorP)).toBe(1);
		expect((await list(q)).rows.map((r) => r.id)).toEqual([fx.assets.inQ]);
		const qHome = (await home.load(staffEvent(`${H}/staff`, q))) as { openSuggestions: number };
		expect(qHome.openSuggestions).toBe(0);
	});
});
