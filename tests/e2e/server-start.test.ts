/**
 * Starting the built server on missing, empty and corrupt database files. Runs the real build (made by
 * the Playwright web server) in a child process on another port.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AS_UNPRIVILEGED_USER } from '../spawn';

let dir: string;
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-start-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
	code: number | null;
	stdout: string;
	stderr: string;
}

const PORT = String(Number(process.env.E2E_PORT ?? 4173) + 26);

interface StartOptions {
	/** Run as a user file permissions apply to (tests/spawn.ts). */
	unprivileged?: boolean;
	/** The largest file the server may write, in KiB: writes past it fail as on a full disk. */
	fileSizeLimitKiB?: number;
}

/** Starts `node build` and stops it once `until` appears in its output, or when it exits by itself. */
function startServer(
	databasePath: string,
	until: RegExp,
	{ unprivileged = false, fileSizeLimitKiB }: StartOptions = {}
): Promise<Started> {
	return new Promise((resolve) => {
		const env = { ...process.env, DATABASE_PATH: databasePath, PORT, HOST: '127.0.0.1' };
		const options = { env, ...(unprivileged ? AS_UNPRIVILEGED_USER : {}) };
		const child =
			fileSizeLimitKiB === undefined
				? spawn(process.execPath, ['build/index.js'], options)
				: spawn(
						'bash',
						['-c', `ulimit -f ${fileSizeLimitKiB} && exec "$0" build/index.js`, process.execPath],
						options
					);
		let stdout = '';
		let stderr = '';
		const check = () => {
			if (until.test(stdout + stderr)) child.kill();
		};
		child.stdout.on('data', (chunk) => ((stdout += chunk), check()));
		child.stderr.on('data', (chunk) => ((stderr += chunk), check()));
		const timer = setTimeout(() => child.kill(), 60_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

test('a missing database is created, migrated and loaded with the demo borough, with one log line', async () => {
	const path = join(dir, 'new.db');
	const { stdout } = await startServer(path, /Listening on/);
	expect(stdout).toContain(
		`Patchwork: ${path} was empty, so it was created and loaded with the demo borough`
	);
	expect(stdout).toMatch(/\(\d+ small areas, 8 patches, \d+ assets\)/);
});

test('a corrupt database stops the server with a message naming the file, and is not overwritten', async () => {
	const path = join(dir, 'corrupt.db');
	const garbage = 'PK\u0003\u0004 not a database '.repeat(100);
	writeFileSync(path, garbage);
	const { code, stderr, stdout } = await startServer(path, /Listening on/);
	expect(code).toBe(1);
	expect(stderr).toContain(`The database file ${path} is not an SQLite database`);
	expect(stderr).not.toMatch(/\n\s+at /);
	expect(stdout).not.toContain('Listening on');
	expect(readFileSync(path, 'utf8')).toBe(garbage);
});

test('a read-only database file stops the server at start, before it can fail every sign-in', async () => {
	const path = join(dir, 'read-only.db');
	const first = await startServer(path, /Listening on/);
	expect(first.stdout).toContain('loaded with the demo borough');
	chmodSync(path, 0o444);
	chmodSync(dir, 0o777);
	const before = readFileSync(path);
	const { code, stderr, stdout } = await startServer(path, /Listening on/, { unprivileged: true });
	expect(code).toBe(1);
	expect(stderr).toContain(
		`Patchwork could not start.\nThe database file ${path} is read-only for the user running Patchwork`
	);
	expect(stderr).toContain('Give that user write access to the file');
	expect(stderr).not.toMatch(/\n\s+at /);
	expect(stdout).not.toContain('Listening on');
	expect(readFileSync(path).equals(before)).toBe(true);
});

test('a database in a folder that does not exist stops the server, saying how to create the folder', async () => {
	const path = join(dir, 'not-made-yet', 'patchwork.db');
	const { code, stderr, stdout } = await startServer(path, /Listening on/);
	expect(code).toBe(1);
	expect(stderr).toContain(`The database file ${path} is in a folder that does not exist`);
	expect(stderr).toContain(`mkdir -p ${join(dir, 'not-made-yet')}`);
	expect(stderr).not.toMatch(/\n\s+at /);
	expect(stdout).not.toContain('Listening on');
});

test('a full disk while loading the demo stops the server with a plain message and no half-loaded demo', async () => {
	const path = join(dir, 'full.db');
	chmodSync(dir, 0o777);
	// 1 MB: room for the tables, not for the demo borough's write-ahead log.
	const { code, stderr, stdout } = await startServer(path, /Listening on/, {
		fileSizeLimitKiB: 1024
	});
	expect(code).toBe(1);
	expect(stderr).toContain(
		`Patchwork could not start.\nThe database file ${path} could not be written: the disk is full`
	);
	expect(stderr).toContain('Free some space on that disk');
	expect(stderr).not.toMatch(/\n\s+at /);
	expect(stdout).not.toContain('Listening on');
	const db = new Database(path, { readonly: true });
	try {
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(db.prepare('SELECT count(*) AS n FROM programmes').get()).toEqual({ n: 0 });
		expect(db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 0 });
	} finally {
		db.close();
	}
});
