/**
 * The council's patch sizing in a browser: who may see it, the table against figures computed here
 * from the demo files, sorting, the CSV, the map, and the boundary editor (drag, cancel, refuse a
 * bow-tie, save). The test that saves puts the boundary back, so later files see the demo as it was.
 * The editor from the keyboard alone is patch-editor-keyboard.test.ts's; by touch on a phone,
 * patch-editor-touch.test.ts's.
 */
import { readFileSync } from 'node:fs';
import { BAND_LABELS, bandFor } from '../../src/lib/domain/bands';
import { formatNumber } from '../../src/lib/domain/format';
import { expect, expectNoAxeViolations, test, waitForMap } from './fixtures';
import {
	cell,
	coordinator,
	council,
	dragOutermostCornerIn,
	expected,
	row,
	signIn,
	smallAreas
} from './patch-sizing-data';

test('someone signed out is sent to sign in first', async ({ page }) => {
	await page.goto('/council/patches');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcouncil%2Fpatches$/);
});

test('a coordinator may not see the council pages', async ({ page }) => {
	await signIn(page, coordinator, '/account');
	const response = await page.goto('/council');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('link', { name: 'Council pages' })).toHaveCount(0);
});

test('the council sees every patch with both estimates and its band, on a map too', async ({
	page
}) => {
	await signIn(page, council, '/council');
	await page.getByRole('link', { name: 'Patch sizing' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Patch sizing');
	await expect(page.locator('table.sizing-table tbody tr')).toHaveCount(expected.length);
	for (const patch of expected) {
		// The figure first; where the boundary cuts small areas, the range it could take follows.
		await expect(cell(page, patch.name, 'centroid')).toHaveText(
			new RegExp(`^${formatNumber(patch.centroid)}(\\s|$)`)
		);
		await expect(cell(page, patch.name, 'band')).toHaveText(BAND_LABELS[bandFor(patch.centroid)]);
	}
	// The generator made one patch of each band; the one over the limit must say so in words.
	const over = expected.filter((patch) => patch.centroid > 15_000);
	expect(over).toHaveLength(1);
	await expect(cell(page, over[0].name, 'band')).toHaveText('Over the limit');
	await expect(cell(page, over[0].name, 'guidance')).toHaveText(
		`Remove about ${formatNumber(Math.ceil((over[0].centroid - 15_000) / 10) * 10)} people to be under 15,000`
	);
	// Two demo patches meet along a street that cuts small areas: there the methods differ.
	const differences = await page.locator('[data-column="difference"]').allTextContents();
	expect(differences.filter((d) => d.trim() !== '0')).toHaveLength(2);
	await expect(page.locator('[data-detail="sensitivity"]')).toHaveCount(2);
	const total = smallAreas.features.reduce((sum, area) => sum + area.properties.population, 0);
	await expect(page.locator('[data-total="population"]')).toHaveText(formatNumber(total));
	await waitForMap(page);
	await expectNoAxeViolations(page);
});

test('the table sorts by population from its column header, without JavaScript too', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, council, '/council/patches');
	await page.getByRole('link', { name: /^Areal estimate/ }).click();
	await expect(page).toHaveURL(/\/council\/patches\?sort=areal&dir=desc$/);
	await expect(page.getByRole('columnheader', { name: /Areal estimate/ })).toHaveAttribute(
		'aria-sort',
		'descending'
	);
	const shown = (await page.locator('[data-column="areal"]').allTextContents()).map((text) =>
		Number(text.replace(/,/g, ''))
	);
	expect(shown).toHaveLength(expected.length);
	expect(shown).toEqual([...shown].sort((a, b) => b - a));
	await page.getByRole('link', { name: /^Areal estimate/ }).click();
	await expect(page).toHaveURL(/sort=areal$/);
	await expectNoAxeViolations(page, { javaScript: false });
	await context.close();
});

test('the table downloads as a dated CSV with a row per patch', async ({ page }) => {
	await signIn(page, council, '/council/patches');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download this table (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^patch-sizing-\d{4}-\d{2}-\d{2}\.csv$/);
	const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
	const header = lines.findIndex((line) => line.startsWith('Patch,'));
	expect(lines[header]).toContain('Areal weighting (people),Centroid (people)');
	const rows = lines.slice(header + 1, header + 1 + expected.length);
	expect(rows.map((line) => line.split(',')[0]).sort()).toEqual(
		expected.map((patch) => patch.name).sort()
	);
	expect(lines[header + 1 + expected.length]).toBe('');
});

test('dragging a corner changes the estimate; cancel keeps the saved boundary', async ({
	page
}) => {
	const patch = expected[0];
	await signIn(page, council, '/council/patches');
	const saved = await cell(page, patch.name, 'areal').textContent();
	await row(page, patch.name)
		.getByRole('link', { name: /Edit boundary/ })
		.click();
	await expect(page).toHaveURL(`/council/patches/${patch.id}/edit`);
	await expect(page.locator('[data-testid="patch-editor"][data-map-loaded="true"]')).toBeVisible();
	await expect(page.getByTestId('estimate-areal')).toHaveText(saved!);
	await expectNoAxeViolations(page);

	await dragOutermostCornerIn(page);
	await expect(page.getByTestId('estimate-areal')).not.toHaveText(saved!);
	await expect(
		page.getByRole('heading', { name: 'Estimate for the boundary on the map' })
	).toBeVisible();
	await expect(page.getByTestId('estimate-announcement')).toContainText(/About [\d,]+ people\./);

	await page.getByRole('link', { name: 'Cancel' }).click();
	await expect(page).toHaveURL('/council/patches');
	await expect(cell(page, patch.name, 'areal')).toHaveText(saved!);
});

test('a bow-tie is refused with where it crosses; an edited boundary saves', async ({ page }) => {
	const patch = expected[1];
	await signIn(page, council, `/council/patches/${patch.id}/edit`);
	await expect(page.locator('[data-testid="patch-editor"][data-map-loaded="true"]')).toBeVisible();
	const saved = await page.getByTestId('estimate-areal').textContent();

	const [[west, south], [east, north]] = [
		[-2.96, 53.09],
		[-2.95, 53.1]
	];
	const bowTie = {
		type: 'Polygon',
		coordinates: [
			[
				[west, south],
				[east, north],
				[east, south],
				[west, north],
				[west, south]
			]
		]
	};
	await page.getByLabel('Or paste the boundary as GeoJSON').fill(JSON.stringify(bowTie));
	await page.getByRole('button', { name: 'Save boundary' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'The boundary crosses itself at 1 point: near 53.09500, -2.95500'
	);
	await expect(page).toHaveURL(new RegExp(`/council/patches/${patch.id}/edit$`));

	// Start again from the saved boundary, drag a corner out, and save what the map shows.
	await page.goto(`/council/patches/${patch.id}/edit`);
	await expect(page.locator('[data-testid="patch-editor"][data-map-loaded="true"]')).toBeVisible();
	await dragOutermostCornerIn(page);
	await expect(page.getByTestId('estimate-areal')).not.toHaveText(saved!);
	await expect(page.getByTestId('estimate-problems')).toHaveCount(0);
	const edited = await page.getByTestId('estimate-areal').textContent();
	await page.getByRole('button', { name: 'Save boundary' }).click();
	await expect(page).toHaveURL(`/council/patches?saved=${patch.id}`);
	await expect(page.getByTestId('saved-notice')).toContainText(
		`The boundary of ${patch.name} has been saved.`
	);
	await expect(cell(page, patch.name, 'areal')).toHaveText(edited!);

	// Put the demo boundary back through the GeoJSON field, the way without the map.
	await page.goto(`/council/patches/${patch.id}/edit`);
	await page.getByLabel('Or paste the boundary as GeoJSON').fill(JSON.stringify(patch.geometry));
	await page.getByRole('button', { name: 'Save boundary' }).click();
	await expect(page).toHaveURL(`/council/patches?saved=${patch.id}`);
	await expect(cell(page, patch.name, 'areal')).toHaveText(saved!);
});

test('without JavaScript the editor shows the saved estimate and takes GeoJSON', async ({
	browser
}) => {
	const patch = expected[0];
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, council, `/council/patches/${patch.id}/edit`);
	await expect(page.getByTestId('no-javascript')).toContainText(
		'Drawing on the map needs JavaScript'
	);
	await expect(page.getByTestId('estimate-centroid')).toHaveText(formatNumber(patch.centroid));
	await expect(page.getByLabel('Or paste the boundary as GeoJSON')).toBeVisible();
	await expectNoAxeViolations(page, { javaScript: false });
	await context.close();
});

test('a patch page says how many people live there, how it was counted, and its band', async ({
	page
}) => {
	const patch = expected.find((p) => p.centroid > 15_000)!;
	await page.goto(`/patches/${patch.slug}`);
	const population = page.getByTestId('patch-population');
	await expect(population).toContainText(
		/Population: about [\d,]+ \(areal weighting, .+ population set\)\. Usual size: 10,000 to 12,000/
	);
	await expect(population).toContainText(
		`Counting whole small areas by their centre point: ${formatNumber(patch.centroid)}`
	);
	await expect(population).toContainText('Size band: Over the limit');
});
