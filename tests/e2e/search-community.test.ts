/**
 * Search, community first: the order residents see (community entries before services, services
 * labelled), one "Best match" sort explained in the page's help, filters folded behind "Filters
 * (N applied)" on a phone once there are results, no words about a map without JavaScript, Welsh
 * words finding English entries, and "Suggest a group we are missing" wherever people look.
 */
import type { Page } from '@playwright/test';
import { visibleAssets } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const results = (page: Page) => page.locator('article.result');
const tags = (page: Page) =>
	results(page).evaluateAll((items) =>
		items.map((item) => item.querySelector('.tag')?.textContent?.trim() ?? '')
	);
const isService = (tag: string) => /service/i.test(tag);

for (const [label, viewport] of [
	['phone', PHONE],
	['desktop', DESKTOP]
] as const) {
	test.describe(`on a ${label}`, () => {
		test.use({ viewport });

		test('an empty search starts with community entries, and services say they are services', async ({
			page
		}) => {
			await page.goto('/search');
			const kinds = await tags(page);
			expect(kinds.length).toBe(20);
			expect(kinds.some(isService)).toBe(false);
			expect(kinds[0]).toMatch(/^(Group|Venue|Informal support)$/);
			// The last page holds services, each labelled as one.
			await page.goto('/search?kind=service');
			const services = await tags(page);
			expect(services.length).toBeGreaterThan(0);
			expect(services.every(isService)).toBe(true);
		});

		test('a word lists community entries before services of equal relevance', async ({ page }) => {
			for (const q of ['family', 'carers']) {
				await page.goto(`/search?q=${q}`);
				const fresh = await results(page).evaluateAll((items) =>
					items
						.filter((item) => !item.querySelector('.tag-warning'))
						.map((item) => item.querySelector('.tag')?.textContent?.trim() ?? '')
				);
				const firstService = fresh.findIndex(isService);
				expect(firstService, q).toBeGreaterThan(0);
				expect(fresh.slice(firstService).every(isService), q).toBe(true);
			}
		});

		test('one sort called "Best match", explained in the help', async ({ page }) => {
			await page.goto('/search?q=walk');
			const options = await page.locator('#search-sort option').allTextContents();
			expect(options).toEqual(['Best match', 'Distance', 'Most recently checked', 'Name']);
			await page.getByText('How results are ordered').click();
			await expect(page.getByText(/under 250 metres, 250 to 500 metres/)).toBeVisible();
			await expect(page.getByText(/never below one more than twice as far away/)).toBeVisible();
			// An old link sorted by "relevance" is Best match, with no complaint (the Save buttons'
			// status regions stay empty until one is pressed).
			await page.goto('/search?q=walk&sort=relevance');
			await expect(page.locator('#search-sort')).toHaveValue('');
			await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveCount(0);
		});
	});
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('on a phone with results, the filters fold and the results come first', async ({
			page
		}) => {
			await page.setViewportSize(PHONE);
			await page.goto('/search?kind=group&day=tue&cost=free');
			const filters = page.locator('details.filters');
			await expect(filters.locator('summary')).toHaveText('Filters (3 applied)');
			await expect(filters).not.toHaveAttribute('open');
			const first = results(page).first();
			await expect(first).toBeVisible();
			expect((await first.boundingBox())!.y).toBeLessThan(PHONE.height);
			await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

			// Nothing found: the filters are open, to change them.
			await page.goto('/search?kind=group&day=tue&q=zzzzqqqq');
			await expect(filters).toHaveAttribute('open');
			await expect(
				page.getByRole('link', { name: 'Suggest a group we are missing' })
			).toBeVisible();
		});

		test('on a desktop the chosen filters stay open beside the results', async ({ page }) => {
			await page.setViewportSize(DESKTOP);
			await page.goto('/search?kind=group&day=tue');
			const filters = page.locator('details.filters');
			await expect(filters.locator('summary')).toHaveText('Filters (2 applied)');
			if (javaScriptEnabled) await expect(filters).toHaveAttribute('open');
			await expect(results(page).first()).toBeVisible();
		});

		test('the words about the map show only when there is a map', async ({ page }) => {
			await page.goto('/search?q=walk');
			await expect(results(page).first()).toBeVisible();
			const note = page.getByText('The map shows the results on this page that have a place.');
			if (javaScriptEnabled) await expect(note).toBeVisible();
			else await expect(note).toHaveCount(0);
			await expect(page.getByText(/Select an empty part of the map/)).toHaveCount(
				javaScriptEnabled ? 1 : 0
			);
		});
	});
}

test('a Welsh word finds English entries: "cerdded" finds the walking groups', async ({ page }) => {
	const walking = visibleAssets.filter((a) => /walk/i.test(a.name));
	const welshOnly = visibleAssets.filter((a) =>
		/cerdded/i.test([a.name, a.nameCy, a.description, a.descriptionCy].join(' '))
	);
	expect(walking.length).toBeGreaterThan(welshOnly.length);
	await page.goto('/cy/search?q=cerdded');
	const count = Number(/\d+/.exec((await page.locator('h2.result-count').textContent())!)![0]);
	expect(count).toBeGreaterThanOrEqual(walking.length);
	const names = await page.locator('article.result h3').allTextContents();
	const walkingNames = walking.map((a) => a.nameCy ?? a.name);
	expect(names.some((name) => walkingNames.includes(name.trim()))).toBe(true);
});

test('"Suggest a group we are missing" is on the home page, search results and patch pages', async ({
	page
}) => {
	for (const path of ['/', '/search?q=walk', '/patches/sorrel-green-and-millbrook']) {
		await page.goto(path);
		const link = page.getByRole('link', { name: 'Suggest a group we are missing' });
		await expect(link, path).toHaveAttribute('href', '/suggest');
	}
	await page.goto('/cy/patches/sorrel-green-and-millbrook');
	await expect(
		page.getByRole('link', { name: 'Awgrymu grŵp sydd ar goll gennym' })
	).toHaveAttribute('href', '/cy/suggest');
});

test('filters opened before the scripts arrive (a slow phone) stay open as the page hydrates', async ({
	page
}) => {
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		await route.continue();
	});
	await page.goto('/search', { waitUntil: 'commit' });
	await page.locator('details.filters summary').click();
	await page.waitForLoadState('networkidle');
	await expect(page.locator('details.filters')).toHaveAttribute('open', '');
	await expect(page.getByRole('checkbox', { name: 'Groups' })).toBeVisible();
});
