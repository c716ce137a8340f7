/**
 * axe (WCAG 2.2 A and AA) on every public page, in English and in Welsh, with JavaScript on and off.
 * Other files run axe again on the states a page gets into (form errors, thanks, filters open); this
 * one makes sure no page is left out. With JavaScript, pages with a map are checked once it has drawn.
 * Then the keyboard: Tab reaches every control on each page, with focus shown.
 */
import { demoAssets, demoPatches, visibleAssets } from './demo-data';
import { expect, expectNoAxeViolations, test, waitForMap } from './fixtures';

/** Asset ids follow the demo file's order (the seed inserts them in that order). */
const idOf = (ref: string) => demoAssets.findIndex((asset) => asset.ref === ref) + 1;
const published = visibleAssets;
/** A venue with a place and a Welsh name, so the asset page has its small map and Welsh text. */
const venue = published.find((a) => a.kind === 'venue' && a.point && a.nameCy)!;
const welshPatch = demoPatches.find((p) => p.status !== 'retired' && p.nameCy)!;
const englishOnlyPatch = demoPatches.find((p) => p.status !== 'retired' && !p.nameCy)!;

const pages: { path: string; map?: boolean; status?: number }[] = [
	{ path: '/' },
	{ path: '/search?q=walk', map: true },
	{ path: '/search?q=zzzzqqqq' },
	{ path: '/neighbourhood', map: true },
	{ path: `/patches/${welshPatch.slug}`, map: true },
	{ path: `/patches/${englishOnlyPatch.slug}`, map: true },
	{ path: `/patches/${welshPatch.slug}/print` },
	{ path: `/patches/${englishOnlyPatch.slug}/print` },
	{ path: `/assets/${idOf(venue.ref)}`, map: true },
	{ path: `/assets/${idOf(venue.ref)}/suggest` },
	{ path: '/suggest' },
	{ path: '/no-such-page', status: 404 }
];

for (const javaScript of [true, false]) {
	test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: javaScript });

		for (const lang of ['en', 'cy'] as const) {
			test(`every public page in ${lang === 'en' ? 'English' : 'Welsh'}`, async ({ page }) => {
				test.setTimeout(180_000);
				for (const { path, map, status = 200 } of pages) {
					const url = lang === 'cy' ? `/cy${path === '/' ? '' : path}` : path;
					const response = await page.goto(url);
					expect(response?.status(), url).toBe(status);
					await expect(page.locator('html')).toHaveAttribute('lang', lang);
					if (javaScript && map) await waitForMap(page);
					await expectNoAxeViolations(page, { javaScript });
				}
			});
		}
	});
}

/**
 * Keyboard: Tab from the top of each page reaches every control a mouse could use, in order, and
 * each shows where focus is (an outline or a ring). The honeypot field is meant to be skipped.
 */
test.describe('keyboard', () => {
	/** What Tab should reach: visible, enabled and not taken out of the tab order. */
	const CONTROLS =
		'a[href], button:not([disabled]), input:not([type="hidden"]), select, textarea, summary, [tabindex="0"]';

	for (const { path, map } of pages.filter((p) => p.status === undefined)) {
		test(`Tab reaches every control on ${path}, each with a visible focus indicator`, async ({
			page
		}) => {
			await page.goto(path);
			if (map) await waitForMap(page);
			// A radio group is one stop for Tab (arrow keys move within it), so it counts once, by name.
			const expected = await page.locator(CONTROLS).evaluateAll((elements) => {
				const keys: string[] = [];
				elements.forEach((el, index) => {
					if (!el.checkVisibility() || el.getAttribute('tabindex') === '-1') return;
					const radio = el instanceof HTMLInputElement && el.type === 'radio';
					const key = radio
						? `radio group "${el.name}"`
						: `${el.tagName.toLowerCase()} #${index} "${(el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label') || el.id}"`;
					el.setAttribute('data-tab-check', key);
					if (!keys.includes(key)) keys.push(key);
				});
				return keys;
			});
			expect(expected.length, `controls on ${path}`).toBeGreaterThan(3);
			const reached: string[] = [];
			const noIndicator: string[] = [];
			for (let step = 0; step < expected.length + 5; step++) {
				await page.keyboard.press('Tab');
				const focused = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					if (!el || el === document.body) return null;
					const style = getComputedStyle(el);
					const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
					return {
						key: el.getAttribute('data-tab-check'),
						name: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label') || el.id}"`,
						indicated: outlined || style.boxShadow !== 'none'
					};
				});
				if (!focused) break; // past the last control, focus leaves the page
				if (focused.key !== null && !reached.includes(focused.key)) reached.push(focused.key);
				if (!focused.indicated) noIndicator.push(focused.name);
			}
			expect(noIndicator, `focus not shown on ${path}`).toEqual([]);
			expect(
				expected.filter((key) => !reached.includes(key)),
				`controls Tab never reached on ${path}`
			).toEqual([]);
		});
	}
});
