import { formatDate, isStale } from '../../src/lib/domain/format';
import { londonDate } from '../../src/lib/domain/sessions';
import { demoAssets, demoUsers, isVisible } from './demo-data';
import { expect, test } from './fixtures';

/** Asset ids follow the demo file's order (the seed inserts them in that order). */
const idOf = (ref: string) => demoAssets.findIndex((asset) => asset.ref === ref) + 1;
const today = londonDate(new Date());
/**
 * A published entry with a Welsh name, checked by a coordinator in the last 12 months, so its page
 * shows the date and who checked it.
 */
const welshAsset = demoAssets.find(
	(asset) =>
		isVisible(asset) &&
		asset.nameCy &&
		asset.nameCy !== asset.name &&
		asset.lastVerifiedOn &&
		!isStale(asset.lastVerifiedOn, today) &&
		demoUsers.some((user) => user.email === asset.lastVerifiedBy && user.role === 'coordinator')
)!;

test.describe('Welsh pages', () => {
	test('/cy is the home page in Welsh, with lang="cy" and Welsh headings and links', async ({
		page
	}) => {
		await page.goto('/cy');
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Dod o hyd i grwpiau, lleoedd a chymorth yn agos atoch chi'
		);
		await expect(page.getByRole('heading', { level: 2, name: 'Cymdogaethau' })).toBeVisible();
		const nav = page.getByRole('navigation');
		await expect(nav.getByRole('link', { name: 'Hafan' })).toHaveAttribute('href', '/cy/');
		await expect(nav.getByRole('link', { name: 'Chwilio' })).toHaveAttribute('href', '/cy/search');
		// The search form on a Welsh page leads to the Welsh search page.
		await expect(page.locator('form[role="search"]')).toHaveAttribute('action', '/cy/search');
	});

	test('English pages keep lang="en" and offer Cymraeg', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const toWelsh = page.getByTestId('language-switch');
		await expect(toWelsh).toHaveText('Cymraeg');
		await expect(toWelsh).toHaveAttribute('lang', 'cy');
		await expect(toWelsh).toHaveAttribute('href', '/cy/');
	});

	test('the language switch keeps the path and the query string, both ways', async ({ page }) => {
		await page.goto('/search?q=walk');
		await page.getByTestId('language-switch').click();
		await expect(page).toHaveURL(/\/cy\/search\?q=walk$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		const toEnglish = page.getByTestId('language-switch');
		await expect(toEnglish).toHaveText('English');
		await expect(toEnglish).toHaveAttribute('lang', 'en');
		await toEnglish.click();
		await expect(page).toHaveURL(/\/search\?q=walk$/);
		expect(new URL(page.url()).pathname).toBe('/search');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});

	test('an asset page in Welsh shows the Welsh name, description and dates', async ({ page }) => {
		expect(welshAsset, 'a published demo entry with a Welsh name').toBeTruthy();
		await page.goto(`/cy/assets/${idOf(welshAsset.ref)}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(welshAsset.nameCy!);
		if (welshAsset.descriptionCy)
			await expect(page.getByText(welshAsset.descriptionCy.split('\n')[0])).toBeVisible();
		// "Gwiriwyd ddiwethaf ar 23 Mai 2026 gan gydlynydd ardal leol.": the date with its Welsh month
		// name, and the role with the soft mutation "gan" causes.
		await expect(
			page.getByText(
				`Gwiriwyd ddiwethaf ar ${formatDate(welshAsset.lastVerifiedOn!, 'cy')} gan gydlynydd ardal leol.`
			)
		).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: 'Manylion' })).toBeVisible();
	});

	test('an English name on a Welsh page is marked lang="en"', async ({ page }) => {
		const englishOnly = demoAssets.find((a) => isVisible(a) && !a.nameCy)!;
		expect(englishOnly, 'a published demo entry without a Welsh name').toBeTruthy();
		await page.goto(`/cy/assets/${idOf(englishOnly.ref)}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(englishOnly.name);
	});
});
