/**
 * The Open Referral API and the exports from the built app over HTTP: status, CORS, JSON shape,
 * content types, and that a spreadsheet cannot run anything in the CSV.
 */
import { parseCsv } from '../../src/lib/domain/csv';
import { hiddenContactValues, visibleAssets } from './demo-data';
import { expect, test } from './fixtures';

const published = visibleAssets;
const PAGE_FIELDS = [
	'total_items',
	'total_pages',
	'page_number',
	'size',
	'first_page',
	'last_page',
	'empty',
	'contents'
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('the API answers JSON with CORS open, pages and nested services', async ({ request }) => {
	const root = await request.get('/api/openreferral');
	expect(root.status()).toBe(200);
	expect(root.headers()['access-control-allow-origin']).toBe('*');
	expect(await root.json()).toMatchObject({ version: '3.0' });

	const list = await request.get('/api/openreferral/services?per_page=5&day=TU');
	expect(list.status()).toBe(200);
	expect(list.headers()['content-type']).toContain('application/json');
	expect(list.headers()['access-control-allow-origin']).toBe('*');
	const page = await list.json();
	expect(Object.keys(page).sort()).toEqual([...PAGE_FIELDS].sort());
	expect(page.size).toBe(5);
	// Other browser tests may import assets first, so counts are checked against the demo as a floor.
	expect(page.total_items).toBeGreaterThanOrEqual(
		published.filter((a) => a.sessions.some((s) => s.weekday === 2)).length
	);

	const service = await (
		await request.get(`/api/openreferral/services/${page.contents[0].id}`)
	).json();
	expect(service.id).toMatch(UUID);
	expect(service.status).toBe('active');
	expect(service.schedules.some((s: { byday: string }) => s.byday.endsWith('TU'))).toBe(true);
	const body = JSON.stringify(service);
	for (const value of hiddenContactValues) expect(body).not.toContain(value);

	const near = await request.get(
		'/api/openreferral/service_at_locations?postcode=FV1%200LW&proximity=2000&per_page=3'
	);
	const nearPage = await near.json();
	expect(nearPage.contents.length).toBeGreaterThan(0);
	expect(nearPage.contents[0].location).toHaveProperty('latitude');

	const terms = await (await request.get('/api/openreferral/taxonomy_terms?per_page=100')).json();
	expect(terms.total_items).toBeGreaterThan(20);
});

test('the API preflights, and answers bad requests and unknown ids in JSON', async ({
	request
}) => {
	const preflight = await request.fetch('/api/openreferral/services', {
		method: 'OPTIONS',
		headers: { Origin: 'https://directory.example', 'Access-Control-Request-Method': 'GET' }
	});
	expect(preflight.status()).toBe(204);
	expect(preflight.headers()['access-control-allow-origin']).toBe('*');

	const bad = await request.get('/api/openreferral/services?per_page=0');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).errors[0].parameter).toBe('per_page');
	const clamped = await request.get('/api/openreferral/services?per_page=1000');
	expect(clamped.status()).toBe(200);
	expect((await clamped.json()).size).toBe(100);

	for (const path of [
		'/api/openreferral/services/00000000-0000-4000-8000-000000000000',
		'/api/openreferral/organizations'
	]) {
		const missing = await request.get(path);
		expect(missing.status(), path).toBe(404);
		expect((await missing.json()).error).toBe('Not found');
	}
});

test('the API answers as the official validator asks, from a base URL ending in a slash', async ({
	request
}) => {
	// The validator reads the version from the base URL as given, then joins each OpenAPI path to it.
	const base = '/api/openreferral/';
	const root = await request.get(base, { maxRedirects: 0 });
	expect(root.status()).toBe(200);
	expect(await root.json()).toMatchObject({ version: '3.0' });
	const list = await request.get(`${base}services/?text=coffee&per_page=2`, { maxRedirects: 0 });
	expect(list.status()).toBe(200);
	const page = await list.json();
	expect(page.size).toBe(2);
	const one = await request.get(`${base}service_at_locations?per_page=1`, { maxRedirects: 0 });
	const [first] = (await one.json()).contents;
	const full = await request.get(`${base}service_at_locations/${first.id}/`, { maxRedirects: 0 });
	expect(full.status()).toBe(200);
	expect(await full.json()).toMatchObject({
		id: first.id,
		name: first.service.name,
		status: 'active'
	});
	for (const path of ['taxonomies/', 'taxonomy_terms/?page=2&per_page=5']) {
		const response = await request.get(base + path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(200);
	}
});

test('the exports download with their licence, and no cell can run as a formula', async ({
	request
}) => {
	const csv = await request.get('/export/assets.csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8; header=present');
	expect(csv.headers()['content-disposition']).toMatch(
		/^attachment; filename="[a-z-]+-assets-\d{4}-\d{2}-\d{2}\.csv"$/
	);
	const text = (await csv.body()).toString('utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const table = parseCsv(text);
	expect(table.header).toEqual(
		expect.arrayContaining(['name', 'latitude', 'licence', 'exported_on'])
	);
	const everything = await (await request.get('/api/openreferral/services?per_page=1')).json();
	expect(table.rows.length).toBe(everything.total_items);
	expect(table.rows.length).toBeGreaterThanOrEqual(published.length);
	expect(table.rows[0].values.licence).toContain('Open Government Licence v3.0');
	// Every cell that starts with a formula character is a number or neutralised with a quote.
	const cells = table.rows.flatMap((row) => Object.values(row.values));
	const risky = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
	expect(risky).toEqual([]);
	expect(table.rows.every((row) => !row.values.longitude || Number(row.values.longitude) < 0)).toBe(
		true
	);

	const geojson = await request.get('/export/assets.geojson');
	expect(geojson.headers()['content-type']).toBe('application/geo+json; charset=utf-8');
	const collection = await geojson.json();
	expect(collection.type).toBe('FeatureCollection');
	expect(collection.licence.name).toBe('Open Government Licence v3.0');
	expect(collection.features.length).toBe(table.rows.length);

	expect((await request.get('/export/assets.csv?patch=nowhere')).status()).toBe(404);
});
