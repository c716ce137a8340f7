import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, signInAt, test } from './fixtures';

const council = demoUsers.find((user) => user.role === 'council')!;
const hostile = (name: string) => resolve('tests/fixtures/hostile', name);

const signIn = (page: Page) => signInAt(page, council, '/council/assets-import');

test('a signed-out visitor is sent to sign in', async ({ page }) => {
	await page.goto('/council/assets-import');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcouncil%2Fassets-import$/);
});

test('a council user checks an OpenStreetMap export, reads the report, and imports it', async ({
	page
}) => {
	await signIn(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import community assets');
	await expectNoAxeViolations(page);

	await page.getByRole('radio', { name: 'OpenStreetMap GeoJSON' }).check();
	await page.getByLabel('File', { exact: true }).setInputFiles(hostile('osm-overpass.geojson'));
	await page.getByRole('button', { name: 'Check file' }).click();

	await expect(page).toHaveURL(/\/council\/assets-import\?run=\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the import');
	await expect(
		page.getByText('Checked osm-overpass.geojson: 6 records (nothing has been saved yet)')
	).toBeVisible();
	await expect(page.getByText('4 new assets would be created (as drafts).')).toBeVisible();
	const rejected = page.getByRole('table', { name: 'Records that were rejected, and why' });
	await expect(
		rejected.getByRole('row', { name: /feature 4 \(node\/404\) has no name tag/ })
	).toBeVisible();
	await expect(rejected.getByRole('row')).toHaveCount(3);
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Import 4 assets' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assets imported');
	await expect(page.getByText('Imported osm-overpass.geojson: 6 records')).toBeVisible();
	await expect(page.getByRole('table', { name: 'The latest asset imports' })).toContainText(
		'osm-overpass.geojson'
	);
	await expectNoAxeViolations(page);

	// Back shows the same run, now imported; sending its import form again is refused.
	const runId = new URL(page.url()).searchParams.get('run')!;
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assets imported');
	await page.evaluate((id) => {
		const form = Object.assign(document.createElement('form'), {
			method: 'POST',
			action: '?/import'
		});
		form.append(Object.assign(document.createElement('input'), { name: 'run', value: id }));
		document.body.append(form);
		form.submit();
	}, runId);
	await expect(page.getByRole('alert')).toContainText('This file has already been imported');
});

test('without JavaScript: a bad file is refused beside the field, and a good one is checked', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page);

	await page.getByRole('radio', { name: 'Open Referral feed (JSON)' }).check();
	await page.getByLabel('File', { exact: true }).setInputFiles(hostile('zip-renamed.json'));
	await page.getByRole('button', { name: 'Check file' }).click();
	await expect(page.getByRole('alert')).toContainText('zip-renamed.json is a zip file');
	await expect(page.locator('#file-error')).toContainText('unzip it');
	await expect(page).toHaveTitle(/^Error: Import community assets/);
	await expectNoAxeViolations(page, { javaScript: false });

	await page.getByRole('radio', { name: 'OpenStreetMap GeoJSON' }).check();
	await page.getByLabel('File', { exact: true }).setInputFiles(hostile('osm-overpass.geojson'));
	await page.getByRole('button', { name: 'Check file' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the import');
	await expect(page.getByRole('button', { name: /^Import \d+ assets$/ })).toBeVisible();
	await expectNoAxeViolations(page, { javaScript: false });
	await context.close();
});
