/**
 * Stopping the built server. On SIGTERM it stops taking connections, finishes the request under way
 * (here a suggestion whose form is still arriving), closes the database and exits with code 0. On
 * SIGKILL, in the middle of a burst of suggestions, nothing is closed: on restart the database must
 * pass its integrity check and hold every suggestion the site thanked someone for.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { expect, test } from '@playwright/test';
import { startTestServer, type TestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 120;
const ORIGIN = `http://localhost:${PORT}`;
const THANK_YOU = 'Thank you: your suggestion has been sent';
const ENV = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };

function suggestionForm(name: string): string {
	return new URLSearchParams({
		name,
		description: 'A group that meets to talk',
		whenWhere: 'Tuesdays at the hall',
		category: 'food',
		kind: 'group'
	}).toString();
}

interface Sent {
	status: number;
	html: string;
}

/**
 * Posts a new-place suggestion as a browser without JavaScript does, from `address`, sending the
 * first part of the form now and the rest when `finish` is called.
 */
function postSuggestion(name: string, address: string) {
	const body = Buffer.from(suggestionForm(name));
	const req = request({
		host: '127.0.0.1',
		port: PORT,
		method: 'POST',
		path: '/suggest',
		headers: {
			origin: ORIGIN,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': body.length,
			'x-forwarded-for': address
		}
	});
	const answer = new Promise<Sent>((resolve, reject) => {
		req.on('response', (response) => {
			let html = '';
			response.on('data', (chunk) => (html += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, html }));
			response.on('error', reject);
		});
		req.on('error', reject);
	});
	req.write(body.subarray(0, 20));
	return {
		answer,
		finish: () => req.end(body.subarray(20))
	};
}

function exited(server: TestServer): Promise<{ code: number | null; signal: string | null }> {
	const { child } = server;
	if (child.exitCode !== null || child.signalCode !== null)
		return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
	return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function storedSuggestionNames(path: string): string[] {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		return db
			.prepare("SELECT json_extract(details, '$.name') AS name FROM suggestions")
			.all()
			.map((row) => (row as { name: string }).name);
	} finally {
		db.close();
	}
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('SIGTERM: the request under way is answered and stored, new connections are refused, the database is closed and the exit code is 0', async () => {
	const path = 'test-results/shutdown-graceful.db';
	const server = await startTestServer(PORT, path, { env: ENV });
	const slow = postSuggestion('Shutdown slow group', '203.0.113.1');
	await pause(500);
	server.child.kill('SIGTERM');
	await pause(500);
	// Stopped taking connections while the slow one goes on.
	await expect(fetch(`${ORIGIN}/health`)).rejects.toThrow();
	slow.finish();
	const answer = await slow.answer;
	expect(answer.status).toBe(200);
	expect(answer.html).toContain(THANK_YOU);
	expect(await exited(server)).toEqual({ code: 0, signal: null });
	expect(server.output()).toContain(
		'Patchwork stopped (SIGTERM): requests under way finished, database closed.'
	);
	// Checkpointed and closed: the log is folded into the file, which is whole by itself.
	expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
	expect(storedSuggestionNames(path)).toContain('Shutdown slow group');
});

test('SIGKILL during a burst of suggestions: on restart every suggestion the site thanked someone for is there', async () => {
	test.setTimeout(120_000);
	const path = 'test-results/shutdown-killed.db';
	const server = await startTestServer(PORT, path, { env: ENV });
	const thanked: string[] = [];
	const outcomes: Promise<void>[] = [];
	let killed = false;
	for (let i = 0; i < 200 && !killed; i++) {
		const name = `Killed burst group ${i}`;
		const post = postSuggestion(name, `198.51.100.${i % 250}`);
		post.finish();
		outcomes.push(
			post.answer.then(
				({ status, html }) => {
					if (status === 200 && html.includes(THANK_YOU)) thanked.push(name);
				},
				() => undefined // cut off by the kill: never thanked
			)
		);
		// Eight at a time; the kill comes once twenty have been thanked, with others under way.
		if (outcomes.length % 8 === 0) await Promise.race(outcomes.slice(-8));
		if (thanked.length >= 20) {
			server.child.kill('SIGKILL');
			killed = true;
		}
	}
	await Promise.all(outcomes);
	expect(killed).toBe(true);
	expect((await exited(server)).signal).toBe('SIGKILL');

	const restarted = await startTestServer(PORT, path, { env: ENV, keepDatabase: true });
	expect((await fetch(`${ORIGIN}/health`)).status).toBe(200);
	await restarted.stop();
	const stored = storedSuggestionNames(path);
	expect(thanked.length).toBeGreaterThanOrEqual(20);
	for (const name of thanked) expect(stored).toContain(name);
});
