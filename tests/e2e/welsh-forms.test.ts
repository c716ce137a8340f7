/**
 * The residents' suggestion forms in Welsh: "Awgrymu grŵp" at /cy/suggest and the change form of a
 * Welsh asset page, each with JavaScript on and off: Welsh labels, Welsh errors next to the fields and
 * in the summary, what was typed kept, a Welsh thank-you, every answer under /cy, axe on each state.
 *
 * The rate limit (5 suggestions per address per hour) is kept in the server's memory, and every
 * browser test comes from the same address. A worker's server may already have taken 4 of the 5 for
 * other files (asset-and-patch: a change, a group and a honeypot; privacy: a group), so this file
 * starts its own server from the same build, on its own port and a fresh database: its own count,
 * which the last test here then uses up on purpose to see the Welsh "too many" message.
 */
import Database from 'better-sqlite3';
import type { Browser } from '@playwright/test';
import { demoAssets, isVisible } from './demo-data';
import { collectPageErrors, expect, expectNoAxeViolations, test } from './fixtures';
import { startTestServer, type TestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 100;
const ORIGIN = `http://localhost:${PORT}`;
const DATABASE_PATH = 'test-results/welsh-forms.db';

/** Asset ids follow the demo file's order (the seed inserts them in that order). */
const idOf = (ref: string) => demoAssets.findIndex((asset) => asset.ref === ref) + 1;
const welshAsset = demoAssets.find((a) => isVisible(a) && a.nameCy && a.nameCy !== a.name)!;
const englishOnlyAsset = demoAssets.find((a) => isVisible(a) && !a.nameCy)!;

let server: TestServer | undefined;

test.beforeAll(async () => {
	server = await startTestServer(PORT, DATABASE_PATH);
});

test.afterAll(async () => {
	await server?.stop();
});

test.use({ baseURL: ORIGIN });

/** A page on this file's server, collecting page errors and console errors as the fixtures do. */
async function openPage(browser: Browser, javaScript: boolean) {
	const context = await browser.newContext({ baseURL: ORIGIN, javaScriptEnabled: javaScript });
	const page = await context.newPage();
	const errors = collectPageErrors(page);
	return {
		page,
		async close() {
			await context.close();
			expect(errors, 'console errors and page errors').toEqual([]);
		}
	};
}

function readSuggestions(where: string, value: string | number) {
	const db = new Database(DATABASE_PATH, { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare(`SELECT kind, asset_id AS assetId, details FROM suggestions WHERE ${where} = ?`)
			.all(value)
			.map((row) => {
				const { details, ...rest } = row as { kind: string; assetId: number; details: string };
				return { ...rest, details: JSON.parse(details) };
			});
	} finally {
		db.close();
	}
}

const mode = (javaScript: boolean) => `JavaScript ${javaScript ? 'on' : 'off'}`;

for (const javaScript of [true, false]) {
	test(`/cy/suggest: Welsh form, Welsh errors, values kept, Welsh thank-you (${mode(javaScript)})`, async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const { page, close } = await openPage(browser, javaScript);
		await page.goto('/cy/suggest');
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page).toHaveTitle('Awgrymu grŵp – Patchwork');
		await expect(page.locator('meta[name="description"]')).toHaveAttribute(
			'content',
			/^Dywedwch wrth gydlynydd ardal leol/
		);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Awgrymu grŵp');
		const category = page.getByLabel('Beth yw ei brif bwnc?');
		await expect(category.locator('option').first()).toHaveText('Dewiswch gategori');
		await expect(category.locator('optgroup').first()).toHaveAttribute(
			'label',
			'Cymdeithasu a chyfeillgarwch'
		);
		await expect(
			category.getByRole('option', { name: 'Cymdeithasu a chyfeillgarwch (cyffredinol)' })
		).toHaveCount(1);
		await expect(page.getByRole('group', { name: 'Pa fath o beth ydyw?' })).toBeVisible();
		for (const kind of ['Grŵp', 'Lleoliad', 'Cymorth anffurfiol', 'Gwasanaeth'])
			await expect(page.getByLabel(kind, { exact: true })).toHaveAttribute('type', 'radio');
		await expect(page.getByRole('group', { name: 'Eich manylion (dewisol)' })).toBeVisible();
		await expect(page.getByText('Gadewch hwn yn wag')).toBeAttached();
		// Staff pages stay English, and the sign-in link says so by leaving /cy.
		await expect(
			page.getByRole('navigation').getByRole('link', { name: 'Mewngofnodi' })
		).toHaveAttribute('href', '/login');
		await expectNoAxeViolations(page, { javaScript });

		// Sent empty but for two fields: a Welsh error for each, and what was typed kept.
		await page.getByLabel("Pryd a ble mae'n cyfarfod").fill('Bob dydd Llun yn y neuadd');
		await page.getByLabel('Eich cyfeiriad e-bost').fill('dim-e-bost');
		await page.getByRole('button', { name: 'Anfon awgrym' }).click();
		await expect(page).toHaveURL(/\/cy\/suggest$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page).toHaveTitle('Gwall: Awgrymu grŵp – Patchwork');
		const summary = page.locator('.error-summary');
		await expect(summary.getByRole('heading', { name: 'Mae problem' })).toBeVisible();
		await expect(summary.getByRole('link')).toHaveText([
			"Rhowch enw'r grŵp",
			"Dywedwch beth mae'r grŵp yn ei wneud",
			"Dewiswch gategori o'r rhestr",
			'Dewiswch pa fath o beth ydyw',
			'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com'
		]);
		await expect(summary.getByRole('link', { name: "Rhowch enw'r grŵp" })).toHaveAttribute(
			'href',
			'#name'
		);
		if (javaScript) await expect(summary).toBeFocused();
		await expect(page.locator('#name-error')).toHaveText(/^\s*Gwall:\s+Rhowch enw'r grŵp\s*$/);
		await expect(page.locator('#description-error')).toContainText(
			"Dywedwch beth mae'r grŵp yn ei wneud"
		);
		await expect(page.locator('#category-error')).toContainText("Dewiswch gategori o'r rhestr");
		await expect(page.locator('#kind-error')).toContainText('Dewiswch pa fath o beth ydyw');
		await expect(page.locator('#submitterEmail-error')).toContainText('yn y fformat cywir');
		await expect(page.locator('#whenWhere-error')).toHaveCount(0);
		await expect(page.getByLabel("Enw'r grŵp")).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel("Pryd a ble mae'n cyfarfod")).toHaveValue(
			'Bob dydd Llun yn y neuadd'
		);
		await expect(page.getByLabel('Eich cyfeiriad e-bost')).toHaveValue('dim-e-bost');
		await expectNoAxeViolations(page, { javaScript });

		// A valid suggestion: the Welsh thank-you echoes the name as text, and links stay in Welsh.
		const name = `<i>Clwb</i> Gwau a Sgwrs ${mode(javaScript)} ${Date.now()}`;
		await page.getByLabel("Enw'r grŵp").fill(name);
		await page.getByLabel('Beth ydyw', { exact: true }).fill('Gwau a sgwrsio dros baned');
		await category.selectOption({ label: 'Boreau coffi a sgwrs' });
		await page.getByLabel('Grŵp', { exact: true }).check();
		await page.getByLabel('Eich cyfeiriad e-bost').fill('');
		await page.getByRole('button', { name: 'Anfon awgrym' }).click();
		await expect(page).toHaveURL(/\/cy\/suggest$/);
		const sent = page.getByTestId('suggestion-sent');
		await expect(sent.getByRole('heading', { level: 1 })).toHaveText(
			"Diolch: mae eich awgrym wedi'i anfon"
		);
		await expect(sent).toContainText(
			`Bydd cydlynydd ardal leol yn gwirio “${name}” cyn iddo gael ei ychwanegu at y wefan.`
		);
		await expect(sent.locator('i')).toHaveCount(0);
		await expect(page).toHaveTitle("Diolch: mae eich awgrym wedi'i anfon – Patchwork");
		await expect(page.getByRole('link', { name: 'Awgrymu grŵp arall' })).toHaveAttribute(
			'href',
			'/cy/suggest'
		);
		await expect(page.getByRole('link', { name: "Yn ôl i'r hafan" })).toHaveAttribute(
			'href',
			'/cy/'
		);
		expect(readSuggestions(`json_extract(details, '$.name')`, name)).toEqual([
			{
				kind: 'new',
				assetId: null,
				details: {
					name,
					description: 'Gwau a sgwrsio dros baned',
					whenWhere: 'Bob dydd Llun yn y neuadd',
					contact: null,
					category: 'coffee-and-chat',
					kind: 'group'
				}
			}
		]);
		await expectNoAxeViolations(page, { javaScript });
		await close();
	});

	test(`the change form of /cy/assets/N posts to /cy, with Welsh errors and thanks (${mode(javaScript)})`, async ({
		browser
	}) => {
		test.setTimeout(120_000);
		expect(welshAsset, 'a published demo entry with a Welsh name').toBeTruthy();
		const id = idOf(welshAsset.ref);
		const before = readSuggestions('asset_id', id).length;
		const { page, close } = await openPage(browser, javaScript);
		await page.goto(`/cy/assets/${id}`);
		const form = page.getByRole('form', { name: 'Awgrymu newid neu roi gwybod ei fod wedi cau' });
		await expect(form).toHaveAttribute('action', `/cy/assets/${id}/suggest`);
		await expect(form.getByText(`ar gyfer ${welshAsset.nameCy}.`)).toBeVisible();
		await expectNoAxeViolations(page, { javaScript });

		// "Something has changed" with nothing said about it.
		await form.getByLabel("Mae rhywbeth wedi newid neu'n anghywir").check();
		await form.getByRole('button', { name: 'Anfon awgrym' }).click();
		await expect(page).toHaveURL(new RegExp(`/cy/assets/${id}/suggest$`));
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page).toHaveTitle(
			`Gwall: Awgrymu newid ar gyfer ${welshAsset.nameCy} – Patchwork`
		);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Awgrymu newid ar gyfer ${welshAsset.nameCy}`
		);
		const summary = page.locator('.error-summary');
		await expect(summary.getByRole('heading', { name: 'Mae problem' })).toBeVisible();
		await expect(summary.getByRole('link')).toHaveText(['Dywedwch beth sydd wedi newid']);
		await expect(page.locator('#details-error')).toHaveText(
			/^\s*Gwall:\s+Dywedwch beth sydd wedi newid\s*$/
		);
		await expect(page.getByLabel("Mae rhywbeth wedi newid neu'n anghywir")).toBeChecked();
		await expect(
			page.getByRole('link', { name: `Yn ôl i dudalen ${welshAsset.nameCy}` })
		).toHaveAttribute('href', `/cy/assets/${id}`);
		// The form sent back with its errors still posts to the Welsh page.
		await expect(page.locator('form[method="POST"]')).toHaveAttribute(
			'action',
			`/cy/assets/${id}/suggest`
		);
		await expectNoAxeViolations(page, { javaScript });

		await page.getByLabel('Beth sydd wedi newid?').fill('Mae bellach ar agor ar ddydd Sul hefyd');
		await page.getByRole('button', { name: 'Anfon awgrym' }).click();
		await expect(page).toHaveURL(new RegExp(`/cy/assets/${id}/suggest$`));
		const sent = page.getByTestId('suggestion-sent');
		await expect(sent.getByRole('heading', { level: 1 })).toHaveText(
			"Diolch: mae eich awgrym wedi'i anfon"
		);
		await expect(sent).toContainText(
			`Bydd cydlynydd ardal leol yn gwirio'r hyn a ddywedoch wrthym ynghylch ${welshAsset.nameCy}.`
		);
		await expect(
			page.getByRole('link', { name: `Yn ôl i dudalen ${welshAsset.nameCy}` })
		).toHaveAttribute('href', `/cy/assets/${id}`);
		const stored = readSuggestions('asset_id', id);
		expect(stored).toHaveLength(before + 1);
		expect(stored.at(-1)).toEqual({
			kind: 'change',
			assetId: id,
			details: { details: 'Mae bellach ar agor ar ddydd Sul hefyd' }
		});
		await expectNoAxeViolations(page, { javaScript });
		await close();
	});
}

test('an English name on the Welsh change page is marked lang="en"', async ({ page }) => {
	expect(englishOnlyAsset, 'a published demo entry without a Welsh name').toBeTruthy();
	const id = idOf(englishOnlyAsset.ref);
	await page.goto(`/cy/assets/${id}/suggest`);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText(`Awgrymu newid ar gyfer ${englishOnlyAsset.name}`);
	await expect(heading.locator('span[lang="en"]')).toHaveText(englishOnlyAsset.name);
	await expect(page.locator('#details-hint span[lang="en"]')).toHaveText(englishOnlyAsset.name);
	await expectNoAxeViolations(page);
});

// Last in the file: it uses up this server's allowance.
test('past the limit, both forms say so in Welsh on a Welsh page and in English on an English one', async ({
	page,
	request
}) => {
	// Filled honeypots count like real suggestions and store nothing: use up the hour's allowance.
	let status = 200;
	for (let attempt = 0; attempt < 6 && status !== 429; attempt++) {
		const response = await request.post('/cy/suggest', {
			headers: { origin: ORIGIN, accept: 'text/html' },
			form: { name: 'Spam', website_url: 'http://spam.example' }
		});
		status = response.status();
	}
	expect(status).toBe(429);

	await page.goto('/cy/suggest');
	await page.getByRole('button', { name: 'Anfon awgrym' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Rydych wedi anfon llawer o awgrymiadau. Rhowch gynnig arall arni ymhen awr.'
	);
	await expectNoAxeViolations(page);

	const id = idOf(welshAsset.ref);
	await page.goto(`/cy/assets/${id}`);
	await page.getByRole('button', { name: 'Anfon awgrym' }).click();
	await expect(page).toHaveURL(new RegExp(`/cy/assets/${id}/suggest$`));
	await expect(page.getByRole('alert')).toHaveText(
		'Rydych wedi anfon llawer o awgrymiadau. Rhowch gynnig arall arni ymhen awr.'
	);

	await page.goto('/suggest');
	await page.getByRole('button', { name: 'Send suggestion' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'You have sent a lot of suggestions. Try again in an hour.'
	);
});
