/**
 * Whole answers to public pages, kept until the next write (the read cache's stamp,
 * ../db/read-cache.ts). A patch page or a search is the same for every visitor until someone saves,
 * yet rendering it (Svelte's server render, the page data's serialisation) costs several times more
 * than reading its rows from the read cache: under load that render is most of the server's work.
 *
 * Only a GET carrying no cookie at all is answered from here (a visitor who is not signed in and
 * has no session), and only with an answer its page marked as the same for everyone
 * (`sharePage(locals)` in the load, after it has read everything): 200, no Set-Cookie. The
 * Content-Security-Policy's nonce is replaced with a fresh one on every answer, so a nonce is never
 * sent twice. The key is the URL as asked (path and query: /cy/ pages are Welsh; a page's data,
 * …/__data.json, apart from the page) and London's date.
 *
 * Requests for a page that is being made wait for it rather than make it too: after a write empties
 * the cache, fifty visitors asking for the same search would otherwise render it fifty times at
 * once, and the last of them would wait for all the others (the benchmark's slowest answers).
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { readStamp } from '../db/read-cache';
import { londonDate } from '../../domain/sessions';

interface Kept {
	status: number;
	headers: [string, string][];
	/** Kept as bytes: encoding 50 kB of text again on every answer would cost more than the rest. */
	body: Buffer;
	/** The nonce in the policy and the page, replaced on each answer, and where it is in the body. */
	nonce: string | null;
	nonceAt: number[];
	/** What the page does on every showing (counting an empty search), run for each kept answer too. */
	eachTime?: () => void;
}

interface PageCache {
	stamp: string;
	pages: Map<string, Kept>;
	/** Pages being made now, since the stamp; null when the answer turned out not to be shareable. */
	making: Map<string, Promise<Kept | null>>;
}

/** At most this many answers per database (about 50 kB each); the oldest goes first. */
const MAX_PAGES = 500;

const caches = new WeakMap<Db, PageCache>();

/**
 * Says, from a page's load, that its answer is the same for every visitor without a session.
 * @param eachTime what the load did that must happen on every showing (it ran once already): it
 *   runs again for each answer from the cache; a write it makes must be to a table no public page
 *   reads (db/public-data.ts), or the page would be made again every time.
 */
export function sharePage(locals: App.Locals | undefined, eachTime?: () => void): void {
	// Tests may call a load with no locals: nothing is kept for them.
	if (locals && !locals.user) locals.sharedPage = { eachTime };
}

const nonceIn = (policy: string | null) => (policy && /'nonce-([^']+)'/.exec(policy)?.[1]) || null;

/** A nonce as SvelteKit makes one: 128 random bits in base64. */
function freshNonce(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return btoa(String.fromCharCode(...bytes));
}

function answer(kept: Kept): Response {
	if (!kept.nonce) return new Response(new Uint8Array(kept.body), kept);
	// A fresh nonce has the same length (24 characters), so it is written over the old one in place.
	const nonce = freshNonce();
	const body = new Uint8Array(kept.body);
	const bytes = Buffer.from(nonce, 'latin1');
	for (const at of kept.nonceAt) body.set(bytes, at);
	return new Response(body, {
		status: kept.status,
		headers: kept.headers.map(([name, value]): [string, string] => [
			name,
			value.replaceAll(kept.nonce!, nonce)
		])
	});
}

/** Where `nonce` is in `body`, or null when a fresh one could not be written over it in place. */
function nonceOffsets(body: Buffer, nonce: string | null): number[] | null {
	if (!nonce) return [];
	if (nonce.length !== freshNonce().length) return null;
	const offsets: number[] = [];
	for (let at = body.indexOf(nonce); at >= 0; at = body.indexOf(nonce, at + nonce.length))
		offsets.push(at);
	return offsets;
}

function cacheable(event: RequestEvent): boolean {
	return event.request.method === 'GET' && !event.request.headers.has('cookie');
}

/** The hook, with the database it reads (getDb in the server, a test database in tests). */
export function createPageCache(getDb: () => Db): Handle {
	return async ({ event, resolve }) => {
		if (!cacheable(event)) return resolve(event);
		const db = getDb();
		let cache = caches.get(db);
		if (!cache) caches.set(db, (cache = { stamp: '', pages: new Map(), making: new Map() }));
		// Taken before the page is made: a write while it renders makes the next request miss.
		const stamp = readStamp(db);
		if (stamp !== cache.stamp) {
			cache.pages.clear();
			cache.making.clear();
			cache.stamp = stamp;
		}
		// The address as asked: SvelteKit gives a page and its data (/search/__data.json?…&
		// x-sveltekit-invalidated=…, which parts to send) the same event.url.
		const asked = new URL(event.request.url);
		const key = `${londonDate(new Date())} ${asked.pathname}${asked.search}`;
		// No await unless a page is being made: until this request is making it, others must see none.
		const pending = cache.making.get(key);
		const kept = cache.pages.get(key) ?? (pending && (await pending));
		if (kept) {
			kept.eachTime?.();
			return answer(kept);
		}
		// Nothing kept, or the page being made was not shareable: make it for this request.
		let settle: (made: Kept | null) => void = () => {};
		const making = new Promise<Kept | null>((done) => (settle = done));
		if (!cache.making.has(key)) cache.making.set(key, making);
		try {
			const { response, made } = await makePage(event, resolve);
			settle(made);
			if (made && cache.stamp === stamp) {
				if (cache.pages.size >= MAX_PAGES)
					cache.pages.delete(cache.pages.keys().next().value as string);
				cache.pages.set(key, made);
			}
			return response;
		} catch (error) {
			settle(null);
			throw error;
		} finally {
			if (cache.making.get(key) === making) cache.making.delete(key);
		}
	};
}

/** Makes the page, and what to keep of it when its load said it is the same for everyone. */
async function makePage(
	event: RequestEvent,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<{ response: Response; made: Kept | null }> {
	const response = await resolve(event);
	if (!event.locals.sharedPage || response.status !== 200 || response.headers.has('set-cookie'))
		return { response, made: null };
	const body = Buffer.from(await response.arrayBuffer());
	const headers = [...response.headers];
	const nonce = nonceIn(response.headers.get('content-security-policy'));
	const nonceAt = nonceOffsets(body, nonce);
	const made = nonceAt && {
		status: response.status,
		headers,
		body,
		nonce,
		nonceAt,
		eachTime: event.locals.sharedPage.eachTime
	};
	return {
		response: new Response(new Uint8Array(body), { status: response.status, headers }),
		made
	};
}
