import { execFileSync, spawnSync } from 'node:child_process';
import {
	chmodSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { DatabaseFileError, openDatabase, type Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { AS_UNPRIVILEGED_USER, SPAWN_TIMEOUT_MS, SPAWNING_TEST_TIMEOUT_MS, cli } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS });

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function insertProgramme(db: Db): number {
	return db.insert(t.programmes).values({ slug: 'p', name: 'P' }).returning().get().id;
}

function insertAsset(db: Db, values: Partial<typeof t.assets.$inferInsert> = {}): number {
	const programmeId = db.select().from(t.programmes).get()?.id ?? insertProgramme(db);
	return db
		.insert(t.assets)
		.values({
			programmeId,
			kind: 'group',
			name: 'Knit and Natter',
			description: 'Bring your needles',
			lon: -2.3,
			lat: 53.4,
			status: 'published',
			...values
		})
		.returning()
		.get().id;
}

function ftsIds(db: Db, match: string): number[] {
	return db
		.all<{ rowid: number }>(sql`SELECT rowid FROM assets_fts WHERE assets_fts MATCH ${match}`)
		.map((row) => row.rowid);
}

/** Asset ids whose name matches, in the names index's own order (shortest name first). */
function nameIds(db: Db, match: string): number[] {
	return db
		.all<{ id: number }>(
			sql`SELECT rowid % 4294967296 AS id FROM asset_names_fts WHERE asset_names_fts MATCH ${match}
			ORDER BY rowid`
		)
		.map((row) => row.id);
}

function rtreeIds(db: Db): number[] {
	return db.all<{ id: number }>(sql`SELECT id FROM assets_rtree ORDER BY id`).map((row) => row.id);
}

describe('a new database', () => {
	it('gets every table of the data model, the FTS5 index and the R*Tree', () => {
		const { sqlite, wasEmpty } = openDatabase(':memory:');
		const names = (
			sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
				name: string;
			}[]
		).map((row) => row.name);
		expect(wasEmpty).toBe(true);
		for (const table of [
			'programmes',
			'patches',
			'patch_coordinators',
			'small_areas',
			'population_sets',
			'population_values',
			'categories',
			'assets',
			'asset_categories',
			'asset_contacts',
			'asset_sessions',
			'presence_sessions',
			'users',
			'login_sessions',
			'connections',
			'suggestions',
			'postcodes',
			'audit_log',
			'assets_fts',
			'asset_names_fts',
			'assets_rtree'
		]) {
			expect(names).toContain(table);
		}
		expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
	});
});

describe('the search index triggers', () => {
	it('index new assets, follow renames and forget deleted ones', () => {
		const { db } = openDatabase(':memory:');
		const id = insertAsset(db, { nameCy: 'Gwau a Sgwrs' });
		expect(ftsIds(db, '"knit"*')).toEqual([id]);
		expect(ftsIds(db, '"gwau"')).toEqual([id]);
		expect(ftsIds(db, '"needles"')).toEqual([id]);

		db.update(t.assets).set({ name: 'Crochet Circle' }).where(eq(t.assets.id, id)).run();
		expect(ftsIds(db, '"knit"*')).toEqual([]);
		expect(ftsIds(db, '"crochet"')).toEqual([id]);

		db.delete(t.assets).where(eq(t.assets.id, id)).run();
		expect(ftsIds(db, '"crochet"')).toEqual([]);
	});

	it('keep the names index to names, shortest first, through renames and deletes', () => {
		const { db } = openDatabase(':memory:');
		const long = insertAsset(db, { name: 'Aldermoor Knit and Natter Club', nameCy: 'Clwb Gwau' });
		const short = insertAsset(db, { name: 'Knit Club' });
		// A description mention is not a name match.
		const described = insertAsset(db, { name: 'Coffee Morning', description: 'We knit too' });
		expect(nameIds(db, '"knit"*')).toEqual([short, long]);
		expect(ftsIds(db, '"knit"*').sort()).toEqual([long, short, described].sort());
		expect(nameIds(db, '"gwau"')).toEqual([long]);

		// Renamed shorter than "Knit Club": it moves to the front; its old name is gone.
		db.update(t.assets).set({ name: 'Knitting' }).where(eq(t.assets.id, long)).run();
		expect(nameIds(db, '"knit"*')).toEqual([long, short]);
		expect(nameIds(db, '"aldermoor"')).toEqual([]);
		db.update(t.assets).set({ nameCy: null }).where(eq(t.assets.id, long)).run();
		expect(nameIds(db, '"gwau"')).toEqual([]);

		db.delete(t.assets).where(eq(t.assets.id, short)).run();
		expect(nameIds(db, '"knit"*')).toEqual([long]);
		expect(nameIds(db, '"club"')).toEqual([]);
	});

	it('match without accents, so "cafe" finds "Café"', () => {
		const { db } = openDatabase(':memory:');
		const id = insertAsset(db, { name: 'Repair Café' });
		expect(ftsIds(db, '"cafe"')).toEqual([id]);
	});

	it('keep the R*Tree to assets that have a point', () => {
		const { db } = openDatabase(':memory:');
		const atPlace = insertAsset(db);
		insertAsset(db, { locationKind: 'online', lon: null, lat: null, name: 'Online quiz' });
		expect(rtreeIds(db)).toEqual([atPlace]);

		db.update(t.assets).set({ lon: -2.31 }).where(eq(t.assets.id, atPlace)).run();
		const [box] = db.all<{ min_lon: number }>(sql`SELECT min_lon FROM assets_rtree`);
		expect(box.min_lon).toBeCloseTo(-2.31, 4);

		db.update(t.assets)
			.set({ locationKind: 'roaming', lon: null, lat: null })
			.where(eq(t.assets.id, atPlace))
			.run();
		expect(rtreeIds(db)).toEqual([]);
	});
});

describe('the schema refuses inconsistent assets', () => {
	it('a sector on anything but a service, or a service without one', () => {
		const { db } = openDatabase(':memory:');
		expect(() => insertAsset(db, { sector: 'statutory' })).toThrow(/sector_only_for_services/);
		expect(() => insertAsset(db, { kind: 'service' })).toThrow(/sector_only_for_services/);
		expect(insertAsset(db, { kind: 'service', sector: 'statutory' })).toBeGreaterThan(0);
	});

	it('a place with no point, and an online asset with one', () => {
		const { db } = openDatabase(':memory:');
		expect(() => insertAsset(db, { lon: null, lat: null })).toThrow(/assets_point_when_place/);
		expect(() => insertAsset(db, { locationKind: 'online' })).toThrow(/assets_point_when_place/);
	});

	it('a session that ends before it starts', () => {
		const { db } = openDatabase(':memory:');
		const assetId = insertAsset(db);
		expect(() =>
			db
				.insert(t.assetSessions)
				.values({ assetId, frequency: 'weekly', weekday: 2, startTime: '12:00', endTime: '10:00' })
				.run()
		).toThrow(/asset_sessions_times/);
	});
});

describe('database files', () => {
	it('an empty (0-byte) file is migrated', () => {
		const path = join(dir, 'empty.db');
		writeFileSync(path, '');
		const { sqlite, wasEmpty } = openDatabase(path);
		expect(wasEmpty).toBe(true);
		expect(sqlite.prepare('SELECT count(*) AS n FROM programmes').get()).toEqual({ n: 0 });
		sqlite.close();
	});

	it('a corrupt file is refused with a message naming it, and is not changed', () => {
		const path = join(dir, 'corrupt.db');
		const garbage = Buffer.from('this is not a database at all, just some text '.repeat(200));
		writeFileSync(path, garbage);
		expect(() => openDatabase(path)).toThrow(DatabaseFileError);
		expect(() => openDatabase(path)).toThrow(`The database file ${path} is not an SQLite database`);
		expect(readFileSync(path).equals(garbage)).toBe(true);
	});

	it('a database from an older schema gets the newer migrations and keeps its rows', () => {
		// An "older" migrations folder: only the first migration.
		const older = join(dir, 'older-migrations');
		cpSync('drizzle', older, { recursive: true });
		const journalPath = join(older, 'meta', '_journal.json');
		const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
		journal.entries = journal.entries.slice(0, 1);
		writeFileSync(journalPath, JSON.stringify(journal));

		const path = join(dir, 'old.db');
		const first = openDatabase(path, { migrationsFolder: older });
		// Plain SQL: the schema in code is the newest one, which this older database does not have yet.
		first.sqlite.exec(`INSERT INTO programmes (slug, name) VALUES ('p', 'P');
			INSERT INTO assets (programme_id, kind, name, description, lon, lat, status)
			VALUES (1, 'group', 'Knit and Natter', 'Bring your needles', -2.3, 53.4, 'published')`);
		expect(() => ftsIds(first.db, '"knit"')).toThrow(/no such table/);
		first.sqlite.close();

		const upgraded = openDatabase(path);
		expect(upgraded.wasEmpty).toBe(false);
		// Rows from before the search index existed are indexed by the migration that adds it.
		expect(ftsIds(upgraded.db, '"knit"')).toHaveLength(1);
		expect(nameIds(upgraded.db, '"knit"')).toHaveLength(1);
		expect(rtreeIds(upgraded.db)).toHaveLength(1);
		// Columns added later take their defaults on the rows that were there.
		expect(upgraded.db.select().from(t.assets).get()).toMatchObject({
			name: 'Knit and Natter',
			version: 1,
			consentPublic: false
		});
		expect(upgraded.db.select().from(t.programmes).get()).toMatchObject({
			checkDueMonths: 6,
			checkStaleMonths: 12,
			archiveAfterMonths: 18
		});
		upgraded.sqlite.close();
	});

	it('the migrate command stops with a plain message and exit code 1 on a corrupt file', () => {
		const path = join(dir, 'corrupt.db');
		writeFileSync(path, 'not sqlite');
		const result = spawnSync(...cli('migrate'), {
			env: { ...process.env, DATABASE_PATH: path },
			encoding: 'utf8',
			timeout: SPAWN_TIMEOUT_MS
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`The database file ${path} is not an SQLite database`);
		expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
		expect(readFileSync(path, 'utf8')).toBe('not sqlite');
	});

	it('the migrate command creates a missing database', () => {
		const path = join(dir, 'new.db');
		const output = execFileSync(...cli('migrate'), {
			env: { ...process.env, DATABASE_PATH: path },
			encoding: 'utf8',
			timeout: SPAWN_TIMEOUT_MS
		});
		expect(output).toContain('the database is up to date');
		const { wasEmpty, sqlite } = openDatabase(path);
		expect(wasEmpty).toBe(false);
		sqlite.close();
	});

	/** `npm run db:migrate` as a user file permissions apply to; its exit code and what it printed. */
	function migrateAsUser(path: string, folderMode = 0o755) {
		chmodSync(dir, folderMode);
		return spawnSync(...cli('migrate'), {
			env: { ...process.env, DATABASE_PATH: path },
			encoding: 'utf8',
			timeout: SPAWN_TIMEOUT_MS,
			...AS_UNPRIVILEGED_USER
		});
	}

	/** A migrated database file at `path`, then made read-only (chmod 444). */
	function readOnlyDatabase(path: string): Buffer {
		openDatabase(path).sqlite.close();
		chmodSync(path, 0o444);
		return readFileSync(path);
	}

	it('a read-only database file stops the migrate command with what to do, and is not changed', () => {
		const path = join(dir, 'read-only.db');
		const before = readOnlyDatabase(path);
		const result = migrateAsUser(path, 0o777);
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe(
			`The database file ${path} is read-only for the user running Patchwork, so nothing could be saved. ` +
				'Patchwork has not changed it. Give that user write access to the file (for example with chown or chmod u+w), and start again.'
		);
		expect(result.stdout).not.toContain('up to date');
		expect(readFileSync(path).equals(before)).toBe(true);
	});

	it('a database in a read-only folder stops the migrate command, naming the folder', () => {
		const folder = join(dir, 'locked');
		mkdirSync(folder);
		const existing = join(folder, 'existing.db');
		openDatabase(existing).sqlite.close();
		chmodSync(existing, 0o666);
		chmodSync(folder, 0o555);
		for (const path of [existing, join(folder, 'new.db')]) {
			const result = migrateAsUser(path);
			expect(result.status).toBe(1);
			expect(result.stderr).toContain(
				`The database file ${path} cannot be written because its folder ${folder} is read-only for this user. ` +
					`Give the user running Patchwork write access to ${folder}`
			);
			expect(result.stderr).not.toMatch(/\n\s+at /);
		}
		chmodSync(folder, 0o755);
	});

	it('a database in a folder that does not exist is refused, saying how to create it', () => {
		const path = join(dir, 'missing', 'new.db');
		const message =
			`The database file ${path} is in a folder that does not exist (${join(dir, 'missing')}). ` +
			`Create the folder (mkdir -p ${join(dir, 'missing')}), or set DATABASE_PATH to a file in a folder that exists, and start again.`;
		expect(() => openDatabase(path)).toThrow(message);
		const result = migrateAsUser(path);
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe(message);
	});

	it('a database that cannot grow (a full disk) is refused at start with a plain message, and keeps its rows', () => {
		const path = join(dir, 'full.db');
		const first = openDatabase(path);
		insertProgramme(first.db);
		first.sqlite.pragma('wal_checkpoint(TRUNCATE)');
		first.sqlite.close();
		const before = readFileSync(path);
		// A one-byte file size limit: the first page written to the write-ahead log fails as on a full disk.
		chmodSync(dir, 0o777);
		const result = spawnSync(
			'bash',
			['-c', 'ulimit -f 1 && exec "$0" "$@"', ...cli('migrate').flat()],
			{
				env: { ...process.env, DATABASE_PATH: path },
				encoding: 'utf8',
				timeout: SPAWN_TIMEOUT_MS
			}
		);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			`The database file ${path} could not be written: the disk is full`
		);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(readFileSync(path).equals(before)).toBe(true);
		const reopened = openDatabase(path);
		expect(reopened.db.select().from(t.programmes).all()).toHaveLength(1);
		reopened.sqlite.close();
	});
});
