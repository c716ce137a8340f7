/**
 * The Open Referral UK API against the demo borough: every endpoint's real responses validated with
 * the profile's own schemas (ajv, draft 2020-12), paging walked end to end, each filter checked
 * against what it returns, and no private or unpublished data in any response.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import { loadDemoBorough } from '../../src/lib/server/demo/seed';
import * as api from '../../src/lib/server/exchange/openreferral/api';
import { loadApiContext } from '../../src/lib/server/exchange/openreferral/context';
import { demoAssetsSchema } from '../../src/lib/domain/schemas/demo-borough';
import type {
	HsdsPage,
	HsdsService,
	HsdsServiceAtLocation,
	HsdsServiceAtLocationSummary,
	HsdsServiceSummary,
	HsdsTaxonomy,
	HsdsTaxonomyTerm
} from '../../src/lib/domain/exchange/openreferral/types';
import { apiResponse, preflightResponse } from '../../src/lib/server/exchange/openreferral/http';
import * as rootRoute from '../../src/routes/api/openreferral/+server';
import * as restRoute from '../../src/routes/api/openreferral/[...rest]/+server';
import {
	OPENAPI_PATHS,
	schemaErrors,
	serviceAtLocationSchema,
	validators,
	type OpenApiPath
} from './openreferral-schemas';
import { hiddenFromVisitors, isVisibleToVisitors } from '../../src/lib/demo/keeping-true';

const demoAssets = demoAssetsSchema.parse(
	JSON.parse(readFileSync('data/demo/assets.json', 'utf8'))
);
/** What a visitor may see: published, and an informal support only with consent to be shown. */
const visible = demoAssets.filter(isVisibleToVisitors);
const hidden = hiddenFromVisitors(demoAssets);
const demoPostcodes = new Map(
	readFileSync('data/demo/postcodes.csv', 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => line.split(','))
		.map(([postcode, lat, lon]) => [postcode, [Number(lon), Number(lat)] as [number, number]])
);

let db: Db;
let sqlite: ReturnType<typeof openDatabase>['sqlite'];
/** Every body any test received, for the privacy checks at the end. */
const seen: string[] = [];

function call(result: api.ApiResult, status = 200) {
	seen.push(JSON.stringify(result.body));
	expect(result.status, JSON.stringify(result.body).slice(0, 300)).toBe(status);
	return result.body;
}
const query = (text: string) => new URLSearchParams(text);
/** The OpenAPI paths whose responses were validated, to check at the end that none was left out. */
const validated = new Set<OpenApiPath>();
/** Validates a body against exactly the schema the 3.0 OpenAPI names for its path. */
function expectValid(path: OpenApiPath, body: unknown) {
	validated.add(path);
	expect(schemaErrors(validators[path], body), path).toBe('');
}

/** Every page of a list endpoint, validated, with the envelope's arithmetic checked. */
function walk<T>(
	list: (db: Db, params: URLSearchParams) => api.ApiResult,
	path: OpenApiPath,
	filters = '',
	perPage = 40
): T[] {
	const items: T[] = [];
	for (let page = 1; ; page++) {
		const body = call(
			list(db, query(`${filters}&page=${page}&per_page=${perPage}`))
		) as HsdsPage<T>;
		expectValid(path, body);
		expect(body.page_number).toBe(page);
		expect(body.size).toBe(body.contents.length);
		expect(body.total_pages).toBe(Math.ceil(body.total_items / perPage));
		expect(body.first_page).toBe(page === 1);
		items.push(...body.contents);
		if (body.last_page) break;
		expect(body.size).toBe(perPage);
	}
	expect(items.length).toBe(
		(call(list(db, query(`${filters}&per_page=1`))) as HsdsPage<T>).total_items
	);
	return items;
}

const fullService = (id: string) => call(api.getService(db, id)) as HsdsService;
const demoByName = new Map(visible.map((asset) => [asset.name, asset]));

beforeAll(async () => {
	({ db, sqlite } = openDatabase(':memory:'));
	await loadDemoBorough(db);
});

describe('root, services and paging', () => {
	it('says which HSDS version and profile it follows', () => {
		const body = call(api.apiRoot()) as { version: string; profile: string };
		expectValid('/', body);
		expect(body.version).toBe('3.0');
	});

	it('lists every asset a visitor may see once across all pages, and nothing else', () => {
		const services = walk<HsdsServiceSummary>(api.listServices, '/services');
		expect(services.map((s) => s.name).sort()).toEqual(visible.map((a) => a.name).sort());
		expect(new Set(services.map((s) => s.id)).size).toBe(visible.length);
	});

	it('uses schemas that really reject a broken service', () => {
		const [first] = (
			call(api.listServices(db, query('per_page=1'))) as HsdsPage<HsdsServiceSummary>
		).contents;
		const service = fullService(first.id);
		expectValid('/services/{id}', service);
		for (const broken of [
			{ ...service, id: 'service-1' },
			{ ...service, status: 'open' },
			{ ...service, name: undefined },
			{ ...service, minimum_age: null },
			{ ...service, schedules: [{ ...service.schedules[0], freq: 'DAILY' }] }
		]) {
			expect(schemaErrors(validators['/services/{id}'], broken)).not.toBe('');
		}
	});

	it('answers a page past the end with an empty page', () => {
		const body = call(api.listServices(db, query('page=999'))) as HsdsPage<unknown>;
		expectValid('/services', body);
		expect(body).toMatchObject({ empty: true, size: 0, last_page: true, first_page: false });
	});

	it('serves every asset a visitor may see as a fully nested service that meets the schema', () => {
		const ids = walk<HsdsServiceSummary>(api.listServices, '/services', '', 100);
		for (const { id } of ids) expectValid('/services/{id}', fullService(id));
	});

	it('rejects bad parameters with a 400 that names them', () => {
		for (const [text, parameter] of [
			['per_page=0', 'per_page'],
			['per_page=many', 'per_page'],
			['page=abc', 'page'],
			['minimum_age=old', 'minimum_age'],
			['day=TUESDAY', 'day'],
			['start_time=9am', 'start_time'],
			['end_time=24:00', 'end_time'],
			['modified_after=yesterday', 'modified_after'],
			['taxonomy_term_id=coffee', 'taxonomy_term_id']
		]) {
			const body = call(api.listServices(db, query(text)), 400) as {
				errors: { parameter: string; message: string }[];
			};
			expect(body.errors.map((e) => e.parameter)).toEqual([parameter]);
		}
	});

	it('serves a per_page over 100 as 100, and says so in size and total_pages', () => {
		const total = (call(api.listServices(db, query('per_page=1'))) as HsdsPage<unknown>)
			.total_items;
		expect(total).toBeGreaterThan(100);
		for (const asked of ['101', '1000', '999999999999']) {
			const body = call(api.listServices(db, query(`per_page=${asked}`))) as HsdsPage<unknown>;
			expectValid('/services', body);
			expect(body.size, asked).toBe(100);
			expect(body.contents.length).toBe(100);
			expect(body.total_pages).toBe(Math.ceil(total / 100));
		}
		const last = call(
			api.listServiceAtLocations(db, query(`per_page=500&page=${Math.ceil(total / 100)}`))
		) as HsdsPage<unknown>;
		expect(last.size).toBe(last.contents.length);
		expect(last.size).toBeLessThanOrEqual(100);
	});

	it('reads text, the 1.0 name clients still send, as search', () => {
		const bySearch = call(api.listServices(db, query('search=coffee&per_page=100')));
		const byText = call(api.listServices(db, query('text=coffee&per_page=100'))) as HsdsPage<{
			name: string;
		}>;
		expect(byText.total_items).toBeGreaterThan(0);
		expect(byText.total_items).toBeLessThan(visible.length);
		expect(byText).toEqual(bySearch);
		expect(call(api.listServiceAtLocations(db, query('text=coffee&per_page=100')))).toEqual(
			call(api.listServiceAtLocations(db, query('search=coffee&per_page=100')))
		);
		// search wins when both are sent.
		expect(call(api.listServices(db, query('search=coffee&text=zzzz&per_page=100')))).toEqual(
			bySearch
		);
	});

	it('ignores parameters named like the properties every object has', () => {
		const plain = call(api.listServices(db, query('per_page=3'))) as HsdsPage<unknown>;
		for (const name of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
			const body = call(api.listServices(db, query(`${name}=x&per_page=3&${name}=y`)));
			expect(body, name).toEqual(plain);
		}
	});

	it('answers unknown, unpublished and private ids with a 404', () => {
		const { ids } = loadApiContext(db);
		// Ids follow file order.
		const draft = demoAssets.findIndex((a) => a.status !== 'published') + 1;
		const privateSupport =
			demoAssets.findIndex(
				(a) => a.kind === 'informal_support' && a.status === 'published' && !a.consent?.public
			) + 1;
		expect(privateSupport).toBeGreaterThan(0);
		for (const id of [
			'not-a-uuid',
			'3f0e6a52-9c1d-4b7e-a8f4-5d2c61b0e9a7',
			ids.row('service', draft),
			ids.row('service', privateSupport),
			ids.row('service_at_location', privateSupport)
		]) {
			expect((call(api.getService(db, id), 404) as { error: string }).error).toBe('Not found');
		}
		call(api.getService(db, ids.row('location', 1)), 404);
	});
});

describe('filters', () => {
	const servicesFor = (filters: string) =>
		walk<HsdsServiceSummary>(api.listServices, '/services', filters, 100);

	it('search finds assets by their words, in English or Welsh', () => {
		const found = servicesFor('search=coffee');
		expect(found.length).toBeGreaterThan(0);
		expect(found.length).toBeLessThan(visible.length);
		for (const service of found) {
			const asset = demoByName.get(service.name)!;
			expect([asset.name, asset.nameCy, asset.description, asset.descriptionCy].join(' ')).toMatch(
				/coffee/i
			);
		}
		expect(servicesFor('search=" OR 1=1 --').length).toBe(0);
	});

	it('taxonomy_term_id finds the assets with that category, kind or feature', () => {
		const { catalogue } = loadApiContext(db);
		const cases: [string, (a: (typeof visible)[number]) => boolean][] = [
			['category:coffee-and-chat', (a) => a.categories.includes('coffee-and-chat')],
			['kind:venue', (a) => a.kind === 'venue'],
			['sector:statutory', (a) => a.sector === 'statutory'],
			['accessibility:hearing_loop', (a) => a.accessibility.includes('hearing_loop')]
		];
		for (const [key, expected] of cases) {
			const term = catalogue.byKey.get(key)!;
			const found = servicesFor(`taxonomy_term_id=${term.id}`);
			expect(found.length, key).toBe(visible.filter(expected).length);
			for (const { id } of found) {
				expect(fullService(id).attributes.map((a) => a.taxonomy_term_id)).toContain(term.id);
			}
		}
		expect(servicesFor('taxonomy_term_id=3f0e6a52-9c1d-4b7e-a8f4-5d2c61b0e9a7')).toEqual([]);
	});

	it('taxonomy_id finds the assets with any term of that taxonomy', () => {
		const { catalogue } = loadApiContext(db);
		const [categories, kinds, access] = catalogue.taxonomies.map((t) => t.id);
		expect(servicesFor(`taxonomy_id=${categories}`).length).toBe(visible.length);
		expect(servicesFor(`taxonomy_id=${kinds}`).length).toBe(visible.length);
		const withAccess = servicesFor(`taxonomy_id=${access}`);
		expect(withAccess.length).toBe(visible.filter((a) => a.accessibility.length).length);
	});

	it('minimum_age and maximum_age compare as the profile words them', () => {
		const older = servicesFor('minimum_age=16');
		expect(older.length).toBe(visible.filter((a) => (a.ageMin ?? -1) >= 16).length);
		expect(older.every((s) => s.minimum_age! >= 16)).toBe(true);
		const younger = servicesFor('maximum_age=18');
		expect(younger.length).toBe(
			visible.filter((a) => a.ageMax !== undefined && a.ageMax <= 18).length
		);
		expect(younger.length).toBeGreaterThan(0);
		expect(younger.every((s) => s.maximum_age! <= 18)).toBe(true);
	});

	it('day, start_time and end_time match one and the same session', () => {
		const tuesday = servicesFor('day=TU');
		expect(tuesday.length).toBe(
			visible.filter((a) => a.sessions.some((s) => s.weekday === 2)).length
		);
		for (const { id } of tuesday) {
			expect(fullService(id).schedules.some((s) => s.byday.endsWith('TU'))).toBe(true);
		}
		const mornings = servicesFor('day=TU,TH&start_time=09:00&end_time=12:00:00');
		expect(mornings.length).toBeGreaterThan(0);
		for (const { id } of mornings) {
			const fits = fullService(id).schedules.some(
				(s) => /(TU|TH)$/.test(s.byday) && s.opens_at >= '09:00' && s.closes_at <= '12:00'
			);
			expect(fits).toBe(true);
		}
	});

	it('modified_after finds what changed since', () => {
		expect(servicesFor('modified_after=2000-01-01').length).toBe(visible.length);
		expect(servicesFor('modified_after=2999-01-01T00:00:00Z')).toEqual([]);
		const name = visible[5].name;
		sqlite
			.prepare("UPDATE assets SET updated_at = '2998-06-01T10:00:00.000Z' WHERE name = ?")
			.run(name);
		expect(servicesFor('modified_after=2998-01-01').map((s) => s.name)).toEqual([name]);
	});
});

describe('service at locations', () => {
	it('lists every asset a visitor may see with a place, validated, with its location', () => {
		const items = walk<HsdsServiceAtLocationSummary>(
			api.listServiceAtLocations,
			'/service_at_locations'
		);
		expect(items.length).toBe(visible.filter((a) => a.point).length);
		for (const item of items) {
			expect(item.location.latitude).toBeGreaterThan(50);
			const full = call(api.getServiceAtLocation(db, item.id)) as HsdsServiceAtLocation;
			expectValid('/service_at_locations/{id}', full);
			expect(schemaErrors(serviceAtLocationSchema, full)).toBe('');
			expect(full).toMatchObject({ name: item.service.name, status: 'active' });
			expect(full.service.name).toBe(full.name);
		}
	});

	it('puts assets that meet at a venue at the venue’s location', () => {
		const group = visible.find((a) => a.venueRef)!;
		const venue = demoAssets.find((a) => a.ref === group.venueRef)!;
		const [match] = walk<HsdsServiceAtLocationSummary>(
			api.listServiceAtLocations,
			'/service_at_locations',
			`search=${encodeURIComponent(group.name)}`
		).filter((item) => item.service.name === group.name);
		expect(match.location.name).toBe(venue.name);
	});

	it('finds what is near a postcode, nearest first, within the proximity', () => {
		const [postcode, origin] = [...demoPostcodes][0];
		const near = walk<HsdsServiceAtLocationSummary>(
			api.listServiceAtLocations,
			'/service_at_locations',
			`postcode=${postcode.replace(' ', '').toLowerCase()}&proximity=1500`
		);
		expect(near.length).toBeGreaterThan(0);
		const metres = near.map((item) =>
			haversine(origin, [item.location.longitude, item.location.latitude])
		);
		expect(metres.every((m) => m <= 1500)).toBe(true);
		expect(metres).toEqual([...metres].sort((a, b) => a - b));
		const within = visible.filter((a) => a.point && haversine(origin, venuePoint(a)) <= 1500);
		expect(near.length).toBe(within.length);
	});

	it('rejects a proximity without a postcode, and a postcode it does not know', () => {
		for (const [text, parameter] of [
			['proximity=1000', 'proximity'],
			['postcode=NOT A POSTCODE', 'postcode'],
			['postcode=ZZ1 1ZZ', 'postcode'],
			['postcode=FV1 0LW&proximity=-5', 'proximity']
		]) {
			const body = call(api.listServiceAtLocations(db, query(text)), 400) as {
				errors: { parameter: string }[];
			};
			expect(body.errors[0].parameter).toBe(parameter);
		}
	});

	it('has no service at location for an online asset', () => {
		const { ids } = loadApiContext(db);
		const online =
			demoAssets.findIndex((a) => isVisibleToVisitors(a) && a.locationKind === 'online') + 1;
		call(api.getServiceAtLocation(db, ids.row('service_at_location', online)), 404);
	});
});

describe('taxonomies', () => {
	it('lists the taxonomies and their terms, each valid', () => {
		const taxonomies = walk<HsdsTaxonomy>(api.listTaxonomies, '/taxonomies', '', 2);
		expect(taxonomies.map((t) => t.name)).toEqual([
			'Patchwork categories',
			'Patchwork asset kinds',
			'Patchwork accessibility features'
		]);
		const terms = walk<HsdsTaxonomyTerm>(api.listTaxonomyTerms, '/taxonomy_terms', '', 10);
		let counted = 0;
		for (const taxonomy of taxonomies) {
			const full = call(api.getTaxonomy(db, taxonomy.id)) as HsdsTaxonomy;
			expectValid('/taxonomies/{id}', full);
			counted += full.taxonomy_terms!.length;
		}
		expect(counted).toBe(terms.length);
		for (const term of terms)
			expectValid('/taxonomy_terms/{id}', call(api.getTaxonomyTerm(db, term.id)));
		call(api.getTaxonomyTerm(db, taxonomies[0].id), 404);
		call(api.getTaxonomy(db, terms[0].id), 404);
	});
});

describe('HTTP', () => {
	it('answers JSON with CORS open to every origin, and preflights', async () => {
		const response = apiResponse(api.listServices(db, query('per_page=1')));
		expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
		expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
		expect((await response.json()).size).toBe(1);
		const preflight = preflightResponse();
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('GET');
	});

	it('routes answer as the functions do, and unknown paths with a JSON 404', async () => {
		const event = (path: string) => ({ url: new URL(`http://x${path}`) }) as never;
		const root = await rootRoute.GET(event('/api/openreferral'));
		expect(await root.json()).toEqual(api.apiRoot().body);
		expect((await rootRoute.OPTIONS(event('/api/openreferral'))).status).toBe(204);
		const missing = await restRoute.GET(event('/api/openreferral/organizations'));
		expect(missing.status).toBe(404);
		expect(missing.headers.get('Access-Control-Allow-Origin')).toBe('*');
		expect((await missing.json()).error).toBe('Not found');
	});
});

describe('the OpenAPI', () => {
	it('had every one of its paths answered and validated against the schema it names', () => {
		expect(OPENAPI_PATHS.length).toBe(9);
		expect([...validated].sort()).toEqual([...OPENAPI_PATHS].sort());
	});
});

describe('privacy', () => {
	it('never sends a contact, name or description a visitor may not see', () => {
		expect(hidden.contactValues.length).toBeGreaterThan(100);
		const everything = seen.join('\n');
		expect(everything.length).toBeGreaterThan(100_000);
		for (const value of hidden.contactValues) expect(everything).not.toContain(value);
		for (const name of hidden.names) expect(everything).not.toContain(JSON.stringify(name));
		for (const text of hidden.descriptions) expect(everything).not.toContain(JSON.stringify(text));
	});
});

function venuePoint(asset: (typeof visible)[number]): [number, number] {
	const venue = asset.venueRef ? demoAssets.find((a) => a.ref === asset.venueRef) : undefined;
	return (venue && isVisibleToVisitors(venue) ? venue.point : asset.point) as [number, number];
}

function haversine(a: [number, number], b: [number, number]): number {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
		Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
	return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}
