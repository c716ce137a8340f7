/**
 * A scenario in a browser: start one from the live patches, move a small area from the list and
 * another by clicking the map, see the figures change, undo both and publish. Undoing first keeps
 * the demo patches as they were for later files (publishing then rewrites the same boundaries).
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
