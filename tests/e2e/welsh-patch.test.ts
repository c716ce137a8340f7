/**
 * The patch page and its printable sheet in Welsh: Welsh headings and wording, the population line
 * and size band, Welsh weekday names and dates, links that stay under /cy, English-only names marked
 * lang="en", and the A4 print sheet. (axe on them: accessibility.test.ts.)
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { formatDate } from '../../src/lib/domain/format';
import { londonDate } from '../../src/lib/domain/sessions';
import { addDays } from '../../src/lib/domain/whats-on';
import { demoAssets, demoPatches, demoUsers } from './demo-data';
import { expect, test } from './fixtures';

/** A patch with a Welsh name ("Canol Tref Fennick"), and one with an English name only. */
const welshPatch = demoPatches.find((p) => p.slug === 'fennick-town-centre')!;
const englishPatch = demoPatches.find((p) => p.slug === 'aldermoor-and-starling-bank')!;
const coordinatorOf = (slug: string) =>
	demoUsers.find((user) => user.patches.includes(slug))!.displayName;
const categories: { name: string; nameCy?: string; parentId: string | null }[] = JSON.parse(
	readFileSync('data/demo/categories.json', 'utf8')
);
const topCategories = categories.filter((category) => !category.parentId);
const welshNames = new Set(demoAssets.flatMap((asset) => (asset.nameCy ? [asset.nameCy] : [])));
const englishOnlyNames = new Set(demoAssets.filter((a) => !a.nameCy).map((a) => a.name));

const WEEKDAY = '(Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)';
const MONTH =
	'(Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)';
/** "Dydd Mercher 2 Rhagfyr 2026" */
const WELSH_DAY_HEADING = new RegExp(`^Dydd ${WEEKDAY} \\d{1,2} ${MONTH} \\d{4}$`);
const WELSH_BANDS = ["Llai na'r lleiafswm", 'Bach', 'Arferol', "Uwch na'r arfer", 'Dros y terfyn'];

/** Every link to a page of this site inside <main>: on a Welsh page each must stay under /cy. */
async function mainLinks(page: Page): Promise<string[]> {
	return page
		.locator('main a[href^="/"]')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
}

/** The patch page's full list, folded by kind. */
const fullList = (page: Page) => page.getByTestId('full-list');

test.describe('Welsh patch page', () => {
	test('shows Welsh headings, the population in Welsh and Welsh days, with links under /cy', async ({
		page
	}) => {
		expect(welshPatch.nameCy).toBe('Canol Tref Fennick');
		await page.goto(`/cy/patches/${welshPatch.slug}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page).toHaveTitle('Canol Tref Fennick – Patchwork');
		await expect(page.locator('meta[name="description"]')).toHaveAttribute(
			'content',
			"Grwpiau, lleoliadau a chymorth lleol yng Nghanol Tref Fennick, a ble i gwrdd â'r cydlynydd ardal leol."
		);
		await expect(page.getByText('Cymdogaeth', { exact: true })).toBeVisible();
		const h1 = page.getByRole('heading', { level: 1 });
		await expect(h1).toHaveText('Canol Tref Fennick');
		await expect(h1).not.toHaveAttribute('lang', /./);
		// The patch's description is English only: marked so.
		await expect(page.getByText(welshPatch.description!)).toHaveAttribute('lang', 'en');

		const size = page.getByTestId('patch-population');
		await expect(size).toContainText(
			/^Poblogaeth: tua \d{1,3}(,\d{3})* \(pwysoli yn ôl arwynebedd, y set poblogaeth Fennick Vale demo small areas\)\. Maint arferol: 10,000 i 12,000\. O gyfrif ardaloedd bach cyfan yn ôl eu pwynt canol: \d{1,3}(,\d{3})*\./
		);
		await expect(size.locator('span[lang="en"]')).toHaveText('Fennick Vale demo small areas');
		await expect(size.getByText(/^Band maint:/)).toBeVisible();
		expect(WELSH_BANDS).toContain(await size.locator('strong').innerText());

		await expect(
			page.getByRole('heading', { level: 2, name: 'Eich cydlynydd ardal leol' })
		).toBeVisible();
		await expect(
			page.getByText(
				`Mae ${coordinatorOf(welshPatch.slug)} yn gweithio yng Nghanol Tref Fennick. Dewch i ddweud helo`
			)
		).toBeVisible();

		// The next 7 days: dated Welsh days and map links.
		await expect(
			page.getByRole('heading', { level: 3, name: 'Ble i gwrdd â nhw yr wythnos hon' })
		).toBeVisible();
		const week = page.getByTestId('coordinator-week');
		await expect(week.getByRole('columnheader')).toHaveText(['Pryd', 'Cydlynydd', 'Ble', 'Map']);
		const firstWhen = await week.locator('tbody td').first().innerText();
		expect(firstWhen.split(',')[0]).toMatch(WELSH_DAY_HEADING);
		await expect(week.getByRole('link', { name: /^Map yn dangos / }).first()).toHaveAttribute(
			'href',
			/^\/cy\/assets\/\d+#map$/
		);
		for (const href of await week
			.getByRole('link')
			.evaluateAll((links) => links.map((l) => l.getAttribute('href'))))
			expect(href).toMatch(/^\/cy\/assets\/\d+(#map)?$/);

		const whatsOn = page.getByTestId('whats-on');
		await expect(
			whatsOn.getByRole('heading', { level: 2, name: 'Beth sydd ymlaen yr wythnos hon' })
		).toBeVisible();
		const days = await whatsOn.getByRole('heading', { level: 3 }).allInnerTexts();
		expect(days.length).toBeGreaterThan(0);
		for (const day of days) expect(day).toMatch(WELSH_DAY_HEADING);
		// Dated days of the week ahead, from today.
		const today = londonDate(new Date());
		const weekAhead = [0, 1, 2, 3, 4, 5, 6].map((n) => formatDate(addDays(today, n), 'cy'));
		for (const day of days) expect(weekAhead).toContain(day.replace(/^Dydd \S+ /, ''));

		await expect(
			page.getByRole('link', {
				name: "Rhestr i'w hargraffu o'r hyn sydd ymlaen yng Nghanol Tref Fennick"
			})
		).toHaveAttribute('href', `/cy/patches/${welshPatch.slug}/print`);
		await expect(
			page.getByRole('heading', { level: 2, name: 'Beth sydd yng Nghanol Tref Fennick' })
		).toBeVisible();
		// Each kind folds under a Welsh heading with its count.
		const kindHeadings = await fullList(page).locator('summary h3.kind-heading').allInnerTexts();
		expect(kindHeadings.length).toBeGreaterThan(0);
		for (const heading of kindHeadings)
			expect(heading).toMatch(/^(Grwpiau|Lleoliadau|Cymorth anffurfiol|Gwasanaethau) \(\d+\)$/);

		const links = await mainLinks(page);
		expect(links.length).toBeGreaterThan(20);
		expect(links.filter((href) => !href.startsWith('/cy/'))).toEqual([]);
	});

	test('shows Welsh names where entries have them, English ones marked lang="en"', async ({
		page
	}) => {
		await page.goto(`/cy/patches/${welshPatch.slug}`);
		for (const summary of await fullList(page).locator('summary').all()) await summary.click();
		const entries = await fullList(page)
			.locator('h3 a')
			.evaluateAll((links) =>
				links.map((link) => ({ text: link.textContent!.trim(), lang: link.getAttribute('lang') }))
			);
		const welsh = entries.filter((entry) => entry.lang === null);
		const english = entries.filter((entry) => entry.lang === 'en');
		expect(welsh.length, 'entries shown with their Welsh names').toBeGreaterThan(0);
		expect(english.length, 'entries with English names only').toBeGreaterThan(0);
		expect(welsh.length + english.length).toBe(entries.length);
		for (const entry of welsh) expect(welshNames).toContain(entry.text);
		for (const entry of english) expect(englishOnlyNames).toContain(entry.text);
		// Each kind's list is in Welsh alphabetical order ("Côr" before "Chatty"), also once hydrated.
		const groups = await page
			.locator('[data-testid="full-list"] ul')
			.evaluateAll((lists) =>
				lists.map((list) => [...list.querySelectorAll('h3 a')].map((a) => a.textContent!.trim()))
			);
		const welshOrder = new Intl.Collator('cy');
		for (const names of groups) expect(names).toEqual([...names].sort(welshOrder.compare));
		// Kind labels and the stale tag in Welsh.
		const list = fullList(page);
		await expect(
			list
				.locator('.tag')
				.filter({ hasText: /^Grŵp$/ })
				.first()
		).toBeVisible();
		await expect(list.getByText(/^(Group|Venue|Not checked for over 12 months)$/)).toHaveCount(0);
		await expect(list.getByText(/^Bob dydd /).first()).toBeVisible();
	});

	test('an English-only patch name is marked lang="en" and not mutated', async ({ page }) => {
		expect(englishPatch.nameCy).toBeUndefined();
		await page.goto(`/cy/patches/${englishPatch.slug}`);
		const h1 = page.getByRole('heading', { level: 1 });
		await expect(h1).toHaveText(englishPatch.name);
		await expect(h1).toHaveAttribute('lang', 'en');
		const whatsHere = page.getByRole('heading', {
			level: 2,
			name: `Beth sydd yn ${englishPatch.name}`
		});
		await expect(whatsHere.locator('span[lang="en"]')).toHaveText(englishPatch.name);
		await expect(
			page.getByText(`Mae ${coordinatorOf(englishPatch.slug)} yn gweithio yn ${englishPatch.name}.`)
		).toBeVisible();
		// A venue's Welsh name in the coordinator table has no lang; an English one has lang="en".
		const venues = page.getByTestId('coordinator-week');
		await expect(
			venues.getByRole('link', { name: 'Pafiliwn Parc Aldermoor', exact: true })
		).not.toHaveAttribute('lang', /./);
		await expect(
			venues.getByRole('link', { name: 'The Copper Kettle', exact: true }).first()
		).toHaveAttribute('lang', 'en');
	});
});

test.describe('Welsh printable sheet', () => {
	test('is in Welsh, with Welsh categories and days, and prints on A4', async ({ page }) => {
		await page.goto(`/cy/patches/${welshPatch.slug}/print`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page).toHaveTitle('Beth sydd ymlaen yng Nghanol Tref Fennick – Patchwork');
		await expect(
			page.getByRole('link', { name: 'Yn ôl i dudalen Canol Tref Fennick' })
		).toHaveAttribute('href', `/cy/patches/${welshPatch.slug}`);
		await expect(page.getByRole('button', { name: "Argraffu'r dudalen hon" })).toBeVisible();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Beth sydd ymlaen yng Nghanol Tref Fennick' })
		).toBeVisible();
		const coordinator = page.locator('.coordinator');
		await expect(
			coordinator.getByRole('heading', { name: 'Eich cydlynydd ardal leol' })
		).toBeVisible();
		await expect(coordinator).toContainText(
			`Mae ${coordinatorOf(welshPatch.slug)} yn gweithio yng Nghanol Tref Fennick. Dewch i ddweud helo: does dim angen apwyntiad.`
		);
		const visits = await coordinator.getByRole('listitem').allInnerTexts();
		expect(visits.length).toBeGreaterThan(0);
		for (const visit of visits)
			expect(visit).toMatch(
				new RegExp(`^.+: Bob dydd ${WEEKDAY}, \\d\\d:\\d\\d-\\d\\d:\\d\\d, (yn|ym|yng) .+$`)
			);

		// Category headings in Welsh, none of the English ones that have a Welsh name.
		const headings = await page.locator('.category h2').allInnerTexts();
		expect(headings.length).toBeGreaterThan(0);
		const welshHeadings = topCategories.map((category) => category.nameCy!);
		for (const heading of headings) expect([...welshHeadings, 'Arall']).toContain(heading);
		await expect(
			page
				.locator('.entry')
				.getByText(/^Bob dydd /)
				.first()
		).toBeVisible();
		const lines = await page.locator('.entry p').allInnerTexts();
		// One line per entry: when, where, cost and phone, each ending with a full stop.
		expect(lines.filter((line) => /(^|\. )(Free|Low cost|Paid)\.|Phone:/.test(line))).toEqual([]);
		expect(lines.some((line) => /\. (Am ddim|Cost isel|Rhaid talu)\./.test(line))).toBe(true);
		expect(lines.some((line) => /(^|\. )Ffôn: /.test(line))).toBe(true);

		const today = formatDate(londonDate(new Date()), 'cy');
		await expect(page.locator('.printed')).toHaveText(
			new RegExp(
				`^Argraffwyd ar ${today}\\. Rhagor o fanylion a'r newyddion diweddaraf: http://localhost:\\d+/cy/patches/${welshPatch.slug}$`
			)
		);
		expect((await mainLinks(page)).filter((href) => !href.startsWith('/cy/'))).toEqual([]);

		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.getByRole('button', { name: "Argraffu'r dudalen hon" })).toBeHidden();
		await page.screenshot({ path: 'test-results/print-sheet-cy.png', fullPage: true });
		// The sheet's own @page size: every page of the PDF is A4 (595 x 842 points).
		const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
		const boxes = [...pdf.matchAll(/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
		expect(boxes.length).toBeGreaterThan(0);
		for (const [, width, height] of boxes) {
			expect(Number(width)).toBeCloseTo(595.3, 0);
			expect(Number(height)).toBeCloseTo(841.9, 0);
		}
	});

	test('gives a Welsh venue name its mutation after "yn"', async ({ page }) => {
		const pavilion = demoAssets.find((asset) => asset.name === 'Aldermoor Park Pavilion')!;
		expect(pavilion.nameCy).toBe('Pafiliwn Parc Aldermoor');
		await page.goto(`/cy/patches/${englishPatch.slug}/print`);
		await expect(
			page.getByRole('heading', { level: 1, name: `Beth sydd ymlaen yn ${englishPatch.name}` })
		).toBeVisible();
		await expect(page.locator('.coordinator')).toContainText(
			'Bob dydd Mercher, 09:30-12:30, ym Mhafiliwn Parc Aldermoor'
		);
		await expect(page.locator('h1 span[lang="en"]')).toHaveText(englishPatch.name);
	});

	test('without JavaScript it tells people in Welsh to use the browser’s print', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`/cy/patches/${welshPatch.slug}/print`);
		await expect(
			page.getByText("I argraffu'r daflen hon, defnyddiwch orchymyn Argraffu")
		).toBeVisible();
		await context.close();
	});
});
