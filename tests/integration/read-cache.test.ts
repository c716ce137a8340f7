/**
 * Reads kept until the next write (src/lib/server/db/read-cache.ts): a page read twice with nothing
 * written between is read once, and every kind of write shows on the next request, whoever made it
 * (this connection, an import, another connection to the file) and however (editor, import, patch
 * edit). The public patch and search pages are called as the server calls them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as t from '../../src/lib/server/db/schema';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import { cachedRead } from '../../src/lib/server/db/read-cache';
import { flushEmptySearches } from '../../src/lib/server/gaps/demand';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { updatePatchBoundary } from '../../src/lib/server/queries/patch-boundaries';
import { createLoginSession } from '../../src/lib/server/auth/sessions';
import { archiveEntry } from '../../src/lib/server/staff/entry-status';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import { fixture, importFile } from './import-helpers';
import { seedStaffFixture, type StaffFixture } from './staff-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const patchPage = await import('../../src/routes/patches/[slug]/+page.server');
const searchPage = await import('../../src/routes/search/+page.server');

type Loaded = Record<string, unknown>;
const openPatch = (slug: string) =>
	patchPage.load({ params: { slug }, locals: { user: null } } as never) as Loaded;
const search = (query: string) =>
	searchPage.load({ url: new URL(`http://localhost/search?${query}`) } as never) as Loaded;
const names = (page: Loaded) => (page.assets as { name: string }[]).map((asset) => asset.name);
const found = (page: Loaded) =>
	(page.result as { rows: { name: string }[] }).rows.map((row) => row.name);

describe('cachedRead', () => {
	let db: Db;
	beforeEach(() => {
		db = createTestDb();
		db.insert(t.categories).values({ id: 'social', name: 'Social' }).run();
	});
	const readNames = () => db.select({ name: t.categories.name }).from(t.categories).all();

	it('reads once while nothing is written, and again after any write', () => {
		const read = vi.fn(readNames);
		expect(cachedRead(db, 'names', read)).toEqual([{ name: 'Social' }]);
		expect(cachedRead(db, 'names', read)).toEqual([{ name: 'Social' }]);
		expect(read).toHaveBeenCalledTimes(1);
		db.update(t.categories).set({ name: 'Friendship' }).run();
		expect(cachedRead(db, 'names', read)).toEqual([{ name: 'Friendship' }]);
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('keeps one cache per database', () => {
		const other = createTestDb();
		expect(cachedRead(db, 'names', readNames)).toEqual([{ name: 'Social' }]);
		expect(
			cachedRead(other, 'names', () =>
				other.select({ name: t.categories.name }).from(t.categories).all()
			)
		).toEqual([]);
	});

	it('keeps nothing read inside a transaction that is then rolled back', () => {
		expect(() =>
			db.transaction((tx) => {
				tx.update(t.categories).set({ name: 'Never saved' }).run();
				expect(cachedRead(db, 'names', readNames)).toEqual([{ name: 'Never saved' }]);
				throw new Error('roll back');
			})
		).toThrow('roll back');
		expect(cachedRead(db, 'names', readNames)).toEqual([{ name: 'Social' }]);
	});

	it('sees a write committed by another connection to the file (an import from the command line)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'patchwork-cache-'));
		try {
			const opened = openDatabase(join(dir, 'site.db'));
			const fileDb = opened.db;
			fileDb.insert(t.categories).values({ id: 'social', name: 'Social' }).run();
			const read = () => fileDb.select({ name: t.categories.name }).from(t.categories).all();
			expect(cachedRead(fileDb, 'names', read)).toEqual([{ name: 'Social' }]);
			const cli = new Database(join(dir, 'site.db'));
			cli.prepare(`UPDATE categories SET name = 'From the CLI'`).run();
			cli.close();
			expect(cachedRead(fileDb, 'names', read)).toEqual([{ name: 'From the CLI' }]);
			opened.sqlite.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the public pages after writes', () => {
	let db: Db;
	let fx: StaffFixture;
	beforeEach(() => {
		db = createTestDb();
		state.db = db;
		fx = seedStaffFixture(db);
	});
	afterEach(() => {
		state.db = undefined;
	});

	it('a patch page and a search drop an entry as soon as its coordinator archives it', () => {
		expect(names(openPatch('p'))).toEqual(['Knit and Natter']);
		expect(found(search('q=knit'))).toEqual(['Knit and Natter']);
		const actor = actorFor(db, fx.users.coordinatorP);
		expect(archiveEntry(db, actor, fx.assets.inP, 1)).toMatchObject({ ok: true });
		expect(names(openPatch('p'))).toEqual([]);
		expect(found(search('q=knit'))).toEqual([]);
	});

	it('an empty search is counted every time and leaves the cached pages in place', () => {
		const read = vi.fn(() => db.select({ name: t.assets.name }).from(t.assets).all());
		cachedRead(db, 'probe', read);
		expect(found(search('q=choir'))).toEqual([]);
		expect(found(search('q=choir'))).toEqual([]);
		flushEmptySearches(db);
		const counted = db.select({ count: t.emptySearches.count }).from(t.emptySearches).all();
		expect(counted).toEqual([{ count: 2 }]);
		cachedRead(db, 'probe', read);
		expect(read).toHaveBeenCalledTimes(1);
		// Any other write still drops it.
		db.update(t.assets).set({ name: 'Knit and Chat' }).where(eq(t.assets.id, fx.assets.inP)).run();
		expect(cachedRead(db, 'probe', read)).toContainEqual({ name: 'Knit and Chat' });
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('keeps the pages when people write what no visitor sees: a sign-in, a suggestion, an audit row', () => {
		const read = vi.fn(() => db.select({ name: t.assets.name }).from(t.assets).all());
		cachedRead(db, 'probe', read);
		createLoginSession(db, fx.users.coordinatorP.id);
		db.insert(t.suggestions)
			.values({ kind: 'new', details: { name: 'Chess club' } })
			.run();
		db.insert(t.auditLog)
			.values({ userId: fx.users.coordinatorP.id, action: 'test', entity: 'asset' })
			.run();
		cachedRead(db, 'probe', read);
		expect(read).toHaveBeenCalledTimes(1);
		// A coordinator's new meeting place is public: it drops them.
		db.insert(t.presenceSessions)
			.values({
				userId: fx.users.coordinatorP.id,
				venueId: fx.assets.inP,
				weekday: 2,
				startTime: '10:00',
				endTime: '12:00'
			})
			.run();
		cachedRead(db, 'probe', read);
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('a renamed entry shows its new name on the next request', () => {
		expect(names(openPatch('p'))).toEqual(['Knit and Natter']);
		db.update(t.assets)
			.set({ name: 'Knit and Chat', version: 2 })
			.where(eq(t.assets.id, fx.assets.inP))
			.run();
		expect(names(openPatch('p'))).toEqual(['Knit and Chat']);
		expect(found(search('q=knit'))).toEqual(['Knit and Chat']);
	});
});

describe("a patch page's population after imports and boundary edits", () => {
	let db: Db;
	beforeEach(() => {
		db = createTestDb();
		state.db = db;
		importFile(db, fixture('small-areas.geojson'), { kind: 'small-areas', options: {} });
		importFile(
			db,
			fixture('population-mid-year.csv'),
			{ kind: 'population', options: { makeDefault: false } },
			{ programmeName: 'Test programme' }
		);
		importFile(db, fixture('patches.geojson'), { kind: 'patches', options: {} });
		// An imported patch is planned, and so has no public page, until it is published.
		db.update(t.patches).set({ status: 'active' }).run();
	});
	const population = (page: Loaded) =>
		(page.sizing as { areal: number; populationSetName: string } | null) && {
			areal: Math.round((page.sizing as { areal: number }).areal),
			set: (page.sizing as { populationSetName: string }).populationSetName
		};

	it('follows a new default population set, then a new boundary', () => {
		const patch = db.select().from(t.patches).get()!;
		const before = population(openPatch(patch.slug));
		expect(before?.set).toBe('Mid-2022');
		importFile(db, fixture('population-census.csv'), {
			kind: 'population',
			options: { makeDefault: true }
		});
		const census = population(openPatch(patch.slug));
		expect(census?.set).toBe('Census 2021');
		expect(census?.areal).not.toBe(before?.areal);
		const user = Number(
			db.insert(t.users).values({ email: 'c@example.org', role: 'council', displayName: 'C' }).run()
				.lastInsertRowid
		);
		// A tiny square far from every small area: nobody lives there.
		updatePatchBoundary(db, {
			patchId: patch.id,
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[10, 10],
						[10.001, 10],
						[10.001, 10.001],
						[10, 10.001],
						[10, 10]
					]
				]
			},
			userId: user,
			source: 'map'
		});
		expect(population(openPatch(patch.slug))?.areal).toBe(0);
	});
});
