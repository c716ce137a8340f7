/**
 * The boundary editor from the keyboard alone: a new boundary drawn, its corners changed (each step
 * said once, with the people and band in the shape it made) and saved; and on a phone (390 px) the
 * people and band stay beside the map while a corner moves, and nothing with the focus is ever under
 * the sticky line that shows them. Each test puts the demo back as it was for later files.
 */
import type { Locator, Page } from '@playwright/test';
import { BAND_LABELS, bandFor } from '../../src/lib/domain/bands';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { cell, council, expected, row, signIn } from './patch-sizing-data';

/** The band's name for a number of people shown on the page ("6,907"). */
const bandOf = (shown: string | null) => BAND_LABELS[bandFor(Number(shown!.replace(/,/g, '')))];

/**
 * Presses Tab until `target` has the focus, checking at every step that something has it (the focus
 * is never lost) and that what has it is in the window and no part of it is under the editor's
 * sticky estimate strip (WCAG 2.4.11 and 2.4.12).
 */
async function tabTo(page: Page, target: Locator, most = 15): Promise<void> {
	for (let step = 0; step < most; step += 1) {
		await page.keyboard.press('Tab');
		const seen = await page.evaluate(() => {
			const focused = document.activeElement;
			if (!focused || focused === document.body) return 'the focus was lost';
			const name = focused.getAttribute('aria-label') ?? focused.textContent?.trim().slice(0, 40);
			const box = focused.getBoundingClientRect();
			if (box.bottom <= 0 || box.top >= innerHeight) return `${name} is out of the window`;
			const strip = document.querySelector('[data-testid="estimate-strip"]');
			const cover = strip?.contains(focused) ? null : strip?.getBoundingClientRect();
			const under =
				cover &&
				cover.height > 0 &&
				box.bottom > cover.top &&
				box.top < cover.bottom &&
				box.right > cover.left &&
				box.left < cover.right;
			return under ? `${name} is partly under the estimate strip` : 'in view';
		});
		expect(seen).toBe('in view');
		if (await target.evaluate((element) => element === document.activeElement)) return;
	}
	throw new Error(`${most} presses of Tab did not reach ${target}`);
}

test('a new boundary can be drawn from the keyboard alone, and is estimated', async ({
	page,
	baseURL
}) => {
	await signIn(page, council, '/council/patches/new');
	const map = page.getByTestId('patch-editor');
	await expect(map).toHaveAttribute('data-map-loaded', 'true');
	const said = page.getByTestId('draw-status');
	const pan = async (key: string) => {
		await page.keyboard.press(key);
		// Leaflet ignores arrow keys while a pan is under way.
		await expect(map.locator('.leaflet-pan-anim')).toHaveCount(0);
	};

	// Tabbed to (after the tools), the map shows a cross at its middle; Enter starts drawing and adds a corner there.
	await page.getByRole('button', { name: 'Change corners' }).focus();
	await page.keyboard.press('Tab');
	await expect(map).toBeFocused();
	await expect(map).toHaveAccessibleDescription(/arrow keys.*Enter to add a corner at the cross/);
	await expect(map.locator('.draw-crosshair')).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(said).toHaveText(
		'Drawing a new boundary (Escape puts back what was on the map). Corner 1 added. 1 corner. Add at least 3 to make a shape.'
	);
	await pan('ArrowRight');
	await page.keyboard.press('Enter');
	await pan('ArrowDown');
	await page.keyboard.press(' ');
	await pan('ArrowLeft');
	await page.keyboard.press('Enter');
	await expect(said).toHaveText('Corner 4 added. 4 corners. Add more, or finish the shape.');
	await page.keyboard.press('Backspace');
	await expect(said).toHaveText('Corner 4 removed. 3 corners. Add more, or finish the shape.');
	await expect(page.getByRole('button', { name: 'Finish shape' })).toBeEnabled();

	await page.keyboard.press('f');
	// Said once, with its figures, by the tools' live region (the estimate panel's stays quiet).
	await expect(said).toHaveText(
		/^Shape finished: about [\d,]+ people \((Under|Small|Usual|Above usual|Over the limit)\)\.$/
	);
	await expect(
		page.getByRole('heading', { name: 'Estimate for the boundary on the map' })
	).toBeVisible();
	const areal = page.getByTestId('estimate-areal');
	await expect(areal).toHaveText(/^[\d,]+$/);
	const boundary = page.locator('input[name="boundary"]');
	const drawn = JSON.parse(await boundary.inputValue());
	expect(drawn.coordinates[0]).toHaveLength(4);

	// Its corners changed from the keyboard: the tools before the map start it, the map centres on
	// the selected corner, an arrow moves it (the estimate follows), Enter keeps it.
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByRole('button', { name: 'Change corners' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(map).toBeFocused();
	await expect(map).toBeInViewport({ ratio: 0.99 });
	await expect(map).toHaveAccessibleDescription(/N for the next corner.*Escape to put it back/);
	await expect(said).toHaveText(/^Changing corners\. Corner [1-3] of 3 selected\.$/);
	const first = Number(/Corner (\d)/.exec((await said.textContent())!)![1]);
	await page.keyboard.press('n');
	const second = (first % 3) + 1;
	await expect(said).toHaveText(`Corner ${second} of 3 selected.`);
	await page.keyboard.press('Delete');
	await expect(said).toHaveText(
		`Corner ${second} not removed: a boundary needs at least 3 corners.`
	);
	const before = await areal.textContent();
	await page.keyboard.press('ArrowUp');
	// Each step is said once, when its shape has been estimated, with the people and band in it.
	await expect(areal).not.toHaveText(before!);
	const after = await areal.textContent();
	await expect(said).toHaveText(
		new RegExp(
			`^Corner ${second} of 3 moved ([\\d,]+ metres) north, \\1 from where it was\\. About ${after} people \\(${bandOf(after)}\\)\\. Enter keeps the change, Escape puts it back\\.$`
		)
	);
	await page.keyboard.press('Enter');
	await expect(said).toHaveText(
		`Change to corner ${second} kept: about ${after} people (${bandOf(after)}).`
	);
	const kept = await areal.textContent();
	// Escape puts back a change not kept, and then stops.
	await page.keyboard.press('ArrowLeft');
	await expect(said).toContainText(`Corner ${second} of 3 moved`);
	await page.keyboard.press('Escape');
	await expect(said).toHaveText(
		`Corner ${second} put back. About ${kept} people (${bandOf(kept)}). Corner ${second} of 3 selected.`
	);
	await expect(areal).toHaveText(kept!);
	await page.keyboard.press('Escape');
	await expect(said).toHaveText('Stopped changing corners.');
	await expect(page.getByRole('button', { name: 'Change corners' })).toBeVisible();
	const moved = JSON.parse(await boundary.inputValue()).coordinates[0];
	expect(moved[second - 1][1]).toBeGreaterThan(drawn.coordinates[0][second - 1][1]);
	expect(moved[second - 1][0]).toBe(drawn.coordinates[0][second - 1][0]);
	// The estimate panel's live region said none of these keyboard steps again.
	await expect(page.getByTestId('estimate-announcement')).toHaveText('');
	await expectNoAxeViolations(page);

	// Saved from the keyboard too (the map still has the focus), then deleted again for later files.
	await expect(map).toBeFocused();
	await tabTo(page, page.getByLabel('Name of the patch'));
	await page.keyboard.type('Keyboard Corners Test');
	await tabTo(page, page.getByRole('button', { name: 'Save new patch' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('saved-notice')).toContainText(
		'Keyboard Corners Test has been added as a planned patch'
	);
	const id = new URL(page.url()).searchParams.get('added');
	const deleted = await page.request.post(`/council/patches/${id}/delete`, {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { moveTo: '' },
		maxRedirects: 0
	});
	expect(deleted.headers().location).toBe(`/council/patches?deleted=${id}`);
});

test('on a phone the people and band stay beside the map while a corner moves; it saves from the keyboard', async ({
	page,
	baseURL
}) => {
	const patch = expected[1];
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, council, '/council/patches');
	await row(page, patch.name)
		.getByRole('link', { name: /Edit boundary/ })
		.focus();
	await page.keyboard.press('Enter');
	const map = page.getByTestId('patch-editor');
	await expect(map).toHaveAttribute('data-map-loaded', 'true');
	const areal = page.getByTestId('estimate-areal');
	const strip = page.getByTestId('estimate-strip');
	await expect(strip).toHaveText(
		`About ${await areal.textContent()} people · ${bandOf(await areal.textContent())}`
	);

	await page.getByRole('button', { name: 'Change corners' }).focus();
	await page.keyboard.press('Enter');
	await expect(map).toBeFocused();
	const saved = await areal.textContent();
	// South: north would make this boundary cross itself.
	await page.keyboard.press('ArrowDown');
	await expect(areal).not.toHaveText(saved!);
	const moved = await areal.textContent();
	// The panel is below, out of the window; the strip under the map shows the new figure, and the
	// map (with the focus) and the strip are both wholly in view, the strip clear of the map.
	await expect(strip).toHaveText(`About ${moved} people · ${bandOf(moved)}`);
	await expect(map).toBeInViewport({ ratio: 0.99 });
	await expect(strip).toBeInViewport({ ratio: 0.99 });
	expect((await strip.boundingBox())!.y).toBeGreaterThanOrEqual(
		(await map.boundingBox())!.y + (await map.boundingBox())!.height
	);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('draw-status')).toHaveText(/^Change to corner \d+ kept: about/);
	await expectNoAxeViolations(page);

	// Scrolled so the map runs past the window's bottom, the strip sticks there, over the map's
	// lower part only: not over the zoom buttons or the cross at its middle.
	await map.evaluate((element) =>
		scrollBy(0, element.getBoundingClientRect().top - innerHeight + 330)
	);
	const stuck = (await strip.boundingBox())!;
	expect(stuck.y + stuck.height).toBeCloseTo(844, 0);
	for (const control of [map.locator('.leaflet-control-zoom'), map.locator('.draw-crosshair')]) {
		const box = (await control.boundingBox())!;
		expect(box.y + box.height, 'above the strip').toBeLessThanOrEqual(stuck.y);
	}

	// The keyboard reaches Save, nothing with the focus hidden under the strip on the way: not even
	// the map's last link, under the strip when the map's bottom is just inside the window.
	await map.evaluate((element) =>
		scrollBy(0, element.getBoundingClientRect().bottom - innerHeight + 10)
	);
	await tabTo(page, page.getByRole('button', { name: 'Save boundary' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`/council/patches?saved=${patch.id}`);
	await expect(cell(page, patch.name, 'areal')).toHaveText(moved!);

	// The demo boundary back for later files, sent as the GeoJSON field (the page is tested above).
	const restored = await page.request.post(`/council/patches/${patch.id}/edit`, {
		headers: { origin: baseURL!, accept: 'text/html' },
		multipart: { geojson: JSON.stringify(patch.geometry), boundary: '' },
		maxRedirects: 0
	});
	expect(restored.headers().location).toBe(`/council/patches?saved=${patch.id}`);
});
