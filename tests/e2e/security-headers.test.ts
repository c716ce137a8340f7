/**
 * Issue 14, headers: every response of the built server, SvelteKit's pages and API and the files
 * adapter-node serves itself before any hook runs (/_app/immutable, robots.txt), carries the
 * browser-safety headers; HSTS only when the request came over HTTPS. Also GET /health on the build.
 */
import { readdirSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { startTestServer, type TestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 130;
const DATABASE_PATH = 'test-results/security-headers.db';

/** One file of each kind the server sends: a page, a built script, a static file, the API, health. */
const immutableScript = `/_app/immutable/entry/${readdirSync('build/client/_app/immutable/entry').find((f) => f.endsWith('.js'))}`;
const PATHS = [
	'/',
	'/cy/search?q=walk',
	immutableScript,
	'/robots.txt',
	'/favicon.svg',
	'/api/openreferral/services?per_page=1',
	'/export/assets.csv',
	'/health',
	'/no-such-page'
];

async function headersOf(api: APIRequestContext, path: string, extra: Record<string, string> = {}) {
	const response = await api.get(path, { headers: extra, maxRedirects: 0 });
	return { status: response.status(), headers: response.headers() };
}

function expectSafetyHeaders(path: string, headers: Record<string, string>) {
	expect(headers['x-content-type-options'], path).toBe('nosniff');
	expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
	expect(headers['x-frame-options'], path).toBe('DENY');
	expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
	const permissions = headers['permissions-policy'];
	expect(permissions, path).toContain('geolocation=(self)');
	expect(permissions, path).toContain('camera=()');
	expect(permissions, path).toContain('microphone=()');
}

let server: TestServer | undefined;
test.afterEach(async () => {
	await server?.stop();
	server = undefined;
});

test('over plain HTTP: every kind of response carries the safety headers, and no HSTS', async ({
	playwright
}) => {
	server = await startTestServer(PORT, DATABASE_PATH);
	const api = await playwright.request.newContext({ baseURL: server.origin });
	for (const path of PATHS) {
		const { status, headers } = await headersOf(api, path);
		expect(status, path).toBe(path === '/no-such-page' ? 404 : 200);
		expectSafetyHeaders(path, headers);
		expect(headers['strict-transport-security'], path).toBeUndefined();
	}
	// The built script is still cached for ever, as adapter-node sets it.
	expect((await headersOf(api, immutableScript)).headers['cache-control']).toContain('immutable');
	await api.dispose();
});

test('GET /health on the built server: 200 with the schema version, nothing about people', async ({
	playwright
}) => {
	server = await startTestServer(PORT, DATABASE_PATH);
	const api = await playwright.request.newContext({ baseURL: server.origin });
	const response = await api.get('/health');
	expect(response.status()).toBe(200);
	const body = await response.json();
	expect(Object.keys(body).sort()).toEqual(['migrations', 'schemaVersion', 'status']);
	expect(body.status).toBe('ok');
	expect(body.schemaVersion).toMatch(/^\d{4}_[a-z_]+$/);
	await api.dispose();
});

test('with an https ORIGIN, every response carries HSTS', async ({ playwright }) => {
	server = await startTestServer(PORT, DATABASE_PATH, {
		env: { ORIGIN: 'https://patchwork.example.gov.uk' }
	});
	const api = await playwright.request.newContext({ baseURL: `http://localhost:${PORT}` });
	for (const path of PATHS) {
		const { headers } = await headersOf(api, path);
		expectSafetyHeaders(path, headers);
		expect(headers['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
	}
	await api.dispose();
});

test('behind a proxy (PROTOCOL_HEADER), HSTS only on requests the proxy says came over HTTPS', async ({
	playwright
}) => {
	server = await startTestServer(PORT, DATABASE_PATH, {
		env: {
			ORIGIN: undefined,
			PROTOCOL_HEADER: 'x-forwarded-proto',
			HOST_HEADER: 'x-forwarded-host'
		}
	});
	const api = await playwright.request.newContext({ baseURL: `http://localhost:${PORT}` });
	for (const path of PATHS) {
		const https = await headersOf(api, path, {
			'x-forwarded-proto': 'https',
			'x-forwarded-host': 'patchwork.example.gov.uk'
		});
		expect(https.headers['strict-transport-security'], path).toBe(
			'max-age=31536000; includeSubDomains'
		);
		const http = await headersOf(api, path, {
			'x-forwarded-proto': 'http',
			'x-forwarded-host': `localhost:${PORT}`
		});
		expect(http.headers['strict-transport-security'], path).toBeUndefined();
		expectSafetyHeaders(path, http.headers);
	}
	await api.dispose();
});
