import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { createRequestLog, formatRequestLog, logFormatFromEnv } from './request-log';

function event(method: string, url: string, routeId: string | null) {
	return {
		request: new Request(url, { method }),
		url: new URL(url),
		route: { id: routeId },
		getClientAddress: () => '203.0.113.7'
	} as unknown as RequestEvent;
}

async function logOf(
	env: Record<string, string | undefined>,
	routeId: string | null,
	answer: () => Promise<Response>
): Promise<string[]> {
	const lines: string[] = [];
	const handle = createRequestLog(env, (line) => lines.push(line));
	await Promise.resolve(
		handle({
			event: event('GET', 'http://localhost/search?q=FV1+0LW&postcode=FV1+0LW', routeId),
			resolve: answer
		} as Parameters<typeof handle>[0])
	).catch(() => undefined);
	return lines;
}

describe('the request log', () => {
	it('writes one JSON line with the route pattern, status and time taken, and nothing typed', async () => {
		const lines = await logOf({}, '/search', async () => new Response('ok', { status: 200 }));
		expect(lines).toHaveLength(1);
		const entry = JSON.parse(lines[0]);
		expect(Object.keys(entry).sort()).toEqual(['durationMs', 'method', 'route', 'status', 'time']);
		expect(entry).toMatchObject({ method: 'GET', route: '/search', status: 200 });
		expect(entry.durationMs).toBeGreaterThanOrEqual(0);
		expect(new Date(entry.time).toISOString()).toBe(entry.time);
		expect(lines[0]).not.toContain('FV1');
		expect(lines[0]).not.toContain('203.0.113.7');
	});

	it('gives the address only when LOG_ADDRESSES=on, and a line for a request that failed', async () => {
		const failed = await logOf({ LOG_ADDRESSES: 'on' }, '/assets/[id]', async () => {
			throw new Error('boom');
		});
		expect(JSON.parse(failed[0])).toMatchObject({
			route: '/assets/[id]',
			status: 500,
			address: '203.0.113.7'
		});
	});

	it('reads as a sentence in text, and says nothing when off', async () => {
		const text = await logOf(
			{ LOG_FORMAT: 'text' },
			null,
			async () => new Response('', { status: 404 })
		);
		expect(text[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z GET \(no route\) 404 [\d.]+ ms$/);
		expect(await logOf({ LOG_FORMAT: 'off' }, '/', async () => new Response(''))).toEqual([]);
	});

	it('refuses a LOG_FORMAT it does not know', () => {
		expect(() => logFormatFromEnv({ LOG_FORMAT: 'xml' })).toThrow(
			'LOG_FORMAT must be json, text or off, not "xml".'
		);
		expect(
			formatRequestLog(
				{ time: 't', method: 'POST', route: '/suggest', status: 303, durationMs: 4.5 },
				'text'
			)
		).toBe('t POST /suggest 303 4.5 ms');
	});
});
