/**
 * `npm run backup` and `npm run restore` as a person runs them. A backup taken while another process
 * writes holds a consistent moment: every transaction whole or absent, none torn; a restore brings it
 * back. A damaged, foreign or too-new file is refused and the live database is left as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { BackupError, backupDatabase, restoreDatabase } from '../../src/lib/server/db/backup';
import { SPAWN_TIMEOUT_MS, SPAWNING_TEST_TIMEOUT_MS, cli } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS });

const ROWS_PER_BATCH = 5;

let dir: string;
let live: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-backup-'));
	live = join(dir, 'live.db');
	const { sqlite } = openDatabase(live);
	sqlite.exec("INSERT INTO programmes (slug, name) VALUES ('p', 'Programme')");
	sqlite.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(script: 'backup' | 'restore', file: string) {
	return spawnSync(...cli(script, file), {
		env: { ...process.env, DATABASE_PATH: live },
		encoding: 'utf8',
		timeout: SPAWN_TIMEOUT_MS
	});
}

/** Batches of suggestions in `path`, each with how many rows it has. */
function batches(path: string): Map<number, number> {
	const db = new Database(path, { readonly: true });
	try {
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		const rows = db
			.prepare(
				"SELECT json_extract(details, '$.batch') AS batch, count(*) AS n FROM suggestions GROUP BY batch"
			)
			.all() as { batch: number; n: number }[];
		return new Map(rows.map((row) => [row.batch, row.n]));
	} finally {
		db.close();
	}
}

/** Every batch 1..n there, each whole: what a consistent moment of the writer below looks like. */
function expectWholeBatches(found: Map<number, number>): number {
	const numbers = [...found.keys()].sort((a, b) => a - b);
	expect(numbers).toEqual(numbers.map((_, index) => index + 1));
	for (const count of found.values()) expect(count).toBe(ROWS_PER_BATCH);
	return numbers.length;
}

/**
 * Another process writing batches of suggestions, one transaction each, as fast as it can, and
 * printing each batch number once it is committed.
 */
function startWriter(path: string) {
	const code = `
		const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
		const db = new Database(${JSON.stringify(path)});
		db.pragma('busy_timeout = 5000');
		const insert = db.prepare("INSERT INTO suggestions (kind, details, status) VALUES ('new', ?, 'new')");
		const batch = db.transaction((n) => {
			for (let row = 0; row < ${ROWS_PER_BATCH}; row++) insert.run(JSON.stringify({ batch: n, row }));
		});
		let n = 0;
		(function next() { batch(++n); process.stdout.write(n + '\\n'); setImmediate(next); })();
	`;
	const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
	let committed = 0;
	child.stdout.on('data', (chunk: Buffer) => {
		const lines = chunk.toString().trim().split('\n');
		committed = Number(lines[lines.length - 1]);
	});
	return {
		committed: () => committed,
		async waitFor(count: number) {
			while (committed < count) await new Promise((resolve) => setTimeout(resolve, 20));
		},
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill();
			})
	};
}

describe('npm run backup', () => {
	it('copies a consistent moment while another process writes, and npm run restore brings it back', async () => {
		const writer = startWriter(live);
		await writer.waitFor(50);
		const before = writer.committed();
		const backupFile = join(dir, 'backup.db');
		// spawn, not spawnSync: the writer's output must go on being read during the backup.
		const backup = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
			const child = spawn(...cli('backup', backupFile), {
				env: { ...process.env, DATABASE_PATH: live }
			});
			let stdout = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.on('exit', (code) => resolve({ code, stdout }));
		});
		const after = writer.committed();
		await writer.waitFor(after + 20);
		await writer.stop();

		expect(backup.code).toBe(0);
		const inBackup = expectWholeBatches(batches(backupFile));
		expect(inBackup).toBeGreaterThanOrEqual(before);
		expect(inBackup).toBeLessThanOrEqual(after + 1);
		expect(backup.stdout).toMatch(
			new RegExp(
				`^Backed up ${live} to ${backupFile}: [\\d.]+ [kM]B; 1 programme, 0 patches, 0 entries, 0 users, ` +
					`${(inBackup * ROWS_PER_BATCH).toLocaleString('en-GB')} suggestions; schema \\d{4}_\\w+\\.\\n$`
			)
		);
		const writtenInAll = expectWholeBatches(batches(live));
		expect(writtenInAll).toBeGreaterThan(inBackup);

		const restored = run('restore', backupFile);
		expect(restored.status).toBe(0);
		expect(restored.stdout).toContain(`Restored ${live} from ${backupFile}`);
		expect(expectWholeBatches(batches(live))).toBe(inBackup);
		const kept = readdirSync(dir).find((name) => name.startsWith('live.db.before-restore-'));
		expect(restored.stdout).toContain(
			`The database as it was before is kept at ${join(dir, kept!)}.`
		);
		expect(expectWholeBatches(batches(join(dir, kept!)))).toBe(writtenInAll);
		// The restored database opens as the site opens it.
		openDatabase(live).sqlite.close();
	});

	it('refuses to overwrite a file that is there', async () => {
		const existing = join(dir, 'existing.db');
		writeFileSync(existing, 'keep me');
		const result = run('backup', existing);
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe(
			`No backup was made. ${existing} already exists: choose a new file name for the backup.`
		);
		expect(readFileSync(existing, 'utf8')).toBe('keep me');
	});
});

describe('npm run restore refuses, leaving the live database as it was', () => {
	/** The live database's bytes once its log is folded in, and its rows. */
	function liveState() {
		const db = new Database(live);
		try {
			db.pragma('wal_checkpoint(TRUNCATE)');
			return db.prepare('SELECT * FROM programmes').all();
		} finally {
			db.close();
		}
	}

	async function goodBackup(): Promise<string> {
		const file = join(dir, 'good.db');
		await backupDatabase(live, file);
		return file;
	}

	function expectRefused(file: string, reason: string | RegExp) {
		const before = liveState();
		const bytes = readFileSync(live);
		const result = run('restore', file);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Nothing was restored, and the database is unchanged.');
		expect(result.stderr).toMatch(reason);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(readFileSync(live).equals(bytes)).toBe(true);
		expect(liveState()).toEqual(before);
		expect(readdirSync(dir).some((name) => name.includes('before-restore'))).toBe(false);
	}

	it('a file that is not a database', () => {
		const file = join(dir, 'notes.txt');
		writeFileSync(file, 'PK\u0003\u0004 a zip, or anything else '.repeat(50));
		expectRefused(file, `${file} is not an SQLite database`);
	});

	it('a damaged backup, which fails the integrity check', async () => {
		const file = await goodBackup();
		// Scribble over pages in the middle of the file: the header is fine, the tables are not.
		const fd = openSync(file, 'r+');
		writeSync(fd, Buffer.alloc(4096 * 4, 0xab), 0, 4096 * 4, 4096 * 8);
		closeSync(fd);
		expectRefused(file, `${file} is damaged`);
	});

	it('an SQLite database that is not Patchwork’s', () => {
		const file = join(dir, 'other.db');
		const other = new Database(file);
		other.exec('CREATE TABLE recipes (name TEXT)');
		other.close();
		expectRefused(file, `${file} is an SQLite database, but not a Patchwork one.`);
	});

	it('a backup from a newer version, with a migration this one does not know', async () => {
		const file = await goodBackup();
		const newer = new Database(file);
		newer.exec(
			"INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 9999999999999)"
		);
		newer.close();
		expectRefused(file, /has a database schema this version of Patchwork does not know/);
		await expect(restoreDatabase(file, live)).rejects.toThrow(BackupError);
	});

	it('a file that does not exist', () => {
		const file = join(dir, 'nowhere.db');
		expectRefused(file, `${file} does not exist.`);
		expect(existsSync(file)).toBe(false);
	});
});
