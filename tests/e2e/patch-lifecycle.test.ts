/**
 * A patch's life in a browser: a council user adds a patch (planned, so visitors cannot see it), the
 * editor shows live whom it shares people with, the patch is published and then deleted again, so
 * the demo's patches are as they were for later files.
 */
import { readFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/turf';
import { demoPatchesSchema } from '../../src/lib/domain/schemas/demo-borough';
import { demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, signInAt, test } from './fixtures';

const patches = demoPatchesSchema.parse(
	JSON.parse(readFileSync('data/demo/patches.geojson', 'utf8'))
);
const council = demoUsers.find((user) => user.role === 'council')!;

/** A small square (about 450 m across) round a point inside a demo patch: it overlaps that patch. */
const host = patches.features[2];
const [lon, lat] = pointOnFeature(host.geometry).geometry.coordinates;
const d = 0.002;
const square = {
	type: 'Polygon',
	coordinates: [
		[
			[lon - d, lat - d],
			[lon + d, lat - d],
			[lon + d, lat + d],
			[lon - d, lat + d],
			[lon - d, lat - d]
		]
	]
};

test('a new patch is planned and hidden until published; the editor shows its overlap live', async ({
	page
}) => {
	await signInAt(page, council, '/council/patches/new');
	// A name typed while the page's scripts are still arriving (a slow connection) is kept.
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		await route.continue();
	});
	await page.goto('/council/patches/new', { waitUntil: 'commit' });
	await page.getByLabel('Name of the patch').fill('Browser Test Corner');
	await page.waitForLoadState('networkidle');
	await page.unroute('**/_app/immutable/**');
	await expect(page.getByLabel('Name of the patch')).toHaveValue('Browser Test Corner');
	await page.getByLabel('Or paste the boundary as GeoJSON').fill(JSON.stringify(square));
	await page.getByRole('button', { name: 'Save new patch' }).click();
	await expect(page.getByTestId('saved-notice')).toContainText(
		'Browser Test Corner has been added as a planned patch'
	);
	const id = new URL(page.url()).searchParams.get('added');
	expect((await page.request.get('/patches/browser-test-corner')).status()).toBe(404);

	// The editor works out, in the browser, whom the shape shares people with.
	await page.goto(`/council/patches/${id}/edit`);
	await expect(page.locator('[data-testid="patch-editor"][data-map-loaded="true"]')).toBeVisible();
	await expect(page.getByTestId('impact-overlaps')).toContainText(
		new RegExp(`${host.properties.name}: [\\d,]+ (person|people)`)
	);
	await expectNoAxeViolations(page);

	await page.goto(`/council/patches/${id}`);
	await expect(page.getByTestId('patch-status')).toContainText('Planned');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Publish Browser Test Corner' }).click();
	await expect(page.getByTestId('patch-done')).toHaveText(
		'Published: visitors can now see this patch.'
	);
	expect((await page.request.get('/patches/browser-test-corner')).status()).toBe(200);

	// Deleting says what it does first, then the patch is gone again.
	await page.getByRole('link', { name: 'Delete Browser Test Corner' }).click();
	await expect(page.getByTestId('delete-effects')).toContainText('It has no coordinator.');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Delete Browser Test Corner' }).click();
	await expect(page.getByTestId('saved-notice')).toHaveText(
		'Browser Test Corner has been deleted.'
	);
	expect((await page.request.get('/patches/browser-test-corner')).status()).toBe(404);
});
