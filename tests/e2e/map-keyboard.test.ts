/**
 * The entry editor's map by keyboard alone: a coordinator tabs to the map, sees the cross and the
 * instruction, pans with the arrow keys and presses Enter (then Space) to put the point at the cross;
 * the point fields change and the status line says where (screenshots at 1280 and 390 px go to
 * test-results/screenshots). The form is never saved, so the demo data other tests read is unchanged.
 */
import type { Locator, Page } from '@playwright/test';
import { demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, signInAt, test } from './fixtures';

const tracey = demoUsers.find((user) => user.email === 'tracey.thwaite@example.org')!;

test.use({ locale: 'en-GB' });

/** The point the form will send as picked on the map, read from its hidden fields. */
async function mapPoint(page: Page): Promise<{ lat: number; lon: number }> {
	const lat = await page.locator('input[name="mapLat"]').inputValue();
	const lon = await page.locator('input[name="mapLon"]').inputValue();
	expect(lat, 'mapLat').toMatch(/^-?\d+(\.\d+)?$/);
	expect(lon, 'mapLon').toMatch(/^-?\d+(\.\d+)?$/);
	return { lat: Number(lat), lon: Number(lon) };
}

/**
 * Presses an arrow key, waiting after each press for Leaflet's pan animation to end (it ignores
 * arrow keys while a pan is under way, as a person sees when pressing quickly).
 */
async function pan(page: Page, key: string, times: number) {
	for (let i = 0; i < times; i += 1) {
		await page.keyboard.press(key);
		await expect(page.locator('#map .leaflet-pan-anim')).toHaveCount(0);
	}
}

async function tabTo(page: Page, target: Locator, most: number) {
	for (let i = 0; i < most; i += 1) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((element) => element === document.activeElement)) return;
	}
	throw new Error(`not reached in ${most} presses of Tab`);
}

test('the map in the entry editor works with the keyboard alone', async ({ page }) => {
	test.setTimeout(120_000);
	await signInAt(page, tracey, '/entries/new');
	await expect(page.locator('#map [data-map-loaded="true"]')).toBeVisible({ timeout: 30_000 });
	const map = page.getByRole('region', { name: 'Map to select where it is' });
	const status = page.locator('#map').getByRole('status');
	const cross = page.locator('#map .small-map__cross');
	await expect(
		page.getByText(
			'Use the arrow keys to move the map, then press Enter to put the point at the cross.'
		)
	).toBeVisible();
	await expect(page.locator('input[name="mapLat"]')).toHaveValue('');
	await expect(status).toHaveText('');
	await expect(cross).toBeHidden();

	// From the postcode, the field before it, Tab reaches the map: the cross appears at its centre.
	await page.getByRole('textbox', { name: 'Postcode' }).focus();
	await tabTo(page, map, 8);
	await expect(map).toBeFocused();
	await expect(map).toHaveAccessibleDescription(/arrow keys.*Enter.*cross/);
	await expect(cross).toBeVisible();
	const mapBox = (await map.boundingBox())!;
	const crossBox = (await cross.boundingBox())!;
	expect(Math.abs(crossBox.x + crossBox.width / 2 - (mapBox.x + mapBox.width / 2))).toBeLessThan(2);
	expect(Math.abs(crossBox.y + crossBox.height / 2 - (mapBox.y + mapBox.height / 2))).toBeLessThan(
		2
	);

	// Enter puts the point at the centre, as a click does, and says so.
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/entries\/new$/);
	await expect(page.getByLabel('Where I select on the map')).toBeChecked();
	await expect(status).toHaveText(/^Point set: latitude -?\d+(\.\d+)?, longitude -?\d+(\.\d+)?\.$/);
	const first = await mapPoint(page);
	await expect(status).toHaveText(`Point set: latitude ${first.lat}, longitude ${first.lon}.`);

	// Arrow keys pan north-east; Enter then sets a point north-east of the first.
	await pan(page, 'ArrowRight', 3);
	await pan(page, 'ArrowUp', 2);
	await expect(map).toBeFocused();
	await page.keyboard.press('Enter');
	const second = await mapPoint(page);
	expect(second.lon).toBeGreaterThan(first.lon);
	expect(second.lat).toBeGreaterThan(first.lat);
	await expect(status).toHaveText(`Point set: latitude ${second.lat}, longitude ${second.lon}.`);
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await map.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `test-results/screenshots/map-keyboard-${width}.png` });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
	await expect(map).toBeFocused();

	// Space does the same, and neither scrolls the page nor sends the form.
	const scrolled = await page.evaluate(() => window.scrollY);
	await pan(page, 'ArrowLeft', 4);
	await page.keyboard.press(' ');
	const third = await mapPoint(page);
	expect(third.lon).toBeLessThan(first.lon);
	expect(third.lat).toBe(second.lat);
	await expect(status).toHaveText(`Point set: latitude ${third.lat}, longitude ${third.lon}.`);
	expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
	await expect(page).toHaveURL(/\/entries\/new$/);

	// The typed coordinates stay as the other way, untouched by the map.
	await expect(page.getByLabel('Latitude', { exact: true })).toHaveValue('');
	await expect(page.getByLabel('Longitude', { exact: true })).toHaveValue('');
	await expectNoAxeViolations(page);
});
