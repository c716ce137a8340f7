/**
 * The basemap files Patchwork serves itself (src/lib/server/basemap.ts), called as the server calls
 * the routes: PMTiles readers fetch parts of the file with Range requests.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configuredBasemap } from '../../src/lib/server/basemap';

const state = vi.hoisted(() => ({ env: {} as Record<string, string | undefined> }));
vi.mock('$env/dynamic/private', () => ({
	get env() {
		return state.env;
	}
}));

const tiles = await import('../../src/routes/basemap/tiles.pmtiles/+server');
const features = await import('../../src/routes/basemap/features.geojson/+server');

const dir = mkdtempSync(join(tmpdir(), 'patchwork-basemap-'));
const file = join(dir, 'area.pmtiles');
// 1,000 bytes whose values tell where they came from.
const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
writeFileSync(file, bytes);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Calls a route's GET as the server does; the handlers read only the request. */
const get = (
	handler: typeof tiles.GET | typeof features.GET,
	headers: Record<string, string> = {}
) =>
	(handler as (event: { request: Request }) => Promise<Response>)({
		request: new Request('http://localhost/basemap/file', { headers })
	});

beforeEach(() => {
	state.env = { BASEMAP_PMTILES: file };
});

describe('/basemap/tiles.pmtiles', () => {
	it('answers a range with 206, Content-Range and exactly those bytes', async () => {
		const response = await get(tiles.GET, { range: 'bytes=0-126' });
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe('bytes 0-126/1000');
		expect(response.headers.get('content-length')).toBe('127');
		expect(response.headers.get('accept-ranges')).toBe('bytes');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(0, 127));
	});

	it('answers a range from the middle to past the end with what is there', async () => {
		const response = await get(tiles.GET, { range: 'bytes=900-16383' });
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe('bytes 900-999/1000');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(900));
	});

	it('sends the whole file without a range', async () => {
		const response = await get(tiles.GET);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/vnd.pmtiles');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
	});

	it('answers 416 for a range past the end of the file', async () => {
		const response = await get(tiles.GET, { range: 'bytes=1000-2000' });
		expect(response.status).toBe(416);
		expect(response.headers.get('content-range')).toBe('bytes */1000');
	});

	it('answers 404 when no file is configured, or the file is not there', async () => {
		state.env = {};
		expect((await get(tiles.GET, { range: 'bytes=0-10' })).status).toBe(404);
		state.env = { BASEMAP_PMTILES: join(dir, 'missing.pmtiles') };
		expect((await get(tiles.GET)).status).toBe(404);
		state.env = { BASEMAP_PMTILES: dir };
		expect((await get(tiles.GET)).status).toBe(404);
	});
});

describe('/basemap/features.geojson', () => {
	it('serves the file BASEMAP_GEOJSON names, and 404 without one', async () => {
		expect((await get(features.GET)).status).toBe(404);
		state.env = { BASEMAP_GEOJSON: 'data/demo/basemap.geojson' };
		const response = await get(features.GET);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/geo+json');
		expect((await response.json()).type).toBe('FeatureCollection');
	});
});

describe('configuredBasemap', () => {
	it('prefers a style URL, then a PMTiles file, then a GeoJSON file, else none', () => {
		const all = {
			BASEMAP_STYLE_URL: 'https://maps.example.org/style.json',
			BASEMAP_PMTILES: file,
			BASEMAP_GEOJSON: 'data/demo/basemap.geojson'
		};
		expect(configuredBasemap(all)).toEqual({
			kind: 'style',
			url: 'https://maps.example.org/style.json'
		});
		expect(configuredBasemap({ ...all, BASEMAP_STYLE_URL: ' ' })).toEqual({
			kind: 'pmtiles',
			url: '/basemap/tiles.pmtiles'
		});
		expect(configuredBasemap({ BASEMAP_GEOJSON: 'x.geojson' })).toEqual({
			kind: 'geojson',
			url: '/basemap/features.geojson'
		});
		expect(configuredBasemap({})).toBeNull();
	});
});
