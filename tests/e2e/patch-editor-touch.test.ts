/**
 * The boundary editor on a phone, by touch: a finger drags a corner (touch input, which Leaflet
 * handles apart from the mouse), the people and band follow in the strip under the map and in the
 * panel, and Cancel leaves the saved boundary as it was.
 */
import { expect, test } from './fixtures';
import { cell, council, dragOutermostCornerIn, expected, signIn } from './patch-sizing-data';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('on a phone a finger drags a corner, and the people and band follow it', async ({ page }) => {
	const patch = expected[0];
	await signIn(page, council, '/council/patches');
	const saved = await cell(page, patch.name, 'areal').textContent();
	await page.goto(`/council/patches/${patch.id}/edit`);
	const map = page.getByTestId('patch-editor');
	await expect(map).toHaveAttribute('data-map-loaded', 'true');
	const areal = page.getByTestId('estimate-areal');
	const strip = page.getByTestId('estimate-strip');
	await expect(areal).toHaveText(saved!);
	await expect(strip).toContainText(`About ${saved} people`);

	await dragOutermostCornerIn(page, { touch: true });
	// The corner moved, not the map: the figures changed, in the panel and in the strip alike.
	await expect(areal).not.toHaveText(saved!);
	const moved = await areal.textContent();
	await expect(strip).toContainText(`About ${moved} people`);
	await expect(page.getByTestId('estimate-announcement')).toContainText(`About ${moved} people.`);

	await page.getByRole('link', { name: 'Cancel' }).click();
	await expect(page).toHaveURL('/council/patches');
	await expect(cell(page, patch.name, 'areal')).toHaveText(saved!);
});
