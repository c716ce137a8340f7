/**
 * The entry editor in a browser: a coordinator signs in and adds a group with a session and a
 * coordinators-only contact in their patch without JavaScript (adding a row by the button), sees it as
 * a draft only they can see, publishes it and finds it on the public pages without the private
 * contact; another coordinator gets 403. With JavaScript: the map picks a point, two people edit at
 * once and the second sees the conflict. axe checks the editor empty, with errors and in conflict;
 * screenshots at desktop and 390 px go to test-results/screenshots.
 * The entry is archived at the end, so later test files see the demo borough as it was.
 */
import type { Browser, Page } from '@playwright/test';
import { pointInArea } from '../../src/lib/domain/point-in-area';
import { demoAssets, demoPatchGeometry, demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const tracey = demoUsers.find((user) => user.email === 'tracey.thwaite@example.org')!;
const patchSlug = tracey.patches[0];
const other = demoUsers.find(
	(user) => user.role === 'coordinator' && user.patches.length && !user.patches.includes(patchSlug)
)!;
const council = demoUsers.find((user) => user.role === 'council')!;

const boundary = demoPatchGeometry(patchSlug);
/** A published venue inside Tracey's patch: its point is where the new group meets. */
const venue = demoAssets.find(
	(asset) =>
		asset.kind === 'venue' &&
		asset.status === 'published' &&
		asset.point &&
		pointInArea(asset.point, boundary)
)!;

const stamp = Date.now();
const groupName = `Editor test walking group ${stamp}`;
const privateEmail = `walk.leader.${stamp}@example.org`;
let entryPath = '';

async function signIn(page: Page, user: { email: string; password: string }) {
	await page.getByLabel('Email address').fill(user.email);
	await page.getByLabel('Password').fill(user.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

async function screenshot(page: Page, name: string) {
	for (const [label, width] of [
		['desktop', 1280],
		['390', 390]
	] as const) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({
			path: `test-results/screenshots/${name}-${label}.png`,
			fullPage: true
		});
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function signedIn(browser: Browser, user: { email: string; password: string }, path: string) {
	const context = await browser.newContext({ locale: 'en-GB' });
	const page = await context.newPage();
	await page.goto(path);
	await signIn(page, user);
	await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
	return { context, page };
}

// British English browsers: dates as dd/mm/yyyy and times on the 24-hour clock, as the hints say.
test.use({ locale: 'en-GB' });

test.describe.serial('the entry editor', () => {
	test('a coordinator adds a group without JavaScript, publishes it, and it shows publicly', async ({
		browser
	}) => {
		test.setTimeout(180_000);
		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
		const page = await context.newPage();

		await page.goto('/entries/new');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fentries%2Fnew/);
		await signIn(page, tracey);
		await expect(page).toHaveURL(/\/entries\/new$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add an entry');
		await expect(page.getByRole('link', { name: 'Add an entry' })).toBeVisible();
		await expectNoAxeViolations(page, { javaScript: false });
		await screenshot(page, 'editor-empty');

		// Saving nothing: every problem in the summary, each linked to its field.
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		const summary = page.locator('.error-summary');
		await expect(summary).toContainText('Enter the name in English');
		await expect(
			summary.getByRole('link', { name: 'Choose at least one category' })
		).toHaveAttribute('href', '#categories');
		await expect(page).toHaveTitle(/^Error: /);
		await expectNoAxeViolations(page, { javaScript: false });
		await screenshot(page, 'editor-errors');

		await page.getByLabel('Group', { exact: true }).check();
		await page.getByLabel('Name in English').fill(groupName);
		await page.getByLabel('Description in English').fill('A gentle walk, then tea.');
		await page.getByLabel('Walking and outdoors').check();
		await page.getByLabel('At the latitude and longitude below').check();
		await page.getByLabel('Latitude', { exact: true }).fill(String(venue.point![1]));
		await page.getByLabel('Longitude', { exact: true }).fill(String(venue.point![0]));
		await page.getByLabel('Venue it meets at (optional)').selectOption({ label: venue.name });
		const session = page.getByRole('group', { name: 'Session 1' });
		await session.getByLabel('Day').selectOption({ label: 'Tuesday' });
		await session.getByLabel('Starts').fill('10:00');
		await session.getByLabel('Ends').fill('09:00');

		// One more session row, without JavaScript: the form comes back with everything kept.
		await page.getByRole('button', { name: 'Add another session' }).click();
		await expect(page.getByRole('group', { name: 'Session 2' })).toBeVisible();
		await expect(page.getByLabel('Name in English')).toHaveValue(groupName);
		await expect(page.getByRole('group', { name: 'Session 1' }).getByLabel('Ends')).toHaveValue(
			'09:00'
		);

		// The end before the start is refused, naming the session.
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.locator('.error-summary')).toContainText(
			'Enter an end time later than the start time for session 1'
		);
		await page.getByRole('group', { name: 'Session 1' }).getByLabel('Ends').fill('11:30');
		const contact = page.getByRole('group', { name: 'Contact 1' });
		await contact.getByLabel('Kind').selectOption({ label: 'Email address' });
		await contact.getByLabel('Phone number, email address, website or name').fill(privateEmail);
		await expect(contact.getByLabel('Coordinators only')).toBeChecked();
		await expect(page.getByLabel('Draft', { exact: true })).toBeChecked();
		await page.getByRole('button', { name: 'Save', exact: true }).click();

		await expect(page).toHaveURL(/\/entries\/\d+\/edit\?done=created$/);
		await expect(page.getByTestId('done')).toHaveText('Entry added.');
		entryPath = new URL(page.url()).pathname;
		const assetPath = entryPath.replace(/^\/entries\/(\d+)\/edit$/, '/assets/$1');

		// Its page: a draft, shown to its coordinator, marked; the private contact marked too.
		await page.goto(assetPath);
		const banner = page.getByTestId('staff-banner');
		await expect(banner).toContainText('Draft: not shown to the public');
		await expect(page.getByText(privateEmail)).toBeVisible();
		await expect(page.getByText('Coordinators only')).toBeVisible();
		await expectNoAxeViolations(page, { javaScript: false });
		await screenshot(page, 'asset-draft-signed-in');

		// A visitor gets nothing at all.
		const visitor = await browser.newContext();
		const visitorPage = await visitor.newPage();
		expect((await visitorPage.goto(assetPath))!.status()).toBe(404);

		// Published from the banner, as saved.
		await banner.getByRole('button', { name: 'Publish' }).click();
		await expect(page).toHaveURL(/\?done=published$/);

		// Now public: the session shows, the private contact never does.
		await visitorPage.goto(assetPath);
		await expect(visitorPage.getByRole('heading', { level: 1 })).toHaveText(groupName);
		await expect(visitorPage.getByText('Every Tuesday, 10:00-11:30')).toBeVisible();
		expect(await visitorPage.content()).not.toContain(privateEmail);
		await expect(visitorPage.getByTestId('staff-banner')).toHaveCount(0);
		await visitorPage.goto(`/patches/${patchSlug}`);
		await visitorPage
			.locator('summary')
			.filter({ hasText: /^Groups \(\d+\)$/ })
			.click();
		await expect(visitorPage.getByRole('heading', { level: 3, name: groupName })).toBeVisible();
		await expect(visitorPage.locator('a[href^="/entries/"]')).toHaveCount(0);

		// Its coordinator sees an Edit link beside it on the patch page, in the Groups fold.
		await page.goto(`/patches/${patchSlug}`);
		await page
			.locator('summary')
			.filter({ hasText: /^Groups \(\d+\)$/ })
			.click();
		await expect(page.getByRole('link', { name: `Edit ${groupName}` })).toHaveAttribute(
			'href',
			entryPath
		);
		// And, below the list, the patch's drafts and private entries, marked, that visitors never see.
		const hidden = page.getByRole('region', { name: 'Not shown to the public' });
		await expect(hidden.getByText('Draft: not shown to the public').first()).toBeVisible();
		await expectNoAxeViolations(page, { javaScript: false });
		await screenshot(page, 'patch-signed-in');

		// Another patch's coordinator may not edit it.
		const otherContext = await browser.newContext();
		const otherPage = await otherContext.newPage();
		await otherPage.goto('/login');
		await signIn(otherPage, other);
		await expect(otherPage).toHaveURL(/\/account$/);
		expect((await otherPage.goto(entryPath))!.status()).toBe(403);
		await otherPage.goto(assetPath);
		await expect(otherPage.getByTestId('staff-banner')).toHaveCount(0);

		await Promise.all([context.close(), visitor.close(), otherContext.close()]);
	});

	test('with JavaScript: the map picks a point, and a second editor sees the conflict', async ({
		browser,
		page
	}) => {
		test.setTimeout(180_000);
		expect(entryPath).not.toBe('');

		// The map on a new entry: selecting it puts the point there and chooses "on the map".
		await page.goto('/entries/new');
		await signIn(page, tracey);
		await expect(page).toHaveURL(/\/entries\/new$/);
		const map = page.locator('#map [data-map-loaded="true"]');
		await expect(map).toBeVisible({ timeout: 30_000 });
		await map.getByRole('region', { name: 'Map to select where it is' }).click();
		await expect(page.getByLabel('Where I select on the map')).toBeChecked();
		await expect(page.locator('input[name="mapLat"]')).toHaveValue(/^\d+\.\d+$/);
		await expect(
			page.getByRole('status').filter({ hasText: /^Point set: latitude/ })
		).toBeVisible();
		await expectNoAxeViolations(page);

		// Fields that do not apply are hidden as the kind changes: consent only for a person.
		const consent = page.getByRole('region', { name: 'Consent (informal supports only)' });
		await expect(consent).toBeHidden();
		await page.getByLabel('Informal support', { exact: true }).check();
		await expect(consent).toBeVisible();
		await expect(page.getByText('Who provides the service')).toBeHidden();
		await page.getByLabel('Service', { exact: true }).check();
		await expect(consent).toBeHidden();
		await expect(page.getByText('Who provides the service')).toBeVisible();

		// An informal support's editor links to removing the person's data.
		const person = demoAssets.findIndex(
			(asset) =>
				asset.kind === 'informal_support' && asset.point && pointInArea(asset.point, boundary)
		);
		await page.goto(`/entries/${person + 1}/edit`);
		await expect(page.getByRole('link', { name: "Remove this person's data" })).toHaveAttribute(
			'href',
			`/entries/${person + 1}/erase`
		);

		// Tracey opens the entry; the programme lead opens it too and saves first.
		await page.goto(entryPath);
		const lead = await signedIn(browser, council, entryPath);
		await lead.page.getByLabel('Cost details (optional)').fill('Bring a flask');
		await lead.page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(lead.page.getByTestId('done')).toContainText('Changes saved');

		await page.getByLabel('Description in English').fill('A gentle walk, then tea and cake.');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		const conflict = page.getByTestId('conflict');
		await expect(conflict).toContainText('Someone else changed this entry');
		await expect(conflict).toContainText('Programme lead (demo)');
		await expect(conflict).toContainText('Bring a flask');
		await expect(page.getByLabel('Description in English')).toHaveValue(
			'A gentle walk, then tea and cake.'
		);
		await expect(page.getByLabel('Cost details (optional)')).toHaveValue('Bring a flask');
		await expectNoAxeViolations(page);
		await screenshot(page, 'editor-conflict');

		// The second try goes through with both changes.
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByTestId('done')).toContainText('Changes saved');
		await expect(page.getByLabel('Cost details (optional)')).toHaveValue('Bring a flask');
		await expect(page.getByLabel('Description in English')).toHaveValue(
			'A gentle walk, then tea and cake.'
		);

		// Archived again, so the demo borough is as it was for the test files after this one.
		await page.getByRole('button', { name: 'Archive', exact: true }).click();
		await expect(page.getByTestId('done')).toContainText('Entry archived');
		await lead.context.close();
	});
});
