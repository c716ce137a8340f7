/**
 * The Content-Security-Policy (svelte.config.js kit.csp): on every page, scripts only from this site
 * or with the response's nonce, never eval; and the maps (MapLibre on a patch page, Leaflet on an
 * entry's page) draw under it with no violation. Every browser test also fails on the console error a
 * violation logs (fixtures.ts), so the whole suite runs under the policy.
 */
import type { Page } from '@playwright/test';
import { demoPatches, visibleAssets, demoAssets } from './demo-data';
import { expect, test, waitForMap } from './fixtures';

/** Collects the page's CSP violation reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} ${event.blockedURI}`)
		);
	});
	return () =>
		page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('every page has a policy with a nonce for scripts and no eval, and its inline scripts carry it', async ({
	request
}) => {
	for (const path of ['/', '/search?q=walk', `/patches/${demoPatches[0].slug}`, '/login']) {
		const response = await request.get(path);
		const policy = response.headers()['content-security-policy'];
		const scriptSrc = policy.split(';').find((part) => part.trim().startsWith('script-src'))!;
		expect(scriptSrc, path).toMatch(/^ ?script-src 'self' 'nonce-[A-Za-z0-9+/=]+'$/);
		expect(policy, path).not.toContain('unsafe-eval');
		expect(policy, path).toContain("object-src 'none'");
		expect(policy, path).toContain("frame-ancestors 'none'");
		const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
		const html = await response.text();
		const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
		expect(inlineScripts.length, path).toBeGreaterThan(0);
		for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
	}
});

test('the MapLibre map on a patch page and the Leaflet map on an entry page draw with no violation', async ({
	page
}) => {
	const violations = await recordViolations(page);
	await page.goto(`/patches/${demoPatches[0].slug}`);
	await waitForMap(page);
	await expect(page.locator('[data-map-loaded="true"] canvas')).toBeVisible();
	expect(await violations()).toEqual([]);

	const venue = visibleAssets.find((asset) => asset.kind === 'venue' && asset.point)!;
	await page.goto(`/assets/${demoAssets.indexOf(venue) + 1}`);
	await expect(page.locator('#map [data-map-loaded="true"] .leaflet-container')).toBeVisible({
		timeout: 30_000
	});
	expect(await violations()).toEqual([]);
});
