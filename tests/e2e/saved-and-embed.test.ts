/**
 * Issue 15: a resident's saved list (Save on an entry's page, /saved, the shared link) on a 390-px
 * phone, and the embeddable "What's on" widget: its headers (no cookie, any site may frame it), its
 * list against the patch page's, framed by another site, and axe on both pages.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoAssets, demoPatches, isVisible } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const PHONE = { width: 390, height: 844 };
// The seeder inserts assets in file order, so an asset's id is its position in assets.json.
const groupIndex = demoAssets.findIndex(
	(asset) => isVisible(asset) && asset.kind === 'group' && asset.sessions.length > 0
);
const group = demoAssets[groupIndex];
const groupId = groupIndex + 1;
const patch = demoPatches.find((p) => p.status === 'active')!;

test('save an entry on a phone, see it on /saved, and share it as a link to keep', async ({
	page,
	browser,
	baseURL
}) => {
	await page.setViewportSize(PHONE);
	await page.goto(`/assets/${groupId}`);
	await page.getByTestId(`save-${groupId}`).getByRole('button', { name: /^Save/ }).click();
	const status = page.getByTestId(`save-${groupId}`).getByRole('status');
	await expect(status).toHaveText('Saved. See your saved list');
	await expect(page.getByTestId('saved-nav')).toHaveText('Saved (1)');
	await status.getByRole('link').click();

	// The browser's list becomes the shareable address.
	await expect(page).toHaveURL(`/saved?ids=${groupId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your saved list');
	await expect(page.getByRole('heading', { level: 2, name: group.name })).toBeVisible();
	const shareLink = page.getByTestId('share-link');
	await expect(shareLink).toHaveText(`${baseURL}/saved?ids=${groupId}`);
	await expectNoAxeViolations(page);

	// Someone else opens the link: the entry, and an offer to keep it.
	const other = await browser.newContext({ baseURL, viewport: PHONE });
	const theirs = await other.newPage();
	await theirs.goto(`/saved?ids=${groupId}`);
	await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('A list shared with you');
	await expect(theirs.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
	await theirs.getByRole('button', { name: 'Keep these in my saved list' }).click();
	await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('Your saved list');
	await expect(theirs.getByRole('status').first()).toHaveText('Added to your saved list.');
	expect(await theirs.evaluate(() => localStorage.getItem('patchwork-saved'))).toBe(`[${groupId}]`);
	await other.close();

	// Removing it empties the list and the address.
	await page.getByRole('button', { name: `Remove ${group.name}` }).click();
	await expect(page.getByText('You have not saved anything yet.')).toBeVisible();
	await expect(page).toHaveURL('/saved');
	await expect(page.getByTestId('saved-nav')).toHaveCount(0);
});

test('the What’s on widget: no cookie, framed by any site, lists the patch page’s sessions', async ({
	page,
	request,
	baseURL
}) => {
	const path = `/embed/patches/${patch.slug}`;
	const response = await request.get(path);
	expect(response.status()).toBe(200);
	const headers = response.headers();
	expect(headers['set-cookie']).toBeUndefined();
	expect(headers['x-frame-options']).toBeUndefined();
	expect(headers['content-security-policy']).toContain('frame-ancestors *');
	expect(headers['content-security-policy']).not.toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	// Every other page still refuses to be framed.
	const patchHeaders = (await request.get(`/patches/${patch.slug}`)).headers();
	expect(patchHeaders['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(patchHeaders['x-frame-options']).toBe('DENY');

	/** Each listed meeting as "time link": the same on the widget as on the patch page. */
	const meetings = (url: string) =>
		page.goto(url).then(() =>
			page
				.getByTestId('whats-on')
				.locator('li')
				.evaluateAll((items) =>
					items.map(
						(li) =>
							`${li.querySelector('.time')?.textContent} ${li.querySelector('a')?.getAttribute('href')}`
					)
				)
		);
	const onPatchPage = await meetings(`/patches/${patch.slug}`);
	expect(onPatchPage.length).toBeGreaterThan(0);
	await page.setViewportSize(PHONE);
	expect(await meetings(path)).toEqual(onPatchPage);
	await expect(page.locator('script')).toHaveCount(0);
	await expect(page.getByRole('link', { name: /opens in a new tab/ }).first()).toHaveAttribute(
		'target',
		'_blank'
	);
	await expectNoAxeViolations(page);

	// On a parish's website, in a frame: a page of another origin, served here on a port of its own
	// (a real local address: Chromium blocks a page it takes to be public from framing localhost).
	const parish = http.createServer((_request, response) => {
		response.writeHead(200, { 'Content-Type': 'text/html' });
		response.end(
			`<!doctype html><html lang="en"><title>Parish</title><iframe src="${baseURL}/cy${path}" title="Beth sydd ymlaen"></iframe>`
		);
	});
	await new Promise<void>((resolve) => parish.listen(0, '127.0.0.1', resolve));
	try {
		await page.goto(`http://127.0.0.1:${(parish.address() as AddressInfo).port}/`);
		await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toContainText(
			'Beth sydd ymlaen'
		);
	} finally {
		parish.close();
	}
});
