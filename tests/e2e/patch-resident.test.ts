/**
 * Issue 15, the patch page for residents: on a 390 px phone it leads with the coordinator, then the
 * map, then what's on, and the full list folds by kind, so the page before that list is at most
 * about 4 phone screens; the printable sheet of the demo's largest patch fits on two A4 sides.
 */
import { expect, expectNoAxeViolations, test } from './fixtures';

/** The demo's largest patch (62 public entries when measured). */
const LARGEST = 'kestrel-heath-and-longmeadow';
const PHONE = { width: 390, height: 844 };

test('on a phone the patch page leads with people and folds the full list', async ({ page }) => {
	await page.setViewportSize(PHONE);
	await page.goto(`/patches/${LARGEST}`);
	const top = async (selector: string) =>
		page.locator(selector).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
	const order = [
		await top('[data-testid="patch-coordinators"]'),
		// The map itself (or its "could not load" box), which stays once there: its "Loading map…"
		// placeholder could be measured just as the map replaced it, detached, at 0.
		await top('.area-map'),
		await top('[data-testid="whats-on"]'),
		await top('[data-testid="full-list"]'),
		await top('[data-testid="patch-population"]')
	];
	expect(order).toEqual([...order].sort((a, b) => a - b));
	// The full list starts within about 4 screens, and is folded: entries appear once opened.
	expect(order[3]).toBeLessThanOrEqual(4 * PHONE.height);
	await expect(page.getByTestId('patch-coordinators').locator('.initials').first()).toHaveText(
		/^[A-Z]{1,2}$/
	);
	const groups = page
		.getByTestId('full-list')
		.locator('summary')
		.filter({ hasText: /^Groups/ });
	const firstEntry = page.getByTestId('full-list').locator('details').first().locator('li').first();
	await expect(firstEntry).toBeHidden();
	await groups.click();
	await expect(firstEntry).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the printable sheet of the largest patch fits on two A4 sides', async ({ page }) => {
	await page.goto(`/patches/${LARGEST}/print`);
	// The QR code opens the patch page.
	await expect(
		page.getByRole('img', {
			name: /^QR code: scan it to open http.+\/patches\/kestrel-heath-and-longmeadow$/
		})
	).toBeVisible();
	const pdf = await page.pdf({ format: 'A4' });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages.length).toBeLessThanOrEqual(2);
	// Still every entry: one per public entry of the patch, as the patch page lists them.
	const entries = await page.locator('.entry').count();
	await page.goto(`/patches/${LARGEST}`);
	expect(await page.getByTestId('full-list').locator('details li').count()).toBe(entries);
});
