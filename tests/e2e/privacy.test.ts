import {
	demoAssets,
	demoPatches,
	demoSuggestions,
	hiddenContactValues,
	hiddenDescriptions,
	hiddenNames,
	isVisible,
	visibleAssets
} from './demo-data';
import { expect, test } from './fixtures';

/** Informal supports (people) held privately: published, without consent to be shown. */
const privateSupports = demoAssets
	.map((asset, index) => ({ asset, id: index + 1 }))
	.filter(({ asset }) => asset.kind === 'informal_support' && asset.status === 'published')
	.filter(({ asset }) => !asset.consent?.public);
/** Informal supports shown with consent, whose public contacts have no consent to be shown. */
const shownWithoutContacts = demoAssets.filter(
	(a) =>
		isVisible(a) &&
		a.kind === 'informal_support' &&
		!a.consent?.contactsPublic &&
		a.contacts.some((c) => c.visibility === 'public')
);

test('the demo has private informal supports, and public ones whose contacts are private, to look for', () => {
	expect(privateSupports.length).toBeGreaterThanOrEqual(10);
	for (const { asset } of privateSupports) {
		expect(hiddenNames).toContain(asset.name);
		for (const contact of asset.contacts) expect(hiddenContactValues).toContain(contact.value);
	}
	expect(
		privateSupports.filter(({ asset }) => hiddenDescriptions.includes(asset.description)).length
	).toBeGreaterThanOrEqual(5);
	expect(shownWithoutContacts.length).toBeGreaterThanOrEqual(2);
	for (const contact of shownWithoutContacts.flatMap((a) => a.contacts)) {
		expect(hiddenContactValues).toContain(contact.value);
	}
});

/** The spellings a hidden text would have in HTML, in page data, and in JSON. */
function spellings(text: string): string[] {
	return [...new Set([text, escapeHtml(text), JSON.stringify(text).slice(1, -1)])];
}

/**
 * Crawls every public page a visitor can reach from the home page (patches, every asset, every search
 * results page), in English and Welsh, and checks that no private contact, no hidden entry's name or
 * description (drafts, archived entries, informal supports without consent) appears anywhere.
 */
test('no personal data reaches a visitor on any public page', async ({ request }) => {
	test.setTimeout(240_000);
	expect(hiddenContactValues.length).toBeGreaterThan(10);
	expect(hiddenNames.length).toBeGreaterThan(0);
	const secrets = [
		...hiddenContactValues.map((value) => ({ value, what: 'private contact' })),
		...hiddenNames.flatMap((name) =>
			spellings(name).map((value) => ({ value, what: 'hidden entry' }))
		),
		...hiddenDescriptions.flatMap((text) =>
			spellings(text).map((value) => ({ value, what: 'hidden description' }))
		)
	];

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
		for (const { value, what } of secrets) {
			if (html.includes(value)) leaks.push(`${path} shows ${what} ${value}`);
		}
		for (const [, href] of html.matchAll(/href="(\/(?:cy\/)?(?:patches|assets|search)[^"#]*)"/g)) {
			const link = href.replaceAll('&amp;', '&');
			if (!seen.has(link)) queue.push(link);
		}
	}
	// Every page of an entry a visitor may see was reached through links, in both languages.
	const assetPages = [...seen].filter((path) => /^\/assets\/\d+$/.test(path));
	expect(assetPages.length).toBe(visibleAssets.length);
	expect([...seen].filter((path) => /^\/cy\/assets\/\d+$/.test(path)).length).toBe(
		visibleAssets.length
	);
	expect(leaks).toEqual([]);
});

test('a private informal support has no page, and cannot be suggested against', async ({
	request,
	baseURL
}) => {
	for (const { id } of privateSupports) {
		for (const path of [`/assets/${id}`, `/cy/assets/${id}`, `/assets/${id}/suggest`]) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(404);
		}
	}
	const [{ id }] = privateSupports;
	const sent = await request.post(`/assets/${id}/suggest`, {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { kind: 'change', details: 'Probing for a private entry' }
	});
	expect(sent.status()).toBe(404);
});

function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Every public page and endpoint, including the JSON API, the exports, the print sheets (English and
 * Welsh), the forms and the search page with filters, after a suggestion with a unique name and email
 * has been stored: no private contact, no hidden entry (informal supports without consent included)
 * and no suggestion submitter (the demo's or this one) may appear anywhere.
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

	const demoSubmitters = demoSuggestions.flatMap((s) =>
		[s.submitterName, s.submitterEmail].filter((value): value is string => !!value)
	);
	expect(demoSubmitters.length).toBeGreaterThanOrEqual(6);
	const secrets = [
		...hiddenContactValues.map((value) => ({ value, what: 'private contact' })),
		...hiddenNames.flatMap((name) =>
			spellings(name).map((value) => ({ value, what: 'hidden entry' }))
		),
		...hiddenDescriptions.flatMap((text) =>
			spellings(text).map((value) => ({ value, what: 'hidden description' }))
		),
		...demoSubmitters.map((value) => ({ value, what: 'demo suggestion submitter' })),
		{ value: submitterName, what: 'suggestion submitter name' },
		{ value: submitterEmail, what: 'suggestion submitter email' }
	];

	const publishedIds = demoAssets
		.map((asset, index) => ({ asset, id: index + 1 }))
		.filter(({ asset }) => isVisible(asset))
		.map(({ id }) => id);
	const openReferral = ['services', 'service_at_locations', 'taxonomies', 'taxonomy_terms'];
	const queue: string[] = [
		'/',
		'/search',
		'/search?q=coffee&day=2&time=morning&cost=free',
		'/search?kind=group&sort=recent&page=2',
		'/suggest',
		'/cy/search?q=cymunedol',
		'/cy/suggest',
		'/export/assets.csv',
		'/export/assets.geojson',
		...demoPatches.flatMap((patch) => [
			`/export/assets.csv?patch=${patch.slug}`,
			`/export/assets.geojson?patch=${patch.slug}`
		]),
		'/api/openreferral',
		...openReferral.flatMap((list) =>
			[1, 2, 3].map((page) => `/api/openreferral/${list}?page=${page}&per_page=100`)
		),
		...demoPatches.flatMap((patch) => [
			`/patches/${patch.slug}/print`,
			`/cy/patches/${patch.slug}/print`
		]),
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
