import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, signInAt, test } from './fixtures';

const council = demoUsers.find((user) => user.role === 'council')!;
const fixture = (name: string) => resolve('tests/fixtures/import', name);

const signIn = (page: Page) => signInAt(page, council, '/council/import');

test('a signed-out visitor is sent to sign in', async ({ page }) => {
	await page.goto('/council/import');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcouncil%2Fimport$/);
});

test('a council user checks a population file, sees the join report, and imports it', async ({
	page
}) => {
	await signIn(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import data');
	await expectNoAxeViolations(page);

	await page.getByRole('radio', { name: 'Population' }).check();
	// Only the chosen kind's options are shown.
	await expect(page.getByLabel('Property holding the patch name (optional)')).toBeHidden();
	await page.getByLabel('File', { exact: true }).setInputFiles(fixture('demo-population.csv'));
	await page.getByLabel('Population set name (optional)').fill('Browser test 2026');
	await page.getByRole('button', { name: 'Check file' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the import');
	await expect(
		page.getByText(
			'Checked demo-population.csv: population set "Browser test 2026" (21 March 2026) can be imported (nothing has been saved yet).'
		)
	).toBeVisible();
	await expect(
		page.getByText('3 codes match small areas (Output Areas), with 1,188 people in all.')
	).toBeVisible();
	await expect(page.getByText(/^309 stored small areas have no figure in this file/)).toBeVisible();
	await expectNoAxeViolations(page);

	const uploadId = await page.locator('input[name="uploadId"]').inputValue();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page).toHaveURL(/\/council\/import\?done=\d+$/);
	await expect(page.getByRole('status')).toContainText(
		'Imported population set "Browser test 2026" (21 March 2026) from demo-population.csv'
	);
	await expect(page.getByRole('status')).toContainText(
		"It is not the programme's default population set"
	);
	await expectNoAxeViolations(page);

	// The upload is deleted once imported: sending the import form again (back, resubmit) says so.
	await page.evaluate((id) => {
		const form = Object.assign(document.createElement('form'), {
			method: 'POST',
			action: '?/import'
		});
		form.append(Object.assign(document.createElement('input'), { name: 'uploadId', value: id }));
		document.body.append(form);
		form.submit();
	}, uploadId);
	await expect(page.getByRole('alert')).toContainText(
		'This file has already been imported, or was checked more than an hour ago.'
	);
});

test('a file with unknown codes is refused, the reason beside the file field', async ({ page }) => {
	await signIn(page);
	await page.getByRole('radio', { name: 'Population' }).check();
	await page
		.getByLabel('File', { exact: true })
		.setInputFiles(fixture('population-unknown-codes.csv'));
	await page.getByRole('button', { name: 'Check file' }).click();

	const summary = page.getByRole('alert');
	await expect(summary).toContainText('There is a problem');
	const message =
		'population-unknown-codes.csv: none is among the 312 small areas Patchwork holds, so none of its 3 codes (like E00990001 on line 2) can be matched. Import the boundaries of these small areas first.';
	await expect(summary.getByRole('link', { name: message })).toBeVisible();
	await expect(page.locator('#file-error')).toContainText(message);
	await expect(page).toHaveTitle(/^Error: Import data/);
	await expectNoAxeViolations(page);
});

test('choosing nothing gives GOV.UK-style messages beside the fields', async ({ page }) => {
	await signIn(page);
	await page.getByRole('button', { name: 'Check file' }).click();
	await expect(
		page.getByRole('alert').getByRole('link', { name: 'Choose what you are importing' })
	).toBeVisible();
	await expect(page.locator('#kind-error')).toContainText('Choose what you are importing');
	await expectNoAxeViolations(page);
});

test('the whole import works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page);
	await page.getByRole('radio', { name: 'Population' }).check();
	await page.getByLabel('File', { exact: true }).setInputFiles(fixture('demo-population.csv'));
	await page.getByLabel('Population set name (optional)').fill('No script test 2026');
	await page.getByLabel('Reference date (optional)').fill('30 6 2026');
	await page.getByRole('button', { name: 'Check file' }).click();
	await expect(
		page.getByText(/population set "No script test 2026" \(30 June 2026\)/)
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScript: false });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(
		'Imported population set "No script test 2026" (30 June 2026)'
	);
	await context.close();
});
