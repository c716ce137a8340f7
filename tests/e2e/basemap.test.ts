/**
 * The demo borough's own basemap (data/demo/basemap.geojson, served by Patchwork at
 * /basemap/features.geojson) under the search map and an entry's small map: drawn with nothing from
 * the internet, no console error (fixtures.ts), no CSP violation, its credit visible, and axe passing.
 */
import { demoAssets, visibleAssets } from './demo-data';
import { expect, expectNoAxeViolations, test, waitForMap } from './fixtures';

test('the search map draws the demo basemap under the results, the search circle and its credit', async ({
	page
}) => {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	const outside: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith('http://localhost') && !/^(data|blob):/.test(r.url()))
			outside.push(r.url());
	});
	const basemap = page.waitForResponse((r) => r.url().endsWith('/basemap/features.geojson'));
	await page.goto('/search?postcode=FV1+0LW');
	expect((await basemap).status()).toBe(200);
	await waitForMap(page);
	const map = page.locator('[data-map-loaded="true"]');
	await expect(map).toHaveAttribute('data-basemap', 'geojson');
	await expect(map.locator('.maplibregl-ctrl-attrib')).toContainText('Fennick Vale is fictional');
	const key = page.getByRole('list', { name: 'Map key' });
	await expect(key).toContainText('Where the search is from');
	await expect(key).toContainText('The area searched');
	await expectNoAxeViolations(page);
	expect(violations).toEqual([]);
	expect(outside).toEqual([]);
});

test("an entry's small map draws the same basemap with its credit", async ({ page }) => {
	const venue = visibleAssets.find((asset) => asset.kind === 'venue' && asset.point)!;
	await page.goto(`/assets/${demoAssets.indexOf(venue) + 1}`);
	const map = page.locator('#map [data-map-loaded="true"] .leaflet-container');
	await expect(map).toBeVisible({ timeout: 30_000 });
	await expect(map.locator('.leaflet-control-attribution')).toContainText(
		'Fennick Vale is fictional'
	);
	// Streets are drawn in the basemap's own pane, under the dot.
	await expect(map.locator('.leaflet-pw-base-pane path').first()).toBeAttached();
	await expectNoAxeViolations(page);
});
