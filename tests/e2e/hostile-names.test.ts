/**
 * Issue 14, finding 5: names every JavaScript object already has (`__proto__`, `constructor`,
 * `toString`, `valueOf`, `hasOwnProperty`), as query parameters or form fields, gave a 500 on the
 * search pages and on every suggestion form. Each must get the ordinary page.
 */
import { demoAssets } from './demo-data';
import { expect, test } from './fixtures';

const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const publishedId = demoAssets.findIndex((asset) => asset.status === 'published') + 1;

test('every search page and API list answers normally to each name as a parameter', async ({
	request
}) => {
	for (const name of NAMES) {
		for (const path of [
			'/search',
			'/cy/search',
			'/api/openreferral/services',
			'/export/assets.csv'
		]) {
			const response = await request.get(`${path}?${name}=x&${name}=y&q=walk`);
			expect(response.status(), `${path}?${name}=x`).toBe(200);
		}
	}
});

test('every suggestion form answers with its own errors, not a 500, to each name as a field', async ({
	request,
	baseURL
}) => {
	for (const path of ['/suggest', '/cy/suggest', `/assets/${publishedId}/suggest`]) {
		// Every field empty but the hostile ones: the form is sent back with its errors, storing nothing.
		const body = NAMES.map((name) => `${name}=x`).join('&');
		const response = await request.post(path, {
			data: body,
			headers: {
				origin: baseURL!,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			}
		});
		expect(response.status(), path).toBe(400);
		expect(await response.text()).toContain('class="error-summary"');
	}
});
