/**
 * axe (WCAG 2.2 A and AA) on every public page, in English and in Welsh, with JavaScript on and off.
 * Other files run axe again on the states a page gets into (form errors, thanks, filters open); this
 * one makes sure no page is left out. With JavaScript, pages with a map are checked once it has drawn.
 */
import { demoAssets, demoPatches } from './demo-data';
import { expect, expectNoAxeViolations, test, waitForMap } from './fixtures';

/** Asset ids follow the demo file's order (the seed inserts them in that order). */
const idOf = (ref: string) => demoAssets.findIndex((asset) => asset.ref === ref) + 1;
const published = demoAssets.filter((asset) => asset.status === 'published');
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
