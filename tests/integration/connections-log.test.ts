/**
 * The connections log: exactly the anonymous columns, nothing of the person's words anywhere in the
 * database after a search and a log, undo only of one's own rows on the day, and counts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import { findConnections } from '../../src/lib/server/finder/find';
import {
	countConnections,
	listOwnToday,
	LogRefusedError,
	recordConnected,
	recordNothingSuitable,
	undoConnection
} from '../../src/lib/server/finder/connections';
import { parseFinderInputs } from '../../src/lib/domain/finder';
import { countRows } from '../../src/lib/domain/finder/log';
import { seedStaffFixture, type StaffFixture } from './staff-fixture';

const TODAY = '2026-11-25';
let db: Db;
let fx: StaffFixture;

beforeEach(() => {
	db = createTestDb();
	fx = seedStaffFixture(db);
	db.insert(t.assetCategories).values({ assetId: fx.assets.inP, categoryId: 'social' }).run();
});

/** Every text value in every table of the database. */
function everyText(): string[] {
	const tables = db
		.all<{ name: string }>(
			sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
		)
		.map((row) => row.name);
	return tables.flatMap((name) =>
		db
			.all<Record<string, unknown>>(sql.raw(`SELECT * FROM "${name}"`))
			.flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'))
	);
}

describe('the connections table', () => {
	it('has exactly the anonymous columns', () => {
		const columns = db
			.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('connections')`)
			.map((c) => c.name);
		expect(columns.sort()).toEqual(
			['id', 'made_on', 'patch_id', 'asset_id', 'theme', 'kind', 'recorded_by', 'created_at'].sort()
		);
	});

	it('never stores the person’s words, after a search and both kinds of log', () => {
		const words = 'Zbigniewskaville allotment';
		const actor = actorFor(db, fx.users.coordinatorP);
		const { inputs } = parseFinderInputs(
			new URLSearchParams({ q: words, cat: 'social', postcode: 'FV1 1AA', age: '77' })
		);
		const result = findConnections(db, inputs, actor, { today: TODAY });
		const entry = result.sections!.flatMap((s) => s.entries)[0];
		expect(entry.candidate.id).toBe(fx.assets.inP);
		recordConnected(db, actor, {
			assetId: entry.candidate.id,
			theme: 'social',
			patchId: result.patch!.id,
			today: TODAY
		});
		recordNothingSuitable(db, actor, {
			themes: ['social'],
			patchId: result.patch!.id,
			today: TODAY
		});
		const text = everyText().join('\n').toLowerCase();
		expect(text).not.toContain('zbigniewskaville');
		expect(text).not.toContain('allotment');
		expect(db.select().from(t.connections).all()).toHaveLength(2);
	});
});

describe('logging and undoing', () => {
	it('logs a connection and nothing-suitable per theme, and lists them for their maker today', () => {
		const actor = actorFor(db, fx.users.coordinatorP);
		recordConnected(db, actor, {
			assetId: fx.assets.inP,
			theme: 'social',
			patchId: fx.patches.p,
			today: TODAY
		});
		recordNothingSuitable(db, actor, { themes: ['social'], patchId: fx.patches.p, today: TODAY });
		expect(listOwnToday(db, actor, TODAY)).toEqual([
			expect.objectContaining({
				kind: 'nothing_suitable',
				assetName: null,
				themeName: 'Social and friendship'
			}),
			expect.objectContaining({
				kind: 'connected',
				assetName: 'Knit and Natter',
				patchName: 'Patch P'
			})
		]);
		expect(listOwnToday(db, actorFor(db, fx.users.coordinatorQ), TODAY)).toEqual([]);
		expect(listOwnToday(db, actor, '2026-11-26')).toEqual([]);
	});

	it('refuses an unknown entry or theme and writes nothing', () => {
		const actor = actorFor(db, fx.users.coordinatorP);
		expect(() =>
			recordConnected(db, actor, { assetId: 9999, theme: 'social', patchId: null, today: TODAY })
		).toThrow(LogRefusedError);
		expect(() =>
			recordNothingSuitable(db, actor, { themes: ['social', 'nope'], patchId: null, today: TODAY })
		).toThrow('That theme is not a category');
		expect(db.select().from(t.connections).all()).toEqual([]);
	});

	it('lets a coordinator undo their own row the same day only', () => {
		const actor = actorFor(db, fx.users.coordinatorP);
		const id = recordConnected(db, actor, {
			assetId: fx.assets.inP,
			theme: null,
			patchId: null,
			today: TODAY
		});
		expect(() => undoConnection(db, actorFor(db, fx.users.coordinatorQ), id, TODAY)).toThrow(
			LogRefusedError
		);
		expect(() => undoConnection(db, actor, id, '2026-11-26')).toThrow(LogRefusedError);
		undoConnection(db, actor, id, TODAY);
		expect(db.select().from(t.connections).all()).toEqual([]);
	});
});

describe('counts', () => {
	it('counts by patch × theme × month, exact in one’s own patches and "fewer than 5" elsewhere', () => {
		const p = actorFor(db, fx.users.coordinatorP);
		const q = actorFor(db, fx.users.coordinatorQ);
		for (const today of ['2026-11-02', '2026-11-20', '2026-10-01']) {
			recordConnected(db, p, {
				assetId: fx.assets.inP,
				theme: 'social',
				patchId: fx.patches.p,
				today
			});
		}
		for (let i = 0; i < 5; i++) {
			recordNothingSuitable(db, q, {
				themes: ['social'],
				patchId: fx.patches.q,
				today: '2026-11-03'
			});
		}
		const rows = countRows(countConnections(db), p.patchIds);
		expect(rows).toEqual([
			{
				patch: 'Patch P',
				theme: 'Social and friendship',
				month: 'November 2026',
				kind: 'Connected',
				count: '2'
			},
			{
				patch: 'Patch Q',
				theme: 'Social and friendship',
				month: 'November 2026',
				kind: 'Nothing suitable found',
				count: '5'
			},
			{
				patch: 'Patch P',
				theme: 'Social and friendship',
				month: 'October 2026',
				kind: 'Connected',
				count: '1'
			}
		]);
		expect(countRows(countConnections(db), q.patchIds).map((r) => r.count)).toEqual([
			'fewer than 5',
			'5',
			'fewer than 5'
		]);
	});
});
