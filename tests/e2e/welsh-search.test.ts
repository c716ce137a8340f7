/**
 * The search page and "find my neighbourhood" in Welsh, as a Welsh reader uses them (with and without
 * JavaScript), and the map's highlight of the result under the pointer or keyboard focus.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { demoAssets, demoPatches, visibleAssets } from './demo-data';
import { expect, expectNoAxeViolations, test, waitForMap } from './fixtures';

/** What a visitor may see: published, and informal supports only with consent to be shown. */
const published = visibleAssets;
/** Asset ids follow the demo file's order (the seed inserts them in that order). */
const assetById = (id: string | null) => demoAssets[Number(id) - 1];
const [postcodeLine] = readFileSync('data/demo/postcodes.csv', 'utf8').split('\n').slice(1);
const [demoPostcode, demoLat, demoLon] = postcodeLine.split(',');
const categories: { id: string; parentId: string | null; name: string; nameCy: string | null }[] =
	JSON.parse(readFileSync('data/demo/categories.json', 'utf8'));
const welshPatch = demoPatches.find((p) => p.status !== 'retired' && p.nameCy)!;
const englishOnlyPatch = demoPatches.find((p) => p.status !== 'retired' && !p.nameCy)!;

const resultCount = (page: Page) => page.locator('h2.result-count');
const results = (page: Page) => page.locator('ol.results > li');

async function openFilters(page: Page) {
	const details = page.locator('details.filters');
	if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) {
		await details.locator('summary').click();
	}
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`Welsh search, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('filters through the Welsh form stay under /cy and count in Welsh', async ({ page }) => {
			await page.goto('/cy/search');
			await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
			await expect(page).toHaveTitle('Chwilio – Patchwork');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chwilio');
			// Welsh keeps the noun singular after a numeral.
			await expect(resultCount(page)).toHaveText(`${published.length} canlyniad`);
			await expect(page.locator('form[role="search"]')).toHaveAttribute('action', '/cy/search');

			await openFilters(page);
			await page.getByRole('checkbox', { name: 'Grwpiau' }).check();
			await page.getByRole('checkbox', { name: 'Dydd Mawrth' }).check();
			await page.getByRole('button', { name: 'Dangos canlyniadau' }).click();
			await expect(page).toHaveURL(/\/cy\/search\?kind=group&day=tue&radius=\d+$/);
			const text = (await resultCount(page).textContent())?.trim() ?? '';
			expect(text).toMatch(/^\d+ canlyniad$/);
			expect(Number(text.split(' ')[0])).toBeLessThan(
				published.filter((a) => a.kind === 'group').length
			);
			// The filters say how many are applied and remember them (folded on a phone without
			// JavaScript: tests/e2e/search-community.test.ts).
			await expect(page.locator('details.filters summary')).toHaveText(
				"Hidlyddion (2 wedi'u defnyddio)"
			);
			await openFilters(page);
			await expect(page.getByRole('checkbox', { name: 'Grwpiau' })).toBeChecked();
			for (const item of await page.locator('article.result').all()) {
				await expect(item.locator('.tag').first()).toHaveText('Grŵp');
				await expect(item.locator('.sessions')).toContainText(/[Dd]ydd Mawrth/);
			}
			await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
		});

		test('results show Welsh names where entries have them, and link under /cy', async ({
			page
		}) => {
			await page.goto('/cy/search?q=walk');
			await expect(resultCount(page)).toContainText('canlyniad ar gyfer “walk”');
			const articles = await page.locator('article.result').all();
			expect(articles.length).toBeGreaterThan(1);
			let welshNames = 0;
			for (const article of articles) {
				const id = await article.getAttribute('data-asset-id');
				const asset = assetById(id);
				const link = article.getByRole('heading', { level: 3 }).getByRole('link');
				await expect(link).toHaveAttribute('href', `/cy/assets/${id}`);
				if (asset.nameCy) {
					welshNames++;
					await expect(link).toHaveText(asset.nameCy);
					await expect(link).not.toHaveAttribute('lang', /./);
				} else {
					await expect(link).toHaveText(asset.name);
					await expect(link).toHaveAttribute('lang', 'en');
				}
			}
			expect(welshNames, 'a result with a Welsh name').toBeGreaterThan(0);
			await expect(
				page.getByRole('link', { name: "Dod o hyd i'm cymdogaeth a'm cydlynydd" })
			).toHaveAttribute('href', '/cy/neighbourhood');
			if (javaScriptEnabled) await waitForMap(page);
			await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
		});

		// Words the server writes: checked once, without JavaScript; the two tests above check that
		// the page keeps its Welsh once the client takes over.
		if (!javaScriptEnabled) {
			test('distance and neighbourhood scope read in Welsh', async ({ page }) => {
				await page.goto(`/cy/search?postcode=${encodeURIComponent(demoPostcode)}&radius=2`);
				await expect(resultCount(page)).toContainText(`o fewn 2 km i ${demoPostcode}`);
				const distances = await page.locator('article.result .distance').allTextContents();
				expect(distances.length).toBeGreaterThan(0);
				for (const distance of distances) expect(distance).toMatch(/^[\d.,]+ (metr|km) i ffwrdd$/);

				await page.goto(`/cy/search?patch=${welshPatch.slug}`);
				await expect(resultCount(page)).toContainText(`yng nghymdogaeth ${welshPatch.nameCy}`);
				await page.goto(`/cy/search?patch=${englishOnlyPatch.slug}`);
				// An English name on a Welsh page is marked for screen readers.
				await expect(resultCount(page).locator('span[lang="en"]')).toHaveText(
					englishOnlyPatch.name
				);
				await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
			});

			test('notices about unusable parts of the search are in Welsh', async ({ page }) => {
				await page.goto('/cy/search?postcode=FV9+9ZZ&day=funday');
				const notices = page.getByRole('status', { name: 'Am eich chwiliad' });
				await expect(notices).toContainText('Ni allem ddod o hyd i’r cod post FV9 9ZZ');
				await expect(notices).toContainText('Nid yw “funday” yn ddiwrnod o’r wythnos');
				await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
			});

			test('an empty result gives Welsh advice and a Welsh way back', async ({ page }) => {
				await page.goto('/cy/search?q=zzzzqqqq');
				await expect(page).toHaveTitle('zzzzqqqq – Chwilio – Patchwork');
				await expect(resultCount(page)).toHaveText('0 canlyniad ar gyfer “zzzzqqqq”');
				await expect(page.getByText("Does dim byd yn cyfateb i'ch chwiliad")).toBeVisible();
				await expect(
					page.locator('.no-results').getByRole('link', { name: 'Clirio pob hidlydd' })
				).toHaveAttribute('href', '/cy/search');
				await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
			});
		}
	});
}

test.describe('Welsh search without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('categories, neighbourhoods, kinds and days are named in Welsh', async ({ page }) => {
		await page.goto('/cy/search?category=food');
		await openFilters(page);
		const category = page.getByLabel('Categori');
		const food = categories.find((c) => c.id === 'food')!;
		const parent = categories.find((c) => c.id === food.parentId)!;
		await expect(category.locator('option:checked')).toHaveText(food.nameCy!);
		await expect(category.locator(`optgroup[label="${parent.nameCy}"]`)).toHaveCount(1);
		await expect(category.locator(`option[value="${parent.id}"]`)).toHaveText(
			`${parent.nameCy} (y cyfan)`
		);
		const patch = page.getByLabel('Cymdogaeth', { exact: true });
		await expect(patch.locator(`option[value="${welshPatch.slug}"]`)).toHaveText(
			welshPatch.nameCy!
		);
		await expect(patch.locator(`option[value="${englishOnlyPatch.slug}"]`)).toHaveAttribute(
			'lang',
			'en'
		);
		await expect(page.getByRole('checkbox', { name: 'Cymorth anffurfiol' })).toBeVisible();
		await expect(page.getByRole('checkbox', { name: 'Mynediad heb risiau' })).toBeVisible();
		await expect(page.getByRole('checkbox', { name: "Gyda'r nos" })).toBeVisible();
		await expect(page.getByLabel('Iaith a siaredir').locator('option[value="pl"]')).toHaveText(
			'Pwyleg'
		);
		await expect(
			page.locator('details.filters').getByRole('link', { name: 'Clirio pob hidlydd' })
		).toHaveAttribute('href', '/cy/search');
	});

	test('paging and sorting keep the search and stay under /cy', async ({ page }) => {
		await page.goto('/cy/search?kind=group');
		const pager = page.getByRole('navigation', { name: 'Tudalennau canlyniadau' });
		await expect(pager.getByRole('link', { name: 'Tudalen nesaf' })).toHaveAttribute(
			'href',
			'/cy/search?kind=group&page=2'
		);
		await pager.getByRole('link', { name: 'Tudalen nesaf' }).click();
		await expect(page).toHaveURL(/\/cy\/search\?kind=group&page=2$/);
		await expect(pager.getByRole('link', { name: 'Tudalen 2' })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(pager.getByRole('link', { name: 'Tudalen flaenorol' })).toHaveAttribute(
			'href',
			/^\/cy\/search\?kind=group(&page=1)?$/
		);
		await expect(pager).toContainText(/Tudalen 2 o \d+/);

		await openFilters(page);
		await page.getByLabel('Trefnu yn ôl').selectOption('name');
		await page.getByRole('button', { name: 'Dangos canlyniadau' }).click();
		// The form's empty fields are dropped by a redirect that stays on the Welsh page.
		await expect(page).toHaveURL(/\/cy\/search\?kind=group&radius=\d+&sort=name$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expectNoAxeViolations(page, { javaScript: false });
	});
});

test.describe('the map highlights the result under the pointer or focus', () => {
	/** The map region, which says what its highlight layer has drawn (AreaMap's test hook). */
	const mapRegion = (page: Page) => page.getByTestId('area-map');
	const idOf = (item: Locator) => item.locator('article').getAttribute('data-asset-id');

	test('hovering a result highlights its point or its cluster, and leaving clears it', async ({
		page
	}) => {
		await page.goto('/cy/search?q=walk');
		await waitForMap(page);
		await expect(
			page.getByRole('region', { name: "Map o'r canlyniadau ar y dudalen hon" })
		).toBeVisible();
		await expect(page.getByRole('list', { name: 'Allwedd y map' })).toBeVisible();
		const kinds = new Set<string>();
		for (const item of await results(page).all()) {
			const id = await idOf(item);
			await item.hover();
			if (assetById(id).point) {
				await expect(mapRegion(page)).toHaveAttribute('data-highlight-for', id!);
				const kind = (await mapRegion(page).getAttribute('data-highlight-kind')) ?? '';
				expect(['point', 'cluster']).toContain(kind);
				kinds.add(kind);
			} else {
				// Online and roaming entries have no point to highlight.
				await expect(mapRegion(page)).not.toHaveAttribute('data-highlight-for', /./);
			}
		}
		// The demo's walks include points on their own and points folded into clusters.
		expect([...kinds].sort()).toEqual(['cluster', 'point']);
		await page.getByRole('heading', { level: 1 }).hover();
		await expect(mapRegion(page)).not.toHaveAttribute('data-highlight-for', /./);
		await expect(mapRegion(page)).not.toHaveAttribute('data-highlight-kind', /./);
	});

	test('keyboard focus on a result highlights it, and moving focus away clears it', async ({
		page
	}) => {
		await page.goto('/cy/search?q=walk');
		await waitForMap(page);
		const withPlace: Locator[] = [];
		for (const item of await results(page).all()) {
			if (assetById(await idOf(item)).point) withPlace.push(item);
		}
		const [first, second] = withPlace;
		await first.getByRole('link').focus();
		await expect(mapRegion(page)).toHaveAttribute('data-highlight-for', (await idOf(first))!);
		await second.getByRole('link').focus();
		await expect(mapRegion(page)).toHaveAttribute('data-highlight-for', (await idOf(second))!);
		await page.getByLabel('Chwilio am grŵp, gweithgaredd neu le').focus();
		await expect(mapRegion(page)).not.toHaveAttribute('data-highlight-for', /./);
		await expectNoAxeViolations(page);
	});

	test('the English page highlights too', async ({ page }) => {
		await page.goto('/search?q=walk');
		await waitForMap(page);
		for (const candidate of await results(page).all()) {
			const id = await idOf(candidate);
			if (!assetById(id).point) continue;
			await candidate.hover();
			await expect(mapRegion(page)).toHaveAttribute('data-highlight-for', id!);
			break;
		}
		await expect(page.getByRole('list', { name: 'Map key' })).toBeVisible();
	});
});

test.describe('find my neighbourhood in Welsh', () => {
	for (const javaScriptEnabled of [true, false]) {
		test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
			test.use({ javaScriptEnabled });

			test('a postcode leads to the Welsh patch page', async ({ page }) => {
				await page.goto('/cy/search');
				await page.getByRole('link', { name: "Dod o hyd i'm cymdogaeth a'm cydlynydd" }).click();
				await expect(page).toHaveURL(/\/cy\/neighbourhood$/);
				await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
				await expect(page).toHaveTitle("Dod o hyd i'm cymdogaeth – Patchwork");
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(
					"Dod o hyd i'm cymdogaeth"
				);
				const list = page.locator('h2:text-is("Pob cymdogaeth") + ul');
				await expect(list.getByRole('link', { name: welshPatch.nameCy! })).toHaveAttribute(
					'href',
					`/cy/patches/${welshPatch.slug}`
				);
				await expect(list.getByRole('link', { name: englishOnlyPatch.name })).toHaveAttribute(
					'lang',
					'en'
				);
				if (javaScriptEnabled) {
					await waitForMap(page);
					await expect(page.getByRole('region', { name: 'Map o bob cymdogaeth' })).toBeVisible();
					await expect(page.getByText("Dewiswch le ar y map i fynd i'w gymdogaeth.")).toBeVisible();
				}
				await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

				await page.getByLabel('Cod post').fill(demoPostcode.toLowerCase());
				await page.getByRole('button', { name: "Dod o hyd i'm cymdogaeth" }).click();
				await expect(page).toHaveURL(/\/cy\/patches\/[a-z0-9-]+$/);
				const slug = new URL(page.url()).pathname.split('/').pop();
				expect(demoPatches.map((p) => p.slug)).toContain(slug);
				await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
			});

			// The server's words, so once, without JavaScript.
			if (!javaScriptEnabled) {
				test('an unknown postcode and other misses get Welsh messages', async ({ page }) => {
					await page.goto('/cy/neighbourhood?postcode=fv99zz');
					await expect(page.locator('.notice')).toHaveText(
						'Ni allem ddod o hyd i FV9 9ZZ. Gwiriwch y cod post a rhowch gynnig arall arni'
					);
					await expect(page.getByLabel('Cod post')).toHaveValue('FV9 9ZZ');
					await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

					await page.goto('/cy/neighbourhood?postcode=hello');
					await expect(page.locator('.notice')).toHaveText(
						'Nid yw “hello” yn god post llawn. Gwiriwch ef a rhowch gynnig arall arni'
					);
					await page.goto('/cy/neighbourhood?lat=0&lon=0');
					await expect(page.locator('.notice')).toHaveText(
						"Mae'r lle hwnnw y tu allan i bob cymdogaeth"
					);
					await page.goto('/cy/neighbourhood?lat=999&lon=12');
					await expect(page.locator('.notice')).toHaveText(
						"Nid yw'r lle a roddwyd ar y map. Rhowch god post yn lle hynny"
					);
				});
			}
		});
	}

	test.describe('with the browser’s location', () => {
		test.use({
			geolocation: { latitude: Number(demoLat), longitude: Number(demoLon) },
			permissions: ['geolocation']
		});

		test('"Defnyddio fy lleoliad" leads to the Welsh patch page', async ({ page }) => {
			await page.goto('/cy/neighbourhood');
			await page.getByRole('button', { name: 'Defnyddio fy lleoliad' }).click();
			await expect(page).toHaveURL(/\/cy\/patches\/[a-z0-9-]+$/);
			await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		});

		test('on the Welsh search page it searches from there and stays under /cy', async ({
			page
		}) => {
			await page.goto('/cy/search?q=walk');
			await openFilters(page);
			await page.getByRole('button', { name: 'Defnyddio fy lleoliad' }).click();
			await expect(page).toHaveURL(/\/cy\/search\?q=walk&radius=\d+&lat=[\d.-]+&lon=[\d.-]+$/);
			await expect(resultCount(page)).toContainText("o fewn 10 km i'r lle a ddewisoch");
		});
	});

	test.describe('when the location cannot be had', () => {
		test.use({ permissions: [] });

		test('says so in Welsh', async ({ page }) => {
			await page.goto('/cy/neighbourhood');
			await page.getByRole('button', { name: 'Defnyddio fy lleoliad' }).click();
			await expect(
				page.getByText('Ni allem gael eich lleoliad. Rhowch eich cod post yn lle hynny')
			).toBeVisible();
		});
	});
});
