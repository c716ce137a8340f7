/**
 * A scenario in a browser: start one from the live patches, move a small area from the list and
 * another by clicking the map, see the figures change, undo both and publish. Undoing first keeps
 * the demo patches as they were for later files (publishing then rewrites the same boundaries).
 * The scenario drawn on maps (a boundary by clicking, a line from the keyboard alone) is discarded.
 */
import type { Page } from '@playwright/test';
import { demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, signInAt, test, waitForMap } from './fixtures';

const council = demoUsers.find((user) => user.role === 'council')!;

const people = async (page: Page, name: string) =>
	Number(
		(
			await page
				.getByTestId('scenario-table')
				.locator('tbody tr')
				.filter({ has: page.getByRole('rowheader', { name, exact: true }) })
				.locator('[data-column="people"]')
				.textContent()
		)?.replace(/,/g, '')
	);

test('a council lead starts a scenario, moves small areas, sees the figures change and publishes', async ({
	page
}) => {
	await signInAt(page, council, '/council/scenarios');
	await page.getByLabel('Name').fill('Re-draw 2027 (browser test)');
	await page.getByRole('button', { name: 'Start a scenario' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Re-draw 2027 (browser test)');
	await waitForMap(page);
	await expectNoAxeViolations(page);

	// FV000001 from the list, to the first patch it is not in.
	const area = page.getByLabel('Small area', { exact: true });
	await area.selectOption('FV000001');
	const from = (await area.locator('option:checked').textContent())!.split(' – ')[1];
	const names = await page.getByLabel('Move it to').locator('option').allTextContents();
	const to = names.find((name) => name !== from)!;
	const [fromBefore, toBefore] = [await people(page, from), await people(page, to)];
	await page.getByLabel('Move it to').selectOption({ label: to });
	await page.getByRole('button', { name: 'Move', exact: true }).click();
	await expect(page.getByTestId('edit-status')).toHaveText(`Moved FV000001 to ${to}`);
	await expect.poll(() => people(page, to)).toBeGreaterThan(toBefore);
	expect(await people(page, from)).toBeLessThan(fromBefore);
	await expect(page.getByTestId('changing-patch')).toHaveText(/^[1-9][\d,]* (person|people)$/);

	// A click in the middle of the map moves the small area there to the same patch.
	const canvas = page.locator('[data-map-loaded="true"] canvas');
	await canvas.scrollIntoViewIfNeeded();
	await canvas.click();
	const status = page.getByTestId('edit-status');
	await expect(status).toHaveText(new RegExp(`^Moved FV(?!000001)\\d+ to ${to}\\s*$`));
	const clicked = (await status.textContent())!.trim();

	await page.getByRole('button', { name: `Undo: ${clicked}` }).click();
	await expect(status).toHaveText(`Undone: ${clicked}`);
	await page.getByRole('button', { name: `Undo: Moved FV000001 to ${to}` }).click();
	await expect(status).toHaveText(`Undone: Moved FV000001 to ${to}`);
	await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
	await expect.poll(() => people(page, to)).toBe(toBefore);
	await expect(page.getByTestId('changing-patch')).toHaveText('0 people');

	await page.getByRole('button', { name: 'Publish this scenario' }).click();
	await expect(page.getByTestId('scenario-notice')).toHaveText(
		'Re-draw 2027 (browser test) has been published: its patches are now the live patches.'
	);
});

test('a council lead draws a new patch, then a line splitting it from the keyboard, on maps, and the checks take them in', async ({
	page
}) => {
	await signInAt(page, council, '/council/scenarios');
	await page.getByLabel('Name').fill('Drawn by hand (browser test)');
	await page.getByRole('button', { name: 'Start a scenario' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Drawn by hand (browser test)');
	const doubleCounted = page.locator('[data-total="double-counted"]');
	await expect(doubleCounted).not.toContainText('Hand-drawn');

	// A square round the middle of the map: four corners, a stray fifth undone, then the first again.
	await page.getByLabel('Name', { exact: true }).fill('Hand-drawn');
	await page.getByRole('button', { name: 'Draw the boundary on a map' }).click();
	const map = page.getByTestId('sketch-map');
	await expect(map).toHaveAttribute('data-map-loaded', 'true');
	await expectNoAxeViolations(page);
	const box = (await map.boundingBox())!;
	const [cx, cy] = [box.width / 2, box.height / 2];
	const status = page.getByTestId('sketch-status');
	for (const [x, y] of [
		[cx - 60, cy - 60],
		[cx + 60, cy - 60],
		[cx + 60, cy + 60],
		[cx - 60, cy + 60],
		[cx - 90, cy]
	]) {
		await map.click({ position: { x, y } });
	}
	await expect(status).toContainText('5 corners.');
	await page.getByRole('button', { name: 'Undo the last point' }).click();
	await map.click({ position: { x: cx - 60, y: cy - 60 } });
	await expect(status).toContainText('4 corners, closed.');
	await page.getByRole('button', { name: 'Use this boundary' }).click();
	const edited = page.getByTestId('edit-status');
	await expect(edited).toHaveText('Drew Hand-drawn');
	// The live checks have the new patch: its people, and its overlaps with the patches under it.
	const drawn = await people(page, 'Hand-drawn');
	expect(drawn).toBeGreaterThan(0);
	await expect(doubleCounted).toContainText('Hand-drawn');

	// A line down the middle of the map splits it in two, drawn from the keyboard alone: Tab reaches
	// the map, which shows a cross at its middle; - zooms out (the square is then 60 px across), the
	// arrow keys move the map under the cross, Enter adds a point there.
	await page.getByLabel('Patch to split').selectOption({ label: 'Hand-drawn' });
	await page.getByLabel('Name of the new patch').fill('Hand-drawn east');
	await page.getByRole('button', { name: 'Draw the line on a map' }).click();
	await expect(map).toHaveAttribute('data-map-loaded', 'true');
	await page.getByRole('button', { name: 'Cancel' }).focus();
	await page.keyboard.press('Tab');
	await expect(map).toBeFocused();
	await expect(map).toHaveAccessibleDescription(/arrow keys.*Enter to add a point at the cross/);
	await expect(map.locator('.draw-crosshair')).toBeVisible();
	const press = async (key: string) => {
		await page.keyboard.press(key);
		// Leaflet ignores arrow keys while the map is moving.
		await expect(map.locator('.leaflet-pan-anim, .leaflet-zoom-anim')).toHaveCount(0);
	};
	await press('-');
	await press('ArrowUp');
	await page.keyboard.press('Enter');
	await expect(status).toHaveText('Point 1 added. 1 point. Add at least 2 to make a line.');
	await press('ArrowDown');
	await press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(status).toHaveText('Point 2 added. 2 points. Add more, or finish the line.');
	// "Use this line" is two presses of Shift+Tab back from the map.
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByRole('button', { name: 'Use this line' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(edited).toHaveText('Split Hand-drawn, making Hand-drawn east');
	const [west, east] = [await people(page, 'Hand-drawn'), await people(page, 'Hand-drawn east')];
	expect(west).toBeGreaterThan(0);
	expect(east).toBeGreaterThan(0);
	// Each half rounds on its own: together within a person of the whole.
	expect(Math.abs(west + east - drawn)).toBeLessThanOrEqual(1);

	await page.getByRole('button', { name: 'Discard this scenario' }).click();
	await expect(page.getByTestId('scenario-notice')).toContainText('Drawn by hand (browser test)');
});
