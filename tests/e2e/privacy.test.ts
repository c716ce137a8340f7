import { demoAssets, privateContactValues, unpublishedNames } from './demo-data';
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
	const queue = ['/', '/search'];
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
		for (const [, href] of html.matchAll(/href="(\/(?:patches|assets|search)[^"#]*)"/g)) {
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
