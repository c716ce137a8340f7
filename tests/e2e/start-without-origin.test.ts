/**
 * Finding 3 of issue 14: with no ORIGIN set, `npm start` (`node build`) refused every form post with
 * 403 "Cross-site POST form submissions are forbidden", sign-in included, because adapter-node then
 * takes every request to have come over HTTPS. Following the README (build, then `npm start` with
 * nothing else set), signing in at http://localhost:PORT must work, and the server must say in one
 * line which address it assumed; served to others with no ORIGIN, it must refuse to start and say why.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-data';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 120;

let dir: string;
let child: ChildProcess | undefined;
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-origin-'));
});
test.afterEach(async () => {
	if (child && child.exitCode === null) {
		const exited = new Promise((resolve) => child!.once('exit', resolve));
		child.kill();
		await exited;
	}
	child = undefined;
	rmSync(dir, { recursive: true, force: true });
});

/** `node build` with only what is given set (no ORIGIN, HOST or PROTOCOL_HEADER from this shell). */
function start(env: Record<string, string>): Promise<{ output: string; code: number | null }> {
	const { ORIGIN: _o, HOST: _h, PROTOCOL_HEADER: _p, HOST_HEADER: _hh, ...rest } = process.env;
	child = spawn(process.execPath, ['build'], {
		env: { ...rest, DATABASE_PATH: join(dir, 'patchwork.db'), PORT: String(PORT), ...env }
	});
	return new Promise((resolve) => {
		let output = '';
		const read = (chunk: Buffer) => {
			output += chunk;
			if (/Listening on/.test(output)) resolve({ output, code: null });
		};
		child!.stdout!.on('data', read);
		child!.stderr!.on('data', read);
		child!.on('exit', (code) => resolve({ output, code }));
	});
}

test('npm start with no ORIGIN serves http://localhost:PORT, says so once, and signing in works', async ({
	page
}) => {
	test.setTimeout(90_000);
	const { output, code } = await start({});
	expect(code, output).toBeNull();
	const origin = `http://localhost:${PORT}`;
	const notes = output.split('\n').filter((line) => line.includes('ORIGIN'));
	expect(notes).toEqual([
		`Patchwork: ORIGIN is not set, so the site's address is taken to be ${origin}: open it there. Set ORIGIN to the address people use when it is served to others.`
	]);

	const lead = demoUsers.find((user) => user.role === 'council')!;
	await page.goto(`${origin}/login`);
	await page.getByLabel('Email address').fill(lead.email);
	await page.getByLabel('Password').fill(lead.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(`${origin}/account`);
	await expect(page.getByText(lead.displayName).first()).toBeVisible();
});

test('served to others (HOST 0.0.0.0) with no ORIGIN, the server refuses to start and says to set it', async () => {
	const { output, code } = await start({ HOST: '0.0.0.0' });
	expect(code).toBe(1);
	expect(output).not.toContain('Listening on');
	expect(output).toContain(
		'Patchwork could not start: set ORIGIN to the address people use to reach the site, for example ORIGIN=https://patchwork.example.gov.uk.'
	);
	expect(output).not.toMatch(/\n\s+at /);
});
