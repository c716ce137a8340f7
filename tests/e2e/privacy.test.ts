import { demoAssets, demoPatches, privateContactValues, unpublishedNames } from './demo-data';
import { expect, test } from './fixtures';

/**
 * Crawls every public page a visitor can reach from the home page (patches, every asset, every search
 * results page) and checks that no coordinators-only contact and no unpublished asset appears anywhere
 * in the HTML.
 */
test('no personal data reaches a visitor on any public page', async ({ request }) => {
	test.setTimeout(180_000);
	expect(privateContactValues.length).toBeGreaterThan(10);
	const publishedNames = new Set(
		demoAssets.filter((a) => a.status === 'published').map((a) => a.name)
	);
	const hiddenNames = unpublishedNames.filter((name) => !publishedNames.has(name));
	expect(hiddenNames.length).toBeGreaterThan(0);

	const seen = new Set<string>();
	// Welsh pages (under /cy) are crawled too: they show the same entries in the other language.
	const queue = ['/', '/search', '/cy/', '/cy/search'];
	const leaks: string[] = [];
	while (queue.length) {
		const path = queue.shift()!;
		if (seen.has(path)) continue;
		seen.add(path);
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const html = await response.text();
		for (const value of privateContactValues) {
			if (html.includes(value)) leaks.push(`${path} shows private contact ${value}`);
		}
		for (const name of hiddenNames) {
			if (html.includes(escapeHtml(name))) leaks.push(`${path} shows unpublished "${name}"`);
		}
		for (const [, href] of html.matchAll(/href="(\/(?:cy\/)?(?:patches|assets|search)[^"#]*)"/g)) {
			const link = href.replaceAll('&amp;', '&');
			if (!seen.has(link)) queue.push(link);
		}
	}
	// Every published asset page was reached through links.
	const assetPages = [...seen].filter((path) => /^\/assets\/\d+$/.test(path));
	expect(assetPages.length).toBe(demoAssets.filter((a) => a.status === 'published').length);
	expect(leaks).toEqual([]);
});

function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Every public page and endpoint, including the JSON API, the exports, the print sheets, the forms and
 * the search page with filters, after a suggestion with a unique name and email has been stored: no
 * coordinators-only contact, no unpublished asset and no suggestion submitter may appear anywhere.
 */
test('no private value reaches any public page or endpoint, after a suggestion', async ({
	request,
	baseURL
}) => {
	test.setTimeout(300_000);
	const stamp = Date.now();
	const submitterName = `Privacy Tester ${stamp}`;
	const submitterEmail = `privacy-${stamp}@example.org`;
	const sent = await request.post('/suggest', {
		// SvelteKit refuses cross-site form posts: say where the form came from.
		headers: { origin: baseURL!, accept: 'text/html' },
		form: {
			name: `Privacy check group ${stamp}`,
			description: 'A group to check privacy',
			whenWhere: 'Mondays at the hall',
			category: 'coffee-and-chat',
			kind: 'group',
			submitterName,
			submitterEmail
		}
	});
	expect(sent.status()).toBe(200);
	expect(await sent.text()).toContain('Thank you: your suggestion has been sent');

	const publishedNames = new Set(
		demoAssets.filter((a) => a.status === 'published').map((a) => a.name)
	);
	const hiddenNames = unpublishedNames.filter((name) => !publishedNames.has(name));
	const secrets = [
		...privateContactValues.map((value) => ({ value, what: 'private contact' })),
		...hiddenNames.flatMap((name) => [
			{ value: escapeHtml(name), what: 'unpublished asset' },
			{ value: JSON.stringify(name).slice(1, -1), what: 'unpublished asset (JSON)' }
		]),
		{ value: submitterName, what: 'suggestion submitter name' },
		{ value: submitterEmail, what: 'suggestion submitter email' }
	];

	const publishedIds = demoAssets
		.map((asset, index) => ({ asset, id: index + 1 }))
		.filter(({ asset }) => asset.status === 'published')
		.map(({ id }) => id);
	const openReferral = ['services', 'service_at_locations', 'taxonomies', 'taxonomy_terms'];
	const queue: string[] = [
		'/',
		'/search',
		'/search?q=coffee&day=2&time=morning&cost=free',
		'/search?kind=group&sort=recent&page=2',
		'/suggest',
		'/export/assets.csv',
		'/export/assets.geojson',
		'/api/openreferral',
		...openReferral.flatMap((list) =>
			[1, 2, 3].map((page) => `/api/openreferral/${list}?page=${page}&per_page=100`)
		),
		...demoPatches.map((patch) => `/patches/${patch.slug}/print`),
		...publishedIds.map((id) => `/assets/${id}/suggest`)
	];
	const optional = new Set(['/neighbourhood']);
	queue.push(...optional);

	const seen = new Set<string>();
	const leaks: string[] = [];
	while (queue.length) {
		const path = queue.shift()!;
		if (seen.has(path)) continue;
		seen.add(path);
		const response = await request.get(path);
		if (optional.has(path) && response.status() === 404) continue;
		expect(response.status(), path).toBe(200);
		const body = await response.text();
		for (const { value, what } of secrets) {
			if (body.includes(value)) leaks.push(`${path} shows ${what} ${value}`);
		}
		for (const [, href] of body.matchAll(
			/href="(\/(?:patches|assets|search|suggest|neighbourhood|export)[^"#]*)"/g
		)) {
			const link = href.replaceAll('&amp;', '&');
			if (!seen.has(link)) queue.push(link);
		}
		// Open Referral lists: follow each item to its own endpoint.
		const list = /^\/api\/openreferral\/(\w+)\?/.exec(path)?.[1];
		if (list && response.headers()['content-type']?.includes('json')) {
			const json = JSON.parse(body) as { contents?: { id: string }[] };
			for (const item of json.contents ?? []) queue.push(`/api/openreferral/${list}/${item.id}`);
		}
	}
	// Three pages of 100 services were followed, item by item.
	expect(
		[...seen].filter((path) => /^\/api\/openreferral\/services\/[\w-]+$/.test(path)).length
	).toBeGreaterThanOrEqual(200);
	expect([...seen].filter((path) => /^\/assets\/\d+\/suggest$/.test(path)).length).toBe(
		publishedIds.length
	);
	expect(leaks).toEqual([]);
});
