/**
 * Starting the built server on missing, empty and corrupt database files. Runs the real build (made by
 * the Playwright web server) in a child process on another port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

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

/** Starts `node build` and stops it once `until` appears in its output, or when it exits by itself. */
function startServer(databasePath: string, until: RegExp): Promise<Started> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['build/index.js'], {
			env: { ...process.env, DATABASE_PATH: databasePath, PORT: '4199', HOST: '127.0.0.1' }
		});
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
