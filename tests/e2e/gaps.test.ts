/**
 * The council Gaps page in a browser: who may see it, the patch × category table and the people
 * beyond the threshold against the same analysis run here on the worker's database (the figures the
 * CLI prints), sorting, the map with its table, a what-if that saves nothing, the downloads, and axe.
 * It only reads the demo borough.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Page } from '@playwright/test';
import * as schema from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import { runGaps } from '../../src/lib/server/gaps';
import { runWhatIf } from '../../src/lib/server/gaps/what-if';
import { gapReportData, patchCategoryRows } from '../../src/lib/domain/gaps/report-output';
import { formatNumber } from '../../src/lib/domain/format';
import { demoPatches, demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, signInAt, test, waitForMap } from './fixtures';

const council = demoUsers.find((user) => user.role === 'council')!;
const coordinator = demoUsers.find((user) => user.role === 'coordinator')!;

/** The worker's database, read only, as the CLI would read it. */
function withDb<T>(path: string, work: (db: Db) => T): T {
	const sqlite = new Database(path, { readonly: true, fileMustExist: true });
	try {
		return work(drizzle(sqlite, { schema }) as unknown as Db);
	} finally {
		sqlite.close();
	}
}

const matrixCell = (page: Page, patch: string, column: number) =>
	page
		.locator('table.gap-matrix tbody tr')
		.filter({ has: page.getByRole('rowheader', { name: patch, exact: true }) })
		.locator('td')
		.nth(column + 1);

test.describe('council Gaps page', () => {
	test('is for the council and admins only', async ({ page }) => {
		await signInAt(page, coordinator, '/staff');
		const response = await page.goto('/council/gaps');
		expect(response?.status()).toBe(403);
	});

	test('shows the figures the CLI prints, with links to the entries counted', async ({
		page,
		databasePath
	}) => {
		const { data, rows } = withDb(databasePath, (db) => {
			const run = runGaps(db, { threshold: 800, method: 'areal' })!;
			// The JSON the CLI prints, and the unrounded rows the page formats its rates from.
			return {
				data: gapReportData(run.report, run.inputs.areas),
				rows: patchCategoryRows(run.report)
			};
		});
		await signInAt(page, council, '/council/gaps');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Gaps in community assets' })
		).toBeVisible();
		await expect(page.getByTestId('gap-method')).toContainText('straight lines');

		// Every patch and category as the analysis counts it, in words ("None" or a count and rate).
		const columns = data.categories.map((c) => c.id);
		for (const row of data.patches.filter((r) => r.flag === 'none').slice(0, 6)) {
			const cell = matrixCell(page, row.patch, columns.indexOf(row.categoryId));
			if (data.categories.find((c) => c.id === row.categoryId)!.total === 0) {
				await expect(cell).toContainText('No entries in this category');
				continue;
			}
			await expect(cell).toContainText('None');
			await expect(cell).toContainText('none in this patch');
			const slug = demoPatches.find((p) => p.name === row.patch)!.slug;
			await expect(cell.getByRole('link')).toHaveAttribute(
				'href',
				`/search?category=${row.categoryId}&patch=${slug}`
			);
		}
		const counted = rows.find((r) => r.entries > 1 && r.per1000 !== null)!;
		await expect(
			matrixCell(page, counted.patch, columns.indexOf(counted.categoryId))
		).toContainText(
			`${counted.entries} (${formatNumber(counted.per1000!, { fractionDigits: 2 })} per 1,000)`
		);

		// People beyond 800 m for the mapped (first) category, programme-wide and for one patch.
		const first = data.categories[0];
		const beyond = data.programmeBeyond.find((b) => b.categoryId === first.id)!.people;
		await expect(page.getByTestId('people-beyond')).toContainText(
			`${formatNumber(beyond)} people live farther than 800 m`
		);
		const patchRow = data.patches.find((r) => r.categoryId === first.id)!;
		await expect(
			page
				.locator('table.beyond tbody tr')
				.filter({ has: page.getByRole('rowheader', { name: patchRow.patch, exact: true }) })
				.locator('td')
				.nth(1)
		).toHaveText(formatNumber(patchRow.peopleBeyond));

		// The map loads, and its table has every small area.
		await waitForMap(page);
		await expect(page.locator('.area-table tbody tr')).toHaveCount(data.smallAreas.length);
		await expectNoAxeViolations(page);
	});

	test('sorts by a category and filters by category and threshold', async ({ page }) => {
		await signInAt(page, council, '/council/gaps?category=food&threshold=1200');
		await expect(
			page.getByRole('heading', { name: /People farther than 1,200 m: Food/ })
		).toBeVisible();
		await expect(page.locator('table.gap-matrix thead th')).toHaveCount(3);
		await page.getByRole('link', { name: /^Population\s*: sort by this column/ }).click();
		await expect(page.locator('table.gap-matrix thead th').nth(1)).toHaveAttribute(
			'aria-sort',
			'ascending'
		);
		await expect(page).toHaveURL(/category=food&threshold=1200/);
		await expect(page.locator('table.week')).toHaveCount(demoPatches.length);
		await expectNoAxeViolations(page);
	});

	test('a what-if shows the people it brings within reach and saves nothing', async ({
		page,
		databasePath
	}) => {
		const count = () => withDb(databasePath, (db) => db.select().from(schema.assets).all().length);
		const before = count();
		const point: [number, number] = [-2.95, 53.066];
		const expected = withDb(databasePath, (db) => {
			const run = runGaps(db, { threshold: 800, method: 'areal' })!;
			const outcome = runWhatIf(db, run, {
				postcode: null,
				point,
				categoryIds: ['food'],
				sessions: [{ frequency: 'weekly', weekday: 2, startTime: '18:00', endTime: '20:00' }]
			});
			if (!outcome.ok) throw new Error('what-if failed');
			return outcome.result;
		});
		await signInAt(page, council, '/council/gaps');
		await page.getByLabel('Longitude', { exact: true }).fill(String(point[0]));
		await page.getByLabel('Latitude', { exact: true }).fill(String(point[1]));
		await page.getByRole('checkbox', { name: 'Food and shared meals' }).check();
		await page.getByLabel('Day', { exact: true }).selectOption('2');
		await page.getByLabel('Starts', { exact: true }).fill('18:00');
		await page.getByLabel('Ends', { exact: true }).fill('20:00');
		await page.getByRole('button', { name: 'Show what it would change' }).click();
		const answer = page.getByTestId('what-if-answer');
		await expect(answer).toContainText(
			`Food and shared meals: ${formatNumber(expected.categories[0].people)} people`
		);
		expect(count()).toBe(before);
		await expectNoAxeViolations(page);
	});

	test('a what-if with no place and no category says what is missing', async ({ page }) => {
		await signInAt(page, council, '/council/gaps');
		await page.getByRole('button', { name: 'Show what it would change' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Enter a postcode, or a longitude and latitude'
		);
		await expect(page.getByRole('alert')).toContainText('Choose at least one category');
	});

	test('downloads CSV and GeoJSON with the same figures', async ({
		page,
		request,
		databasePath
	}) => {
		await signInAt(page, council, '/council/gaps');
		const csv = await page.request.get('/council/gaps/download/patch-categories.csv?threshold=800');
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = await csv.text();
		expect(text).toContain('People beyond 800 m (straight line)');
		const geo = await page.request.get('/council/gaps/download/small-areas.geojson?category=food');
		const features = (await geo.json()).features;
		const areas = withDb(
			databasePath,
			(db) => runGaps(db, { threshold: 800, method: 'areal' })!.inputs.areas
		);
		expect(features).toHaveLength(areas.length);
		expect(features[0].geometry.type).toMatch(/Polygon/);
		expect(features[0].properties).toHaveProperty('nearest_food_m');
		// Without signing in: sent to sign in, never the figures.
		const anonymous = await request.get('/council/gaps/download/small-areas.csv', {
			maxRedirects: 0
		});
		expect(anonymous.status()).toBe(303);
	});
});

test.describe('council gap report', () => {
	test('prints on A4 with its map, and passes axe', async ({ page }) => {
		await signInAt(page, council, '/council/gaps/report?category=food');
		await expect(
			page.getByRole('heading', { level: 1, name: /^Gaps in community assets: / })
		).toBeVisible();
		// The map is SVG drawn on the server: there with its name before any script runs.
		const map = page.getByRole('img', { name: /^Map: straight-line distance to the nearest food/ });
		await expect(map).toBeVisible();
		await expect(page.getByRole('img', { name: /^Patches with nothing meeting/ })).toBeVisible();
		await expectNoAxeViolations(page);
		// Printed, the site's header goes and the report starts the page.
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(map).toBeVisible();
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	});
});
