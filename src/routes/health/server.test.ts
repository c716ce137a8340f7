import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenedDatabase } from '$lib/server/db/client';

const state = vi.hoisted(() => ({ getDb: (): unknown => undefined }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.getDb() }));

const { GET } = await import('./+server');

let opened: OpenedDatabase;
beforeEach(() => {
	opened = openDatabase(':memory:');
	state.getDb = () => opened.db;
});

/** The migrations this checkout has: the database has them all after openDatabase. */
const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
	entries: { tag: string }[];
};

const get = () => GET({} as Parameters<typeof GET>[0]) as Response;

describe('GET /health', () => {
	it('answers 200 with the latest applied migration while the database answers', async () => {
		const response = get();
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({
			status: 'ok',
			schemaVersion: journal.entries.at(-1)!.tag,
			migrations: journal.entries.length
		});
	});

	it('answers 503 when the database does not answer, saying nothing more', async () => {
		opened.sqlite.close();
		const response = get();
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({ status: 'unavailable' });
	});

	it('answers 503 when the database is not open at all', async () => {
		state.getDb = () => {
			throw new Error('The database is not open yet: initDatabase() runs at server start.');
		};
		const response = get();
		expect(response.status).toBe(503);
		expect(await response.text()).toBe('{"status":"unavailable"}');
	});
});
