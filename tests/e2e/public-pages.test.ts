import { isStale } from '../../src/lib/domain/format';
import { londonDate } from '../../src/lib/domain/sessions';
import { pointInArea } from '../../src/lib/domain/point-in-area';
import { demoAssets, demoPatchGeometry, demoPatches, isVisible, visibleAssets } from './demo-data';
import { expect, expectNoAxeViolations, test, waitForMap } from './fixtures';

const publishedAssets = visibleAssets;
// The seeder inserts assets in file order, so an asset's id is its position in assets.json.
const idOf = (ref: string) => demoAssets.findIndex((asset) => asset.ref === ref) + 1;

test.describe('home page', () => {
	test('shows the programme, labelled fictional, its patches and a search box', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Find groups, places and support near you'
		);
		await expect(page.getByText('This is a fictional borough')).toBeVisible();
		for (const patch of demoPatches) {
			await expect(page.getByRole('link', { name: patch.name, exact: true })).toBeVisible();
		}
		await expect(page.getByRole('searchbox', { name: /Search for a group/ })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the search box leads to results', async ({ page }) => {
		// A group checked in the last 12 months (stale entries rank after every fresh one), found by
		// the word of its name that the fewest other names share, so it is on the first page.
		const today = londonDate(new Date());
		const asset = publishedAssets.find(
			(a) => a.kind === 'group' && !isStale(a.lastVerifiedOn, today)
		)!;
		const sharing = (w: string) =>
			publishedAssets.filter((a) => a.name.toLowerCase().includes(w.toLowerCase())).length;
		const word = asset.name
			.split(' ')
			.filter((w) => w.length >= 4)
			.sort((a, b) => sharing(a) - sharing(b))[0];
		await page.goto('/');
		await page.getByRole('searchbox', { name: /Search for a group/ }).fill(word);
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(word)}`));
		await expect(page.getByRole('link', { name: asset.name }).first()).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

test.describe('patch page', () => {
	const patch = demoPatches[0];

	test('lists its assets grouped by kind beside a map that loads', async ({ page }) => {
		await page.goto(`/patches/${patch.slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(patch.name);
		await expect(
			page.getByRole('heading', { level: 2, name: 'Your local area coordinator' })
		).toBeVisible();
		// Each kind folds under its own heading with its count ("Groups (12)").
		const kindHeadings = page.locator('summary h3.kind-heading');
		await expect(kindHeadings.first()).toBeVisible();
		const kinds = (await kindHeadings.allTextContents()).map((kind) =>
			kind.replace(/\s*\(\d+\)\s*$/, '').trim()
		);
		// Community first, services last.
		const order = ['Groups', 'Venues', 'Informal supports', 'Services'];
		expect(kinds.map((kind) => order.indexOf(kind))).toEqual(
			[...kinds.map((kind) => order.indexOf(kind))].sort((a, b) => a - b)
		);
		await waitForMap(page);
		await expectNoAxeViolations(page);
	});
});

test.describe('asset page', () => {
	test('shows every public field and sessions in plain words', async ({ page }) => {
		const asset = publishedAssets.find(
			(a) =>
				a.sessions.some((s) => s.frequency === 'monthly') &&
				a.contacts.some((c) => c.visibility === 'public' && c.kind === 'phone')
		)!;
		await page.goto(`/assets/${idOf(asset.ref)}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(asset.name);
		await expect(page.getByRole('heading', { name: 'When it meets' })).toBeVisible();
		await expect(
			page.getByText(
				/^(First|Second|Third|Fourth|Last) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) of the month, \d\d:\d\d-\d\d:\d\d/
			)
		).toBeVisible();
		const phone = asset.contacts.find((c) => c.visibility === 'public' && c.kind === 'phone')!;
		await expect(page.getByRole('link', { name: phone.value })).toBeVisible();
		await expect(page.getByText(/Last checked|Not checked for over 12 months/)).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('a weekly session reads "Every <day>, HH:MM-HH:MM"', async ({ page }) => {
		const asset = publishedAssets.find((a) => a.sessions.some((s) => s.frequency === 'weekly'))!;
		await page.goto(`/assets/${idOf(asset.ref)}`);
		await expect(
			page
				.getByText(
					/^Every (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d\d:\d\d-\d\d:\d\d/
				)
				.first()
		).toBeVisible();
	});

	test('a stale entry is labelled as not checked for over 12 months', async ({ page }) => {
		// Outside the patch whose to-check list the moderation test clears with "Still true".
		const checkedByModerationTest = demoPatchGeometry('aldermoor-and-starling-bank');
		const asset = publishedAssets.find(
			(a) =>
				a.lastVerifiedOn !== undefined &&
				a.lastVerifiedOn < '2025-11-01' &&
				a.point !== undefined &&
				!pointInArea(a.point, checkedByModerationTest)
		)!;
		await page.goto(`/assets/${idOf(asset.ref)}`);
		await expect(page.getByText('Not checked for over 12 months')).toBeVisible();
	});

	test('a venue lists the groups that meet there', async ({ page }) => {
		const group = publishedAssets.find(
			(a) => a.venueRef && isVisible(demoAssets.find((v) => v.ref === a.venueRef)!)
		)!;
		await page.goto(`/assets/${idOf(group.venueRef!)}`);
		await expect(page.getByRole('heading', { name: 'Groups that meet here' })).toBeVisible();
		await expect(page.getByRole('link', { name: group.name, exact: true })).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

test.describe('not found and bad input', () => {
	test('unknown and malformed addresses are 404 pages', async ({ page }) => {
		for (const path of [
			'/assets/999999',
			'/assets/abc',
			'/assets/1.5',
			'/assets/-1',
			'/assets/0012',
			'/patches/no-such-patch',
			'/patches/%00',
			'/nowhere'
		]) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		}
	});

	test('an unpublished asset is a 404, not a leak', async ({ page }) => {
		const draft = demoAssets.find((a) => a.status === 'draft')!;
		const response = await page.goto(`/assets/${idOf(draft.ref)}`);
		expect(response?.status()).toBe(404);
		await expect(page.getByText(draft.name)).toHaveCount(0);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every patch page renders', async ({ page }) => {
		for (const { slug, name } of demoPatches) {
			await page.goto(`/patches/${slug}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		}
	});

	test('the patch page still lists every asset', async ({ page }) => {
		const patch = demoPatches[0];
		await page.goto(`/patches/${patch.slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(patch.name);
		// The folds open without JavaScript.
		await page
			.locator('summary')
			.filter({ hasText: /^Groups \(\d+\)$/ })
			.click();
		await expect(page.locator('.plain-list li').first()).toBeVisible();
		await expect(page.getByText('Loading map')).toHaveCount(0);
		await expectNoAxeViolations(page, { javaScript: false });
	});

	test('search works as a plain form', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('searchbox', { name: /Search for a group/ }).fill('community');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(/\/search\?q=community/);
		await expect(
			page.getByRole('heading', { level: 2, name: /results? for “community”/ })
		).toBeVisible();
	});
});
