/**
 * The built server's request log: one JSON line per request on stdout, with the route's pattern and
 * never what was typed in the address (a postcode, an id) or where the request came from.
 */
import { expect, test } from '@playwright/test';
import { demoAssets } from './demo-data';
import { startTestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 130;
const publishedId = demoAssets.findIndex((asset) => asset.status === 'published') + 1;

test('one JSON line per request: method, route pattern, status, time taken; no query, id or address', async () => {
	const server = await startTestServer(PORT, 'test-results/request-log.db');
	try {
		const before = server.output().length;
		for (const path of [
			'/search?q=knit&postcode=FV1+0LW',
			`/assets/${publishedId}`,
			`/cy/assets/${publishedId}`,
			'/no-such-page'
		]) {
			await fetch(server.origin + path);
		}
		// Lines are written as each response starts; give the last one a moment to arrive.
		await expect
			.poll(
				() =>
					server
						.output()
						.slice(before)
						.split('\n')
						.filter((line) => line.startsWith('{')).length
			)
			.toBe(4);
		const logged = server
			.output()
			.slice(before)
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line));
		expect(logged.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
			{ method: 'GET', route: '/search', status: 200 },
			{ method: 'GET', route: '/assets/[id=id]', status: 200 },
			{ method: 'GET', route: '/assets/[id=id]', status: 200 },
			{ method: 'GET', route: null, status: 404 }
		]);
		for (const entry of logged) {
			expect(typeof entry.durationMs).toBe('number');
			expect(Date.parse(entry.time)).not.toBeNaN();
		}
		const text = server.output().slice(before);
		for (const secret of ['FV1', 'knit', '127.0.0.1', `/assets/${publishedId}`, 'no-such-page'])
			expect(text).not.toContain(secret);
	} finally {
		await server.stop();
	}
});
