/**
 * Keeping the directory true, in the browser: a resident's change suggestion goes through a
 * coordinator's moderation to the public page; a coordinator clears a page of their to-check list;
 * axe finds nothing on the staff home, the queue, a suggestion, the to-check list and the council's
 * freshness pages.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pointInArea } from '../../src/lib/domain/point-in-area';
import { demoAssets, demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const idOf = (ref: string) => demoAssets.findIndex((asset) => asset.ref === ref) + 1;
const patchFeatures = JSON.parse(readFileSync('data/demo/patches.geojson', 'utf8')).features as {
	properties: { slug: string };
	geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}[];

// A demo coordinator with a patch, and a published group of that patch to suggest a change to.
const coordinator = demoUsers.find((u) => u.email === 'tracey.thwaite@example.org')!;
const patch = patchFeatures.find((f) => f.properties.slug === coordinator.patches[0])!;
const asset = demoAssets.find(
	(a) =>
		a.status === 'published' &&
		a.kind === 'group' &&
		a.point !== undefined &&
		pointInArea(a.point as [number, number], patch.geometry)
)!;
const council = demoUsers.find((u) => u.role === 'council')!;

async function signIn(page: Page, user: { email: string; password: string }, to: string) {
	await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
	await page.getByLabel('Email address').fill(user.email);
	await page.getByLabel('Password').fill(user.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, '\\?')}$`));
}

test('a resident’s change suggestion reaches the public page only once a coordinator approves it', async ({
	browser,
	page
}) => {
	const newDescription = `Now meets on Thursday evenings too. Changed ${Date.now()}.`;
	// The resident, on the entry's page, without signing in.
	const resident = await browser.newPage();
	await resident.goto(`/assets/${idOf(asset.ref)}`);
	await resident.getByLabel('Something has changed or is wrong').check();
	await resident.getByLabel('What has changed?').fill('They meet on Thursday evenings too now.');
	await resident.getByRole('button', { name: 'Send suggestion' }).click();
	await expect(resident.getByTestId('suggestion-sent')).toBeVisible();
	// Not published yet.
	await resident.goto(`/assets/${idOf(asset.ref)}`);
	await expect(resident.getByText(newDescription)).toHaveCount(0);

	// The coordinator of the entry's patch moderates it.
	await signIn(page, coordinator, '/staff');
	await expect(page.getByRole('link', { name: 'Your work' })).toBeVisible();
	await expect(page.getByTestId('open-suggestions')).toContainText('waiting for a decision');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Suggestions from residents' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Suggestions from residents');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: asset.name }).last().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Change suggested to ${asset.name}`
	);
	await expect(page.getByText('They meet on Thursday evenings too now.')).toBeVisible();
	await expectNoAxeViolations(page);

	// Edit then approve; a blank name is refused first, with what was typed kept.
	const form = page.locator('form[action="?/edit"]');
	await form.getByLabel('Description', { exact: true }).fill(newDescription);
	await form.getByLabel('Name', { exact: true }).fill('');
	await form.getByRole('button', { name: 'Approve with these values' }).click();
	await expect(page.locator('.error-summary')).toContainText('Enter the name');
	await expect(form.getByLabel('Description', { exact: true })).toHaveValue(newDescription);
	await expectNoAxeViolations(page);
	await form.getByLabel('Name', { exact: true }).fill(asset.name);
	await form.getByRole('button', { name: 'Approve with these values' }).click();
	await expect(page).toHaveURL(/\/staff\/suggestions\?approved=\d+$/);

	// The public page shows the change, checked today by a coordinator.
	await resident.goto(`/assets/${idOf(asset.ref)}`);
	await expect(resident.getByText(newDescription)).toBeVisible();
	await expect(
		resident.getByText(/Last checked \d+ \w+ \d{4}\s+by a local area coordinator/)
	).toBeVisible();
	await resident.close();
});

test('a coordinator clears a page of their to-check list', async ({ page }) => {
	await signIn(page, coordinator, '/staff/to-check');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entries to check');
	const count = page.getByTestId('to-check-count');
	const total = Number((await count.textContent())!.match(/^([\d,]+)/)![1].replace(/,/g, ''));
	expect(total).toBeGreaterThan(0);
	await expect(page.getByText('Stale', { exact: true }).first()).toBeVisible();
	await expectNoAxeViolations(page);

	// One entry, with its own button: the list is one shorter.
	const firstRow = page.locator('tbody tr').first();
	const firstName = (await firstRow.getByRole('link').textContent())!;
	await firstRow.getByRole('button', { name: /^Still true/ }).click();
	await expect(page.getByTestId('checked-notice')).toHaveText('1 entry recorded as checked today.');
	await expect(
		page.locator('tbody').getByRole('link', { name: firstName, exact: true })
	).toHaveCount(0);

	// The rest of the page, only once the box is ticked.
	await page.getByRole('button', { name: 'Check all on this page' }).click();
	await expect(page.locator('.error-summary')).toContainText('Tick the box to confirm');
	await expectNoAxeViolations(page);
	const onPage = await page.locator('tbody tr').count();
	await page.getByLabel('I have checked every entry on this page').check();
	await page.getByRole('button', { name: 'Check all on this page' }).click();
	await expect(page.getByTestId('checked-notice')).toContainText(
		`${onPage} ${onPage === 1 ? 'entry' : 'entries'}`
	);
	const left = total - 1 - onPage;
	if (left === 0) await expect(page.getByText(/^Nothing to check/)).toBeVisible();
	else
		await expect(count).toContainText(
			`${left.toLocaleString('en-GB')} ${left === 1 ? 'entry' : 'entries'} to check`
		);
});

test('the council’s freshness pages have no accessibility problems', async ({ page }) => {
	await signIn(page, council, '/council');
	await expect(page.getByTestId('last-auto-archive')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Keeping entries fresh' }).click();
	await expect(page.getByLabel('Stale after (months)')).toHaveValue('12');
	await expectNoAxeViolations(page);
	await page.getByLabel('Stale after (months)').fill('5');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.locator('.error-summary')).toContainText('Stale must be more months than due');
	await expectNoAxeViolations(page);
	await page.goto('/council/archived');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Entries archived automatically'
	);
	await expectNoAxeViolations(page);
	await page.goto('/staff/to-check');
	await expect(page.getByLabel('Show entries in')).toBeVisible();
	await expectNoAxeViolations(page);
});
