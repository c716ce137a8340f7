/**
 * The user CLI end to end: a real process (tsx) against a temporary database file, checking what an
 * administrator sees and the exit code, then checking the result with the same code the app uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyLogin } from '../../src/lib/server/auth/users';
import { openDatabase } from '../../src/lib/server/db/client';
import { insertTestPatch } from '../../src/lib/server/auth/test-db';
import { SPAWN_TIMEOUT_MS, SPAWNING_TEST_TIMEOUT_MS, cli } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS });

const root = resolve(import.meta.dirname, '../..');
const GENERATED = /^Password: ([a-z2-9]{5}(?:-[a-z2-9]{5}){3})$/m;

let dir: string;
let dbPath: string;

function run(args: string[], path = dbPath) {
	const result = spawnSync(...cli('user', ...args), {
		cwd: root,
		env: { ...process.env, DATABASE_PATH: path },
		encoding: 'utf8',
		timeout: SPAWN_TIMEOUT_MS
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Check a password against the database file, as the sign-in page would. */
async function canSignIn(email: string, password: string): Promise<boolean> {
	const { db, sqlite } = openDatabase(dbPath);
	try {
		return (await verifyLogin(db, email, password)) !== null;
	} finally {
		sqlite.close();
	}
}

/** No stack trace reaches the person running the command. */
function expectNoStack(text: string) {
	expect(text).not.toMatch(/^\s+at /m);
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-user-cli-'));
	dbPath = join(dir, 'test.db');
	const { db, sqlite } = openDatabase(dbPath);
	insertTestPatch(db, 'northgate', 'Northgate');
	insertTestPatch(db, 'southfield', 'Southfield');
	sqlite.close();
});

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe('npm run user -- create', () => {
	it('creates a coordinator with patches and prints a made-up password once', async () => {
		const { code, stdout, stderr } = run([
			'create',
			'--email',
			'Sam.Jones@Example.org',
			'--name',
			'Sam Jones',
			'--role',
			'coordinator',
			'--patch',
			'northgate',
			'--patch',
			'southfield'
		]);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toContain(
			'Created local area coordinator Sam Jones <sam.jones@example.org> for northgate, southfield.'
		);
		const password = stdout.match(GENERATED)?.[1];
		expect(password).toBeDefined();
		expect(await canSignIn('sam.jones@example.org', password!)).toBe(true);
	});

	it('uses a given password and prints no password', async () => {
		const { code, stdout } = run([
			'create',
			'--email',
			'lead@example.org',
			'--name',
			'Lee Ahmed',
			'--role',
			'council',
			'--password',
			'council lead password'
		]);
		expect(code).toBe(0);
		expect(stdout).not.toMatch(/Password:/);
		expect(await canSignIn('lead@example.org', 'council lead password')).toBe(true);
	});

	it.each([
		[
			'a duplicate email',
			['--email', 'SAM.JONES@example.org', '--name', 'Sam', '--role', 'council'],
			'A user with the email sam.jones@example.org already exists'
		],
		[
			'an unknown role',
			['--email', 'new@example.org', '--name', 'New', '--role', 'mayor'],
			'Role must be one of: coordinator, council, admin'
		],
		[
			'an unknown patch',
			[
				'--email',
				'new@example.org',
				'--name',
				'New',
				'--role',
				'coordinator',
				'--patch',
				'eastend'
			],
			'There is no patch with the slug "eastend"'
		],
		[
			'a weak password',
			['--email', 'new@example.org', '--name', 'New', '--role', 'admin', '--password', 'short'],
			'Password must be 12 characters or more'
		],
		[
			'one of the 10,000 most common passwords, in any case',
			[
				'--email',
				'new@example.org',
				'--name',
				'New',
				'--role',
				'admin',
				'--password',
				'UNBELIEVABLE'
			],
			'Choose a less common password: this one is among the 10,000 most used, which are guessed first'
		],
		['a missing name', ['--email', 'new@example.org', '--role', 'admin'], 'Missing --name.']
	])('refuses %s with exit code 1 and a plain message', (_, args, message) => {
		const { code, stdout, stderr } = run(['create', ...args]);
		expect(code).toBe(1);
		expect(stderr).toContain(message);
		expect(stdout).toBe('');
		expectNoStack(stderr);
	});
});

describe('npm run user -- list', () => {
	it('lists every user with role and patches', () => {
		const { code, stdout } = run(['list']);
		expect(code).toBe(0);
		const lines = stdout.split('\n');
		expect(lines[0]).toMatch(/^Email\s+Name\s+Role\s+Can sign in\s+Patches$/);
		expect(lines[1]).toMatch(/^lead@example\.org\s+Lee Ahmed\s+council\s+yes$/);
		expect(lines[2]).toMatch(
			/^sam\.jones@example\.org\s+Sam Jones\s+coordinator\s+yes\s+northgate, southfield$/
		);
		expect(stdout).toContain('2 users');
		expect(stdout).not.toContain('new@example.org');
	});
});

describe('npm run user -- set-password', () => {
	it('replaces the password with a made-up one', async () => {
		const { code, stdout } = run(['set-password', '--email', 'lead@example.org']);
		expect(code).toBe(0);
		expect(stdout).toContain('Set a new password for lead@example.org');
		const password = stdout.match(GENERATED)?.[1];
		expect(await canSignIn('lead@example.org', password!)).toBe(true);
		expect(await canSignIn('lead@example.org', 'council lead password')).toBe(false);
	});

	it('refuses an unknown email', () => {
		const { code, stderr } = run(['set-password', '--email', 'who@example.org']);
		expect(code).toBe(1);
		expect(stderr).toContain('There is no user with the email who@example.org');
	});
});

describe('mistakes', () => {
	it('explains an unknown command with the usage', () => {
		const { code, stderr } = run(['delete']);
		expect(code).toBe(1);
		expect(stderr).toContain('Unknown command "delete".');
		expect(stderr).toContain('npm run user -- create --email EMAIL');
	});

	it('refuses a file that is not a database, leaving it alone', () => {
		const notDb = join(dir, 'notes.db');
		writeFileSync(notDb, 'these are my notes, not a database');
		const { code, stderr } = run(['list'], notDb);
		expect(code).toBe(1);
		expect(stderr).toContain('is not an SQLite database');
		expectNoStack(stderr);
		expect(readFileSync(notDb, 'utf8')).toBe('these are my notes, not a database');
	});
});
