/**
 * Issue 4 pages: the patch page's week ahead, the asset page's small map and suggestion form, "Suggest a
 * group" (errors, a stored suggestion, the honeypot) and the printable sheet.
 */
import Database from 'better-sqlite3';
import { demoAssets, demoPatches, isVisible } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const patch = demoPatches.find((p) => p.status === 'active') ?? demoPatches[0];
// The seeder inserts assets in file order, so an asset's id is its position in assets.json.
const idOf = (ref: string) => demoAssets.findIndex((asset) => asset.ref === ref) + 1;
/** Suggestions stored with this name, read from the test server's database (read-only). */
function storedSuggestions(databasePath: string, name: string): { kind: string; status: string }[] {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare(`SELECT kind, status FROM suggestions WHERE json_extract(details, '$.name') = ?`)
			.all(name) as { kind: string; status: string }[];
	} finally {
		db.close();
	}
}
const venue = demoAssets.find((a) => isVisible(a) && a.kind === 'venue' && a.point)!;

test.describe('patch page', () => {
	test("what's on this week shows dated days with linked sessions", async ({ page }) => {
		await page.goto(`/patches/${patch.slug}`);
		const section = page.getByTestId('whats-on');
		await expect(section.getByRole('heading', { name: "What's on this week" })).toBeVisible();
		const days = section.getByRole('heading', { level: 3 });
		expect(await days.count()).toBeGreaterThan(0);
		// "Tuesday 1 December 2026": a weekday, a day, a month and a year.
		await expect(days.first()).toHaveText(
			/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}$/
		);
		const first = section.getByRole('list').first().getByRole('listitem').first();
		await expect(first).toContainText(/\d\d:\d\d-\d\d:\d\d/);
		await expect(first.getByRole('link')).toHaveAttribute('href', /^\/assets\/\d+$/);

		const week = page.getByTestId('coordinator-week');
		await expect(week.getByRole('link', { name: /^Map of / }).first()).toHaveAttribute(
			'href',
			/^\/assets\/\d+#map$/
		);
		await expect(
			page.getByRole('link', { name: `Printable list of what's on in ${patch.name}` })
		).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

test.describe('asset page', () => {
	test('the small map loads at #map, and the page passes axe', async ({ page }) => {
		await page.goto(`/assets/${idOf(venue.ref)}`);
		const map = page.locator('#map [data-map-loaded="true"]');
		await expect(map).toBeVisible({ timeout: 30_000 });
		await expect(
			map.getByRole('region', { name: `Map showing where ${venue.name} is` })
		).toBeVisible();
		await expect(map.locator('.leaflet-control-scale')).toContainText(/\d+ (m|km)/);
		await expectNoAxeViolations(page);
	});

	test('a change suggestion needs details, then is sent', async ({ page }) => {
		await page.goto(`/assets/${idOf(venue.ref)}`);
		const form = page.getByRole('form', { name: 'Suggest a change or report it has closed' });
		await form.getByLabel('Something has changed or is wrong').check();
		await form.getByRole('button', { name: 'Send suggestion' }).click();
		await expect(page).toHaveURL(new RegExp(`/assets/${idOf(venue.ref)}/suggest$`));
		await expect(page.locator('#details-error')).toHaveText(/Enter what has changed/);
		await expectNoAxeViolations(page);
		await page.getByLabel('What has changed?').fill('It now opens on Sundays too');
		await page.getByRole('button', { name: 'Send suggestion' }).click();
		await expect(
			page.getByRole('heading', { name: 'Thank you: your suggestion has been sent' })
		).toBeVisible();
	});
});

test.describe('suggest a group', () => {
	test('shows each error next to its field and in the summary', async ({ page }) => {
		await page.goto('/suggest');
		await page.getByLabel('Your email address').fill('not-an-email');
		await page.getByRole('button', { name: 'Send suggestion' }).click();
		const summary = page.getByRole('alert');
		await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
		await expect(
			summary.getByRole('link', { name: 'Enter the name of the group' })
		).toHaveAttribute('href', '#name');
		await expect(page.locator('#name-error')).toContainText('Enter the name of the group');
		await expect(page.locator('#category-error')).toContainText('Choose a category');
		await expect(page.locator('#kind-error')).toContainText('Choose what kind of thing it is');
		await expect(page.locator('#submitterEmail-error')).toContainText('correct format');
		// What was typed is kept.
		await expect(page.getByLabel('Your email address')).toHaveValue('not-an-email');
		await expect(page).toHaveTitle(/^Error: /);
		await expectNoAxeViolations(page);
	});

	test('a valid suggestion is sent and its name echoed as text', async ({ page, databasePath }) => {
		const name = `<b>Bold</b> Knit & Natter ${Date.now()}`;
		await page.goto('/suggest');
		await page.getByLabel('Name of the group').fill(name);
		await page.getByLabel('What it is').fill('Knitting and a chat');
		await page.getByLabel('When and where it meets').fill('Tuesdays 10 to 12 at the library');
		await page
			.getByLabel('What is it mainly about?')
			.selectOption({ label: 'Coffee mornings and chat' });
		await page.getByLabel('Group', { exact: true }).check();
		await page.getByRole('button', { name: 'Send suggestion' }).click();
		const sent = page.getByTestId('suggestion-sent');
		await expect(sent).toContainText(`“${name}”`);
		await expect(sent.locator('b')).toHaveCount(0);
		expect(storedSuggestions(databasePath, name)).toEqual([{ kind: 'new', status: 'open' }]);
		await expectNoAxeViolations(page);
	});

	test('what is typed before the scripts arrive (a slow phone) is kept as the page hydrates', async ({
		page
	}) => {
		// Hold the scripts back, type into the long fields, then let them run.
		await page.route('**/_app/immutable/**', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			await route.continue();
		});
		await page.goto('/suggest', { waitUntil: 'commit' });
		await page.getByLabel('What it is').fill('Typed early');
		await page.getByLabel('When and where it meets').fill('Mondays');
		await page.waitForLoadState('networkidle');
		await expect(page.getByLabel('What it is')).toHaveValue('Typed early');
		await expect(page.getByLabel('When and where it meets')).toHaveValue('Mondays');
	});

	test('a filled honeypot gets the same thanks', async ({ page, databasePath }) => {
		await page.goto('/suggest');
		const honeypot = page.locator('input[name="website_url"]');
		await expect(honeypot).toHaveAttribute('tabindex', '-1');
		await expect(honeypot).not.toBeInViewport();
		await page.getByLabel('Name of the group').fill('Spam group');
		await page.getByLabel('What it is').fill('Buy things');
		await page.getByLabel('When and where it meets').fill('Always');
		await page.getByLabel('What is it mainly about?').selectOption({ index: 1 });
		await page.getByLabel('Group', { exact: true }).check();
		await honeypot.fill('http://spam.example', { force: true });
		await page.getByRole('button', { name: 'Send suggestion' }).click();
		await expect(page.getByTestId('suggestion-sent')).toContainText('Spam group');
		expect(storedSuggestions(databasePath, 'Spam group')).toEqual([]);
	});
});

test.describe('printable sheet', () => {
	test('renders for print with categories and the coordinator, and passes axe', async ({
		page
	}) => {
		await page.goto(`/patches/${patch.slug}/print`);
		await expect(page.getByRole('button', { name: 'Print this page' })).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		await expect(
			page.getByRole('heading', { level: 1, name: `What's on in ${patch.name}` })
		).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Your local area coordinator' })).toBeVisible();
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
		expect(await page.locator('.category h2').count()).toBeGreaterThan(0);
		await page.screenshot({ path: 'test-results/print-sheet.png', fullPage: true });
		await expectNoAxeViolations(page);
	});

	test('without JavaScript it tells people to use the browser’s print', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`/patches/${patch.slug}/print`);
		await expect(page.getByText("use your browser's Print command")).toBeVisible();
		await expectNoAxeViolations(page, { javaScript: false });
		await context.close();
	});
});
