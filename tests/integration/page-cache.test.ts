/**
 * Whole public pages kept until the next write (src/lib/server/http/page-cache.ts): the hook is
 * called as SvelteKit calls it, with a page that marks itself shared or not. A kept page is the same
 * page with a new Content-Security-Policy nonce each time; a visitor with a cookie, a page that is
 * not shared, and any write all make the page again.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import * as t from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { flushEmptySearches, recordEmptySearch } from '../../src/lib/server/gaps/demand';
import { createPageCache, sharePage } from '../../src/lib/server/http/page-cache';

const NONCE = 'c2VydmVyLW5vbmNlLTEyMw==';

describe('the page cache', () => {
	let db: Db;
	let made: number;
	let handle: ReturnType<typeof createPageCache>;
	beforeEach(() => {
		db = createTestDb();
		db.insert(t.programmes).values({ slug: 'p', name: 'Programme' }).run();
		made = 0;
		handle = createPageCache(() => db);
	});

	/** The event.url SvelteKit gives: a page's data request has the page's own URL. */
	function pageUrl(path: string): URL {
		const url = new URL(`http://localhost${path.replace('/__data.json', '')}`);
		url.searchParams.delete('x-sveltekit-invalidated');
		return url;
	}

	/** Asks for `path` as a visitor would; the page says whether it is shared. */
	async function ask(
		path: string,
		{
			shared = true,
			cookie = '',
			status = 200,
			eachTime = undefined as (() => void) | undefined,
			rendering = Promise.resolve()
		} = {}
	) {
		const headers = new Headers(cookie ? { cookie } : {});
		// SvelteKit gives a page's data (…/__data.json) the page's own event.url.
		const event = {
			request: new Request(`http://localhost${path}`, { headers }),
			url: pageUrl(path),
			locals: { user: null, session: null }
		} as unknown as RequestEvent;
		const response = await handle({
			event,
			resolve: async () => {
				made++;
				await rendering;
				eachTime?.();
				if (shared) sharePage(event.locals, eachTime);
				const names = db.select({ name: t.programmes.name }).from(t.programmes).all();
				return new Response(`<script nonce="${NONCE}">${made}</script>${names[0].name}`, {
					status,
					headers: {
						'content-type': 'text/html',
						'content-security-policy': `script-src 'self' 'nonce-${NONCE}'`
					}
				});
			}
		});
		const body = await response.text();
		const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '');
		return { body, status: response.status, nonce: nonce?.[1] };
	}

	it('makes a shared page once, and gives each visitor a nonce of their own', async () => {
		const first = await ask('/patches/p');
		const second = await ask('/patches/p');
		const third = await ask('/patches/p');
		expect(made).toBe(1);
		expect(first.body).toContain('Programme');
		expect(second.body.replace(second.nonce!, NONCE)).toBe(first.body);
		// The policy and the page carry the same new nonce, and no two answers share one.
		for (const page of [second, third]) expect(page.body).toContain(`nonce="${page.nonce}"`);
		expect(new Set([first.nonce, second.nonce, third.nonce]).size).toBe(3);
	});

	it('keeps each address apart: queries, Welsh pages, and a page apart from its data', async () => {
		await ask('/search?q=knit');
		await ask('/search?q=choir');
		await ask('/cy/search?q=knit');
		await ask('/search/__data.json?q=knit&x-sveltekit-invalidated=01');
		await ask('/search/__data.json?q=knit&x-sveltekit-invalidated=11');
		await ask('/search?q=knit');
		await ask('/search/__data.json?q=knit&x-sveltekit-invalidated=01');
		expect(made).toBe(5);
	});

	it('makes the page again after any write, and shows the write', async () => {
		await ask('/patches/p');
		db.update(t.programmes).set({ name: 'Renamed' }).run();
		const after = await ask('/patches/p');
		expect(made).toBe(2);
		expect(after.body).toContain('Renamed');
	});

	it('keeps its pages when an empty search is counted', async () => {
		await ask('/patches/p');
		const record = { searchedOn: '2026-12-07', category: '', kind: '', day: '', patch: '' };
		expect(recordEmptySearch(db, { ...record, text: 'choir' })).toBe(true);
		await ask('/patches/p');
		expect(made).toBe(1);
	});

	it('does what the page does on every showing (counting an empty search) for kept answers too', async () => {
		const record = { searchedOn: '2026-12-07', category: '', kind: '', day: '', patch: '' };
		const eachTime = () => recordEmptySearch(db, { ...record, text: 'choir' });
		for (let i = 0; i < 3; i++) await ask('/search?q=choir', { eachTime });
		expect(made).toBe(1);
		flushEmptySearches(db);
		const counted = db.select({ count: t.emptySearches.count }).from(t.emptySearches).all();
		expect(counted).toEqual([{ count: 3 }]);
	});

	it('makes a page once for visitors who ask while it is being made, each with their own nonce', async () => {
		let finish = () => {};
		const rendering = new Promise<void>((done) => (finish = done));
		const asked = Array.from({ length: 50 }, () => ask('/search?q=walk', { rendering }));
		finish();
		const pages = await Promise.all(asked);
		expect(made).toBe(1);
		expect(new Set(pages.map((page) => page.body.replace(page.nonce!, NONCE))).size).toBe(1);
		expect(new Set(pages.map((page) => page.nonce)).size).toBe(50);
	});

	it('lets visitors waiting on a page that is not shared make their own', async () => {
		let finish = () => {};
		const rendering = new Promise<void>((done) => (finish = done));
		const asked = Array.from({ length: 5 }, () =>
			ask('/search?q=mine', { rendering, shared: false })
		);
		finish();
		const pages = await Promise.all(asked);
		expect(made).toBe(5);
		expect(pages.map((page) => page.status)).toEqual([200, 200, 200, 200, 200]);
	});

	it('does not hand a page made before a write to a visitor who asks after it', async () => {
		let finish = () => {};
		const rendering = new Promise<void>((done) => (finish = done));
		const before = ask('/patches/p', { rendering });
		db.update(t.programmes).set({ name: 'Renamed' }).run();
		const after = ask('/patches/p');
		finish();
		await before;
		expect((await after).body).toContain('Renamed');
		expect(made).toBe(2);
	});

	it('never keeps a page for a visitor with a cookie, a page not shared, or an error', async () => {
		await ask('/account', { cookie: 'session=abc' });
		await ask('/account', { cookie: 'session=abc' });
		await ask('/search?q=zzz', { shared: false });
		await ask('/search?q=zzz', { shared: false });
		await ask('/patches/gone', { status: 404 });
		await ask('/patches/gone', { status: 404 });
		expect(made).toBe(6);
	});
});
