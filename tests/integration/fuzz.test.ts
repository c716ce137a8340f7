/**
 * A fixed-seed fuzz of every public way in: the forms (suggest, suggest a change, check link
 * answers, sign in), the query strings and parameters of the public pages and feeds (search in
 * English and Welsh, patch pages, shared lists, calendar feeds, exports, the Open Referral API); the
 * import formats are in fuzz-imports.test.ts. Route handlers are called in-process on a small
 * programme, as SvelteKit calls them. For every input: no 500, no crash (an error other than
 * SvelteKit's own answers), no redirect off the site, and no answer served as HTML that echoes the
 * input's markup unescaped. FUZZ_INPUTS sets the inputs per entry point (500 here;
 * `npm run bench:fuzz` runs 5,000); FUZZ_SEED the seed.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { createTestDb, insertTestPatch } from '../../src/lib/server/auth/test-db';
import { runAssetImport } from '../../src/lib/server/exchange/import/run';
import { NEW_ASSET_FIELDS, ASSET_CHANGE_FIELDS } from '../../src/lib/domain/suggestions';
import { GROUP_CHANGE_FORM_FIELDS } from '../../src/lib/domain/freshness/group-change';
import {
	formFields,
	percentEncode,
	queryString,
	routeParam,
	value,
	type Random
} from './fuzz-inputs';
import { INPUTS, SEED, fuzz } from './fuzz-run';

vi.setConfig({ testTimeout: Math.max(60_000, INPUTS * 200) });

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

/** The route modules, imported statically (Vite cannot follow a computed path). */
const ROUTES: Record<string, () => Promise<Record<string, unknown>>> = {
	'api/openreferral/+server': () => import('../../src/routes/api/openreferral/+server'),
	'api/openreferral/[...rest]/+server': () =>
		import('../../src/routes/api/openreferral/[...rest]/+server'),
	'api/openreferral/service_at_locations/+server': () =>
		import('../../src/routes/api/openreferral/service_at_locations/+server'),
	'api/openreferral/service_at_locations/[id]/+server': () =>
		import('../../src/routes/api/openreferral/service_at_locations/[id]/+server'),
	'api/openreferral/services/+server': () =>
		import('../../src/routes/api/openreferral/services/+server'),
	'api/openreferral/services/[id]/+server': () =>
		import('../../src/routes/api/openreferral/services/[id]/+server'),
	'api/openreferral/taxonomies/+server': () =>
		import('../../src/routes/api/openreferral/taxonomies/+server'),
	'api/openreferral/taxonomies/[id]/+server': () =>
		import('../../src/routes/api/openreferral/taxonomies/[id]/+server'),
	'api/openreferral/taxonomy_terms/+server': () =>
		import('../../src/routes/api/openreferral/taxonomy_terms/+server'),
	'api/openreferral/taxonomy_terms/[id]/+server': () =>
		import('../../src/routes/api/openreferral/taxonomy_terms/[id]/+server'),
	'assets/[id=id]/calendar.ics/+server': () =>
		import('../../src/routes/assets/[id=id]/calendar.ics/+server'),
	'assets/[id=id]/suggest/+page.server': () =>
		import('../../src/routes/assets/[id=id]/suggest/+page.server'),
	'check/[token]/+page.server': () => import('../../src/routes/check/[token]/+page.server'),
	'export/assets.csv/+server': () => import('../../src/routes/export/assets.csv/+server'),
	'export/assets.geojson/+server': () => import('../../src/routes/export/assets.geojson/+server'),
	'list/[ids]/+page.server': () => import('../../src/routes/list/[ids]/+page.server'),
	'login/+page.server': () => import('../../src/routes/login/+page.server'),
	'patches/[slug]/+page.server': () => import('../../src/routes/patches/[slug]/+page.server'),
	'patches/[slug]/calendar.ics/+server': () =>
		import('../../src/routes/patches/[slug]/calendar.ics/+server'),
	'search/+page.server': () => import('../../src/routes/search/+page.server'),
	'suggest/+page.server': () => import('../../src/routes/suggest/+page.server')
};
const route = (path: string) => {
	const load = ROUTES[path];
	if (!load) throw new Error(`No route module ${path} in ROUTES`);
	return load() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

let db: Db;
let known: { ids: string[]; slugs: string[]; categories: string[]; all: string[] };
beforeAll(() => {
	// A small programme (one patch, 30 published entries from a CSV): what each handler does with
	// hostile input is the same as on a full borough, and each call is cheap.
	db = createTestDb();
	state.db = db;
	insertTestPatch(db, 'fuzz-patch', 'Fuzz patch');
	const rows = ['id,name,description,latitude,longitude,postcode,website,phone'].concat(
		Array.from(
			{ length: 30 },
			(_, i) =>
				`f${i},Fuzz group ${i} <b>bold</b>,"Meets at the hall, ${i}",${0.1 + i * 0.02},${0.1 + i * 0.02},M1 1AA,https://example.org/${i},0161 000 000${i % 10}`
		)
	);
	runAssetImport(db, {
		bytes: new TextEncoder().encode(rows.join('\n')),
		file: 'fuzz.csv',
		format: 'csv',
		mapping: null,
		status: 'published',
		dryRun: false,
		via: 'cli'
	});
	const ids = db.all<{ id: number }>(sql`SELECT id FROM assets`).map((r) => String(r.id));
	const slugs = db.all<{ slug: string }>(sql`SELECT slug FROM patches`).map((r) => r.slug);
	const categories = db.all<{ id: string }>(sql`SELECT id FROM categories`).map((r) => r.id);
	known = { ids, slugs, categories, all: [...ids.slice(0, 20), ...slugs, ...categories] };
});

type Handler = (event: never) => unknown;

/** A request event as SvelteKit builds it: a GET with the query, or a POST with the fields. */
function eventFor(
	path: string,
	{
		query = '',
		params = {},
		fields
	}: { query?: string; params?: Record<string, string>; fields?: [string, string][] }
) {
	let url: URL;
	try {
		url = new URL(`http://localhost${path}${query ? `?${query}` : ''}`);
	} catch {
		url = new URL(`http://localhost${path}`);
	}
	let request: Request;
	if (fields) {
		const body = new FormData();
		for (const [name, text] of fields) body.append(name, text);
		request = new Request(url, { method: 'POST', body });
	} else request = new Request(url);
	return {
		url,
		params,
		request,
		route: { id: path },
		locals: { user: null, session: null },
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		getClientAddress: () => '198.51.100.7',
		setHeaders() {},
		fetch,
		isDataRequest: false,
		isSubRequest: false,
		platform: undefined,
		parent: async () => ({}),
		depends() {},
		untrack: <T>(fn: () => T) => fn()
	} as never;
}

const SEARCH_NAMES = ['q', 'kind', 'category', 'patch', 'day', 'time', 'access', 'postcode'].concat(
	['lat', 'lon', 'radius', 'page', 'sort', 'cost', 'age', 'view', 'lang']
);
const FEED_NAMES = [
	'page',
	'per_page',
	'search',
	'taxonomy_term_id',
	'taxonomy_id',
	'modified_after'
].concat(['full_service', 'format', 'status', 'category', 'kind', 'patch', 'from', 'to', 'weeks']);

/** One GET entry point: a module's load or GET, with generated route parameters and query. */
function getEntry(
	path: string,
	module: string,
	params: (random: Random) => Record<string, string>,
	names: readonly string[]
) {
	return async () => {
		const mod = await route(module);
		const handler = (mod.load ?? mod.GET) as Handler;
		return fuzz(path, path.length * 31 + module.length, (random) => {
			const p = params(random);
			const query = queryString(random, names, known.all);
			const concrete = Object.entries(p).reduce(
				(at, [key, v]) => at.replace(`[${key}]`, percentEncode(v)),
				path
			);
			return {
				input: `${concrete}?${query}`,
				run: () => handler(eventFor(concrete, { query, params: p }))
			};
		});
	};
}

describe(`${INPUTS} generated inputs per entry point (seed ${SEED}): no 500, no crash, no unescaped echo`, () => {
	const none = () => ({});
	const cases: [string, () => Promise<string[]>][] = [
		['/search', getEntry('/search', 'search/+page.server', none, SEARCH_NAMES)],
		['/cy/search', getEntry('/cy/search', 'search/+page.server', none, SEARCH_NAMES)],
		[
			'/patches/[slug]',
			getEntry(
				'/patches/[slug]',
				'patches/[slug]/+page.server',
				(r) => ({ slug: routeParam(r, known.slugs) }),
				SEARCH_NAMES
			)
		],
		[
			'/list/[ids]',
			getEntry(
				'/list/[ids]',
				'list/[ids]/+page.server',
				(r) => ({
					ids: Array.from({ length: 1 + Math.floor(r() * 6) }, () => routeParam(r, known.ids)).join(
						r() < 0.8 ? '-' : pick2(r)
					)
				}),
				['name', 'title', 'lang', 'print']
			)
		],
		[
			'/assets/[id]/calendar.ics',
			getEntry(
				'/assets/[id]/calendar.ics',
				'assets/[id=id]/calendar.ics/+server',
				(r) => ({ id: routeParam(r, known.ids) }),
				FEED_NAMES
			)
		],
		[
			'/patches/[slug]/calendar.ics',
			getEntry(
				'/patches/[slug]/calendar.ics',
				'patches/[slug]/calendar.ics/+server',
				(r) => ({ slug: routeParam(r, known.slugs) }),
				FEED_NAMES
			)
		],
		[
			'/export/assets.csv',
			getEntry('/export/assets.csv', 'export/assets.csv/+server', none, FEED_NAMES)
		],
		[
			'/export/assets.geojson',
			getEntry('/export/assets.geojson', 'export/assets.geojson/+server', none, FEED_NAMES)
		],
		...(
			[
				['', '+server'],
				['/services', 'services/+server'],
				['/service_at_locations', 'service_at_locations/+server'],
				['/taxonomies', 'taxonomies/+server'],
				['/taxonomy_terms', 'taxonomy_terms/+server']
			] as const
		).map(([sub, file]): [string, () => Promise<string[]>] => [
			`/api/openreferral${sub}`,
			getEntry(`/api/openreferral${sub}`, `api/openreferral/${file}`, none, FEED_NAMES)
		]),
		...(
			[
				['/services/[id]', 'services/[id]/+server'],
				['/service_at_locations/[id]', 'service_at_locations/[id]/+server'],
				['/taxonomies/[id]', 'taxonomies/[id]/+server'],
				['/taxonomy_terms/[id]', 'taxonomy_terms/[id]/+server']
			] as const
		).map(([sub, file]): [string, () => Promise<string[]>] => [
			`/api/openreferral${sub}`,
			getEntry(
				`/api/openreferral${sub}`,
				`api/openreferral/${file}`,
				(r) => ({ id: routeParam(r, [...known.ids, ...known.categories]) }),
				FEED_NAMES
			)
		]),
		[
			'/api/openreferral/[...rest]',
			getEntry(
				'/api/openreferral/[rest]',
				'api/openreferral/[...rest]/+server',
				(r) => ({ rest: `${value(r)}/${value(r)}` }),
				FEED_NAMES
			)
		]
	];
	it.each(cases)('GET %s', async (_name, run) => {
		expect(await run()).toEqual([]);
	});

	const forms: [
		string,
		string,
		string,
		(r: Random) => Record<string, string>,
		readonly string[]
	][] = [
		['/suggest', 'suggest/+page.server', 'default', () => ({}), NEW_ASSET_FIELDS],
		[
			'/assets/[id]/suggest',
			'assets/[id=id]/suggest/+page.server',
			'default',
			(r) => ({ id: routeParam(r, known.ids) }),
			ASSET_CHANGE_FIELDS
		],
		['/login', 'login/+page.server', 'default', () => ({}), ['email', 'password', 'redirectTo']],
		[
			'/check/[token] still right',
			'check/[token]/+page.server',
			'stillRight',
			(r) => ({ token: value(r) }),
			[]
		],
		[
			'/check/[token] changed',
			'check/[token]/+page.server',
			'changed',
			(r) => ({ token: value(r) }),
			GROUP_CHANGE_FORM_FIELDS
		]
	];
	it.each(forms)('POST %s', async (name, module, action, params, names) => {
		const mod = await route(module);
		const handler = mod.actions[action] as Handler;
		const problems = await fuzz(name, name.length * 17, (random) => {
			const p = params(random);
			const fields = formFields(random, names, known.all);
			return {
				input: `${JSON.stringify(p)} ${JSON.stringify(fields)}`,
				run: () => handler(eventFor(name, { params: p, fields }))
			};
		});
		expect(problems).toEqual([]);
	});
});

function pick2(random: Random): string {
	return ['', ',', '--', '%2D', '-%'][Math.floor(random() * 5)];
}
