/**
 * The directory's search page and "find my neighbourhood", as a resident uses them: through the form,
 * with and without JavaScript, against the demo borough's data.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { demoPatches, visibleAssets } from './demo-data';
import { expect, expectNoAxeViolations, test, waitForMap } from './fixtures';

/** What a visitor may see: published, and informal supports only with consent to be shown. */
const published = visibleAssets;
const count = (filter: (asset: (typeof published)[number]) => boolean) =>
	published.filter(filter).length;
const [postcodeLine] = readFileSync('data/demo/postcodes.csv', 'utf8').split('\n').slice(1);
const [demoPostcode, demoLat, demoLon] = postcodeLine.split(',');

const resultCount = (page: Page) => page.locator('h2.result-count');

/** "350 metres" / "1.2 km" back to metres. */
function metres(text: string): number {
	const match = /([\d,.]+)\s*(metres|metre|km)/.exec(text);
	if (!match) throw new Error(`No distance in "${text}"`);
	const value = Number(match[1].replace(/,/g, ''));
	return match[2] === 'km' ? value * 1000 : value;
}

async function openFilters(page: Page) {
	const details = page.locator('details.filters');
	if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) {
		await details.locator('summary').click();
	}
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`filters through the form, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('every entry a visitor may see with no filter, and kind narrows it', async ({ page }) => {
			await page.goto('/search');
			await expect(resultCount(page)).toHaveText(`${published.length} results`);
			await openFilters(page);
			await page.getByRole('checkbox', { name: 'Venues' }).check();
			await page.getByRole('button', { name: 'Show results' }).click();
			await expect(page).toHaveURL(/[?&]kind=venue(&|$)/);
			await expect(resultCount(page)).toHaveText(`${count((a) => a.kind === 'venue')} results`);
			// The filters say how many are applied and remember what was chosen.
			await expect(page.locator('details.filters summary')).toHaveText('Filters (1 applied)');
			await openFilters(page);
			await expect(page.getByRole('checkbox', { name: 'Venues' })).toBeChecked();
		});

		// Each filter is applied by the server, so these run once, without JavaScript; with it, the
		// form takes the same path through the client router, checked above by kind.
		if (!javaScriptEnabled) {
			test('cost, accessibility and language match the data', async ({ page }) => {
				await page.goto('/search');
				await openFilters(page);
				await page.getByLabel('Cost').selectOption('free');
				await page.getByRole('button', { name: 'Show results' }).click();
				await expect(page).toHaveURL(/cost=free/);
				await expect(resultCount(page)).toHaveText(`${count((a) => a.cost === 'free')} results`);

				await page.goto('/search');
				await openFilters(page);
				await page.getByRole('checkbox', { name: 'Step-free access' }).check();
				await page.getByLabel('Language spoken').selectOption('pl');
				await page.getByRole('button', { name: 'Show results' }).click();
				await expect(page).toHaveURL(/access=step_free/);
				await expect(page).toHaveURL(/language=pl/);
				const expected = count(
					(a) => (a.accessibility ?? []).includes('step_free') && (a.languages ?? []).includes('pl')
				);
				await expect(resultCount(page)).toHaveText(
					`${expected} ${expected === 1 ? 'result' : 'results'}`
				);
			});

			test('day, time, age, category and neighbourhood each narrow the results', async ({
				page
			}) => {
				const steps: [string, (page: Page) => Promise<unknown>, RegExp][] = [
					['day', (p) => p.getByRole('checkbox', { name: 'Tuesday' }).check(), /day=tue/],
					['time', (p) => p.getByRole('checkbox', { name: 'Evening' }).check(), /time=evening/],
					['age', (p) => p.getByLabel('Age', { exact: true }).fill('8'), /age=8/],
					['category', (p) => p.getByLabel('Category').selectOption('food'), /category=food/],
					[
						'patch',
						(p) => p.getByLabel('Neighbourhood').selectOption(demoPatches[0].slug),
						new RegExp(`patch=${demoPatches[0].slug}`)
					]
				];
				for (const [name, choose, url] of steps) {
					await page.goto('/search');
					await openFilters(page);
					await choose(page);
					await page.getByRole('button', { name: 'Show results' }).click();
					await expect(page, name).toHaveURL(url);
					const text = (await resultCount(page).textContent()) ?? '';
					const n = Number(/^([\d,]+)/.exec(text)?.[1].replace(/,/g, ''));
					expect(n, `${name}: ${text}`).toBeLessThan(published.length);
				}
				// Tuesday's results each meet on a Tuesday.
				await page.goto('/search?day=tue');
				for (const item of await page.locator('article.result').all()) {
					await expect(item.locator('.sessions')).toContainText('Tuesday');
				}
			});
		}

		test('distance from a postcode sorts nearest first and says how far', async ({ page }) => {
			await page.goto('/search');
			await openFilters(page);
			await page.getByLabel('Near postcode').fill(demoPostcode.toLowerCase());
			await page.getByLabel('Within').selectOption('2');
			await page.getByRole('button', { name: 'Show results' }).click();
			await expect(page).toHaveURL(/postcode=FV/i);
			await expect(resultCount(page)).toContainText(`within 2 km of ${demoPostcode}`);
			const distances = (await page.locator('article.result .distance').allTextContents()).map(
				metres
			);
			expect(distances.length).toBeGreaterThan(1);
			expect(distances.every((d) => d <= 2000)).toBe(true);
			// Best match goes by bands of distance: nothing before an entry is more than twice as far
			// (or 250 metres), give or take the rounding of the distances shown.
			distances.forEach((d, i) => {
				for (const earlier of distances.slice(0, i)) {
					expect(earlier).toBeLessThanOrEqual(Math.max(2 * d, 250) * 1.1);
				}
			});
		});

		test('axe finds nothing on a search with results', async ({ page }) => {
			await page.goto(`/search?q=walk&postcode=${encodeURIComponent(demoPostcode)}`);
			await expect(resultCount(page)).toBeVisible();
			if (javaScriptEnabled) await waitForMap(page);
			await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
		});
	});
}

test('pages keep every filter, and the pager reaches the next page', async ({ page }) => {
	await page.goto('/search?kind=group');
	const pager = page.getByRole('navigation', { name: 'Results pages' });
	await pager.getByRole('link', { name: 'Next page' }).click();
	await expect(page).toHaveURL(/kind=group&page=2/);
	await expect(pager.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
	await expect(pager.getByRole('link', { name: 'Previous page' })).toBeVisible();
});

test('the map loads with one point for each result on the page that has a place', async ({
	page
}) => {
	await page.goto('/search?q=walk');
	await waitForMap(page);
	const names = await page.locator('article.result h3').allTextContents();
	const withPlace = names.filter((name) =>
		published.some((a) => a.name === name.trim() && a.point !== null && a.point !== undefined)
	);
	expect(withPlace.length).toBeGreaterThan(0);
	await expect(page.locator('.results-map')).toHaveAttribute(
		'data-points',
		String(withPlace.length)
	);
});

test('an empty search result gives plain advice', async ({ page }) => {
	await page.goto('/search?q=zzzzqqqq');
	await expect(resultCount(page)).toHaveText('0 results for “zzzzqqqq”');
	await expect(page.getByText('Nothing matches your search')).toBeVisible();
});

const hostile = [
	'',
	'q=' + 'x'.repeat(10_000),
	'q=' + encodeURIComponent('"unterminated AND NEAR( OR *'),
	'q=' + encodeURIComponent('AND OR NOT'),
	'q=' + encodeURIComponent('"'),
	'q=' + encodeURIComponent("'; DROP TABLE assets; --"),
	'q=' + encodeURIComponent('<img src=x onerror=alert(1)>'),
	'q=' + encodeURIComponent('<script>alert(1)</script>') + '&page=abc',
	'q=' + encodeURIComponent('🙂🏴󠁧󠁢󠁷󠁬󠁳󠁿'),
	'kind=dragon&day=funday&time=midnight&cost=cheap&access=wings&language=xx&sort=random',
	'category=<b>&patch=../../etc&age=-1&radius=9999&page=0',
	'postcode=FV9+9ZZ',
	'postcode=not-a-postcode',
	'lat=999&lon=-999',
	'lat=NaN&lon=Infinity',
	'page=99999999999999999999',
	// Names every object has: each gave a 500 (issue 14, finding 5).
	'__proto__=x',
	'constructor=x&q=walk',
	'toString=x',
	'valueOf=x',
	'hasOwnProperty=x',
	'__proto__=x&constructor=x&toString=x&valueOf=x&hasOwnProperty=x&kind=group'
];

/** A normal search page: status 200, its heading and a result count, nothing from the query run. */
async function expectNormalSearchPage(page: Page, query: string) {
	const response = await page.goto(`/search?${query}`);
	expect(response?.status(), query.slice(0, 60)).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
	await expect(resultCount(page)).toBeVisible();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(await page.locator('script:not([type]):not([src])').allTextContents()).not.toContain(
		'alert(1)'
	);
}

test.describe('hostile queries', () => {
	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('every one gives a normal page from the server', async ({ page }) => {
			for (const query of hostile) await expectNormalSearchPage(page, query);
		});
	});

	// With JavaScript the page hydrates and draws the map from the same data: any page error fails
	// the test (fixtures.ts). The ones most likely to upset the client are enough here.
	test('the page hydrates and draws its map with no errors', async ({ page }) => {
		for (const query of hostile.filter((q) => /img|script|🙂|lat=|x{100}|hasOwnProperty/.test(q))) {
			await expectNormalSearchPage(page, query);
			// A map is drawn when some result has a place.
			if ((await page.locator('.results-map').count()) > 0) await waitForMap(page);
		}
	});
});

test('the Welsh search page takes the same hostile names in its stride', async ({ page }) => {
	for (const name of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
		const response = await page.goto(`/cy/search?${name}=x&q=walk`);
		expect(response?.status(), name).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chwilio');
	}
});

test('unusable parts of a search are explained in a status message', async ({ page }) => {
	await page.goto('/search?postcode=FV9+9ZZ&day=funday');
	const notices = page.getByRole('status', { name: 'About your search' });
	await expect(notices).toContainText('We could not find the postcode FV9 9ZZ');
	await expect(notices).toContainText('“funday” is not a day of the week');
});

test.describe('searching near a place without a postcode', () => {
	/** The distances shown, in metres, in the order of the list. */
	const shownDistances = async (page: Page) =>
		(await page.locator('article.result .distance').allTextContents()).map(metres);

	test.describe('with the browser’s location', () => {
		test.use({
			geolocation: { latitude: Number(demoLat), longitude: Number(demoLon) },
			permissions: ['geolocation']
		});

		test('"Use my location" keeps what the form holds and measures from there', async ({
			page
		}) => {
			await page.goto('/search?q=walk&postcode=FV9+9ZZ&page=2');
			await openFilters(page);
			// Ticked but not yet sent: the location search keeps it.
			await page.getByRole('checkbox', { name: 'Groups' }).check();
			await page.getByRole('button', { name: 'Use my location' }).click();
			await expect(page).toHaveURL(/[?&]lat=[\d.-]+&lon=[\d.-]+/);
			const params = new URL(page.url()).searchParams;
			expect(params.get('q')).toBe('walk');
			expect(params.getAll('kind')).toEqual(['group']);
			expect(params.has('postcode')).toBe(false);
			expect(params.has('page')).toBe(false);
			expect(Number(params.get('lat'))).toBeCloseTo(Number(demoLat), 4);
			expect(Number(params.get('lon'))).toBeCloseTo(Number(demoLon), 4);
			await expect(resultCount(page)).toContainText('within 10 km of the place you chose');
			const distances = await shownDistances(page);
			expect(distances.length).toBeGreaterThan(0);
			expect(distances.every((d) => d <= 10_000)).toBe(true);
		});
	});

	test.describe('when the location cannot be had', () => {
		test.use({ permissions: [] });

		test('says so and suggests a postcode', async ({ page }) => {
			await page.goto('/search?q=walk');
			await openFilters(page);
			await page.getByRole('button', { name: 'Use my location' }).click();
			await expect(
				page.getByText('We could not get your location. Enter a postcode instead')
			).toBeVisible();
			await expect(page).toHaveURL(/\/search\?q=walk$/);
		});
	});

	test('a click on an empty part of the results map searches from that place', async ({ page }) => {
		await page.goto('/search?q=walk&sort=checked&page=2');
		await waitForMap(page);
		await expect(
			page.getByText('Select an empty part of the map to search near that place.')
		).toBeVisible();
		const canvas = page.locator('[data-map-loaded="true"] canvas');
		const box = (await canvas.boundingBox())!;
		// A corner: the map is fitted to the points with padding, so none is drawn there.
		await canvas.click({ position: { x: 8, y: box.height - 8 } });
		await expect(page).toHaveURL(/[?&]lat=[\d.-]+&lon=[\d.-]+/);
		const params = new URL(page.url()).searchParams;
		expect(params.get('q')).toBe('walk');
		expect(params.get('sort')).toBe('checked');
		expect(params.has('page')).toBe(false);
		await expect(resultCount(page)).toContainText('of the place you chose');
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('there is no location button, and the postcode field is the way', async ({ page }) => {
			await page.goto('/search?q=walk');
			await openFilters(page);
			await expect(page.getByLabel('Near postcode')).toBeVisible();
			await expect(page.getByRole('button', { name: 'Use my location' })).toHaveCount(0);
		});
	});
});

test.describe('find my neighbourhood', () => {
	test('a postcode inside a patch leads to its page', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'Find my neighbourhood and coordinator' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find my neighbourhood');
		await page.getByLabel('Postcode').fill(demoPostcode);
		await page.getByRole('button', { name: 'Find my neighbourhood' }).click();
		await expect(page).toHaveURL(/\/patches\/[a-z0-9-]+$/);
		const names = demoPatches.map((patch) => patch.name);
		expect(names).toContain((await page.getByRole('heading', { level: 1 }).textContent())?.trim());
	});

	test('an unknown postcode and a place off the globe get plain messages', async ({ page }) => {
		await page.goto('/neighbourhood?postcode=fv99zz');
		await expect(page.locator('.notice')).toHaveText(
			'We could not find FV9 9ZZ. Check the postcode and try again'
		);
		const response = await page.goto('/neighbourhood?lat=999&lon=12');
		expect(response?.status()).toBe(200);
		await expect(page.locator('.notice')).toContainText('not on the map');
		await page.goto('/neighbourhood?lat=0&lon=0');
		await expect(page.locator('.notice')).toHaveText('That place is outside every neighbourhood');
	});

	test('a click on the map leads to the patch there', async ({ page }) => {
		await page.goto('/neighbourhood');
		await waitForMap(page);
		await expectNoAxeViolations(page);
		const canvas = page.locator('[data-map-loaded="true"] canvas');
		const box = (await canvas.boundingBox())!;
		// The map is fitted to every patch, so its middle is inside one (or between them: then a message).
		await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
		await expect(page).toHaveURL(/\/(patches\/[a-z0-9-]+|neighbourhood\?lat=)/);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('the postcode form works and passes axe', async ({ page }) => {
			await page.goto('/neighbourhood?postcode=FV9+9ZZ');
			await expect(page.locator('.notice')).toContainText('We could not find FV9 9ZZ');
			await expect(page.getByRole('button', { name: 'Use my location' })).toHaveCount(0);
			await expectNoAxeViolations(page, { javaScript: false });
		});
	});
});
