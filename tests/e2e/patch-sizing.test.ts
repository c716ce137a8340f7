/**
 * The council's patch sizing in a browser: who may see it, the table against figures computed here
 * from the demo files, sorting, the CSV, the map, and the boundary editor (drag, cancel, refuse a
 * bow-tie, save, draw from the keyboard alone and move a corner). The test that saves puts the boundary back, so later files see the demo as it was.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import { BAND_LABELS, bandFor } from '../../src/lib/domain/bands';
import { formatNumber } from '../../src/lib/domain/format';
import { demoPatchesSchema, demoSmallAreasSchema } from '../../src/lib/domain/schemas/demo-borough';
import { demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, test, waitForMap } from './fixtures';

const read = (file: string) => JSON.parse(readFileSync(`data/demo/${file}`, 'utf8'));
const patchFile = demoPatchesSchema.parse(read('patches.geojson'));
const smallAreas = demoSmallAreasSchema.parse(read('small-areas.geojson'));

/**
 * Each patch's population by the centroid method, counted here with Turf: a small area counts whole
 * when its representative point (Turf's pointOnFeature, as the importer stores it) is inside.
 * The seeder inserts patches in file order, so a patch's id is its position plus one.
 */
const expected = patchFile.features.map((patch, index) => {
	const centroid = smallAreas.features
		.filter((area) => booleanPointInPolygon(pointOnFeature(area.geometry), patch.geometry))
		.reduce((sum, area) => sum + area.properties.population, 0);
	return { id: index + 1, ...patch.properties, geometry: patch.geometry, centroid };
});

const council = demoUsers.find((user) => user.role === 'council')!;
const coordinator = demoUsers.find((user) => user.role === 'coordinator')!;

async function signIn(page: Page, user: { email: string; password: string }, to: string) {
	await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
	await page.getByLabel('Email address').fill(user.email);
	await page.getByLabel('Password').fill(user.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, '\\?')}$`));
}

const row = (page: Page, name: string) =>
	page
		.locator('table.sizing-table tbody tr')
		.filter({ has: page.getByRole('rowheader', { name }) });
const cell = (page: Page, name: string, column: string) =>
	row(page, name).locator(`[data-column="${column}"]`);

/**
 * Drags the corner furthest from the middle of the shape a little way in. Inwards, because land
 * inside a patch always has small areas (outwards may be beyond the borough), and the corner
 * furthest out can move in a little without the boundary crossing itself.
 */
async function dragOutermostCornerIn(page: Page, pixels = 30): Promise<void> {
	const map = page.getByTestId('patch-editor');
	const corners = map.locator('.marker-icon:not(.marker-icon-middle)');
	await expect(corners.first()).toBeVisible();
	// The whole map in the window, so every corner can be reached with the mouse.
	await map.evaluate((element) => element.scrollIntoView({ block: 'center' }));
	const centres = await corners.evaluateAll((elements) =>
		elements.map((element) => {
			const r = element.getBoundingClientRect();
			return [r.x + r.width / 2, r.y + r.height / 2];
		})
	);
	const mx = centres.reduce((s, [x]) => s + x, 0) / centres.length;
	const my = centres.reduce((s, [, y]) => s + y, 0) / centres.length;
	const [x, y] = centres.reduce((best, c) =>
		Math.hypot(c[0] - mx, c[1] - my) > Math.hypot(best[0] - mx, best[1] - my) ? c : best
	);
	const length = Math.hypot(x - mx, y - my);
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x - ((x - mx) / length) * pixels, y - ((y - my) / length) * pixels, {
		steps: 8
	});
	await page.mouse.up();
}

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

test('someone signed out is sent to sign in first', async ({ page }) => {
	await page.goto('/council/patches');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcouncil%2Fpatches$/);
});

test('a coordinator may not see the council pages', async ({ page }) => {
	await signIn(page, coordinator, '/account');
	const response = await page.goto('/council');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('link', { name: 'Council pages' })).toHaveCount(0);
});

test('the council sees every patch with both estimates and its band, on a map too', async ({
	page
}) => {
	await signIn(page, council, '/council');
	await page.getByRole('link', { name: 'Patch sizing' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Patch sizing');
	await expect(page.locator('table.sizing-table tbody tr')).toHaveCount(expected.length);
	for (const patch of expected) {
		// The figure first; where the boundary cuts small areas, the range it could take follows.
		await expect(cell(page, patch.name, 'centroid')).toHaveText(
			new RegExp(`^${formatNumber(patch.centroid)}(\\s|$)`)
		);
		await expect(cell(page, patch.name, 'band')).toHaveText(BAND_LABELS[bandFor(patch.centroid)]);
	}
	// The generator made one patch of each band; the one over the limit must say so in words.
	const over = expected.filter((patch) => patch.centroid > 15_000);
	expect(over).toHaveLength(1);
	await expect(cell(page, over[0].name, 'band')).toHaveText('Over the limit');
	await expect(cell(page, over[0].name, 'guidance')).toHaveText(
		`Remove about ${formatNumber(Math.ceil((over[0].centroid - 15_000) / 10) * 10)} people to be under 15,000`
	);
	// Two demo patches meet along a street that cuts small areas: there the methods differ.
	const differences = await page.locator('[data-column="difference"]').allTextContents();
	expect(differences.filter((d) => d.trim() !== '0')).toHaveLength(2);
	await expect(page.locator('[data-detail="sensitivity"]')).toHaveCount(2);
	const total = smallAreas.features.reduce((sum, area) => sum + area.properties.population, 0);
	await expect(page.locator('[data-total="population"]')).toHaveText(formatNumber(total));
	await waitForMap(page);
	await expectNoAxeViolations(page);
});

test('the table sorts by population from its column header, without JavaScript too', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, council, '/council/patches');
	await page.getByRole('link', { name: /^Areal estimate/ }).click();
	await expect(page).toHaveURL(/\/council\/patches\?sort=areal&dir=desc$/);
	await expect(page.getByRole('columnheader', { name: /Areal estimate/ })).toHaveAttribute(
		'aria-sort',
		'descending'
	);
	const shown = (await page.locator('[data-column="areal"]').allTextContents()).map((text) =>
		Number(text.replace(/,/g, ''))
	);
	expect(shown).toHaveLength(expected.length);
	expect(shown).toEqual([...shown].sort((a, b) => b - a));
	await page.getByRole('link', { name: /^Areal estimate/ }).click();
	await expect(page).toHaveURL(/sort=areal$/);
	await expectNoAxeViolations(page, { javaScript: false });
	await context.close();
});

test('the table downloads as a dated CSV with a row per patch', async ({ page }) => {
	await signIn(page, council, '/council/patches');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download this table (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^patch-sizing-\d{4}-\d{2}-\d{2}\.csv$/);
	const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
	const header = lines.findIndex((line) => line.startsWith('Patch,'));
	expect(lines[header]).toContain('Areal weighting (people),Centroid (people)');
	const rows = lines.slice(header + 1, header + 1 + expected.length);
	expect(rows.map((line) => line.split(',')[0]).sort()).toEqual(
		expected.map((patch) => patch.name).sort()
	);
	expect(lines[header + 1 + expected.length]).toBe('');
});

test('dragging a corner changes the estimate; cancel keeps the saved boundary', async ({
	page
}) => {
	const patch = expected[0];
	await signIn(page, council, '/council/patches');
	const saved = await cell(page, patch.name, 'areal').textContent();
	await row(page, patch.name)
		.getByRole('link', { name: /Edit boundary/ })
		.click();
	await expect(page).toHaveURL(`/council/patches/${patch.id}/edit`);
	await expect(page.locator('[data-testid="patch-editor"][data-map-loaded="true"]')).toBeVisible();
	await expect(page.getByTestId('estimate-areal')).toHaveText(saved!);
	await expectNoAxeViolations(page);

	await dragOutermostCornerIn(page);
	await expect(page.getByTestId('estimate-areal')).not.toHaveText(saved!);
	await expect(
		page.getByRole('heading', { name: 'Estimate for the boundary on the map' })
	).toBeVisible();
	await expect(page.getByTestId('estimate-announcement')).toContainText(/About [\d,]+ people\./);

	await page.getByRole('link', { name: 'Cancel' }).click();
	await expect(page).toHaveURL('/council/patches');
	await expect(cell(page, patch.name, 'areal')).toHaveText(saved!);
});

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

test('a bow-tie is refused with where it crosses; an edited boundary saves', async ({ page }) => {
	const patch = expected[1];
	await signIn(page, council, `/council/patches/${patch.id}/edit`);
	await expect(page.locator('[data-testid="patch-editor"][data-map-loaded="true"]')).toBeVisible();
	const saved = await page.getByTestId('estimate-areal').textContent();

	const [[west, south], [east, north]] = [
		[-2.96, 53.09],
		[-2.95, 53.1]
	];
	const bowTie = {
		type: 'Polygon',
		coordinates: [
			[
				[west, south],
				[east, north],
				[east, south],
				[west, north],
				[west, south]
			]
		]
	};
	await page.getByLabel('Or paste the boundary as GeoJSON').fill(JSON.stringify(bowTie));
	await page.getByRole('button', { name: 'Save boundary' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'The boundary crosses itself at 1 point: near 53.09500, -2.95500'
	);
	await expect(page).toHaveURL(new RegExp(`/council/patches/${patch.id}/edit$`));

	// Start again from the saved boundary, drag a corner out, and save what the map shows.
	await page.goto(`/council/patches/${patch.id}/edit`);
	await expect(page.locator('[data-testid="patch-editor"][data-map-loaded="true"]')).toBeVisible();
	await dragOutermostCornerIn(page);
	await expect(page.getByTestId('estimate-areal')).not.toHaveText(saved!);
	await expect(page.getByTestId('estimate-problems')).toHaveCount(0);
	const edited = await page.getByTestId('estimate-areal').textContent();
	await page.getByRole('button', { name: 'Save boundary' }).click();
	await expect(page).toHaveURL(`/council/patches?saved=${patch.id}`);
	await expect(page.getByTestId('saved-notice')).toContainText(
		`The boundary of ${patch.name} has been saved.`
	);
	await expect(cell(page, patch.name, 'areal')).toHaveText(edited!);

	// Put the demo boundary back through the GeoJSON field, the way without the map.
	await page.goto(`/council/patches/${patch.id}/edit`);
	await page.getByLabel('Or paste the boundary as GeoJSON').fill(JSON.stringify(patch.geometry));
	await page.getByRole('button', { name: 'Save boundary' }).click();
	await expect(page).toHaveURL(`/council/patches?saved=${patch.id}`);
	await expect(cell(page, patch.name, 'areal')).toHaveText(saved!);
});

test('without JavaScript the editor shows the saved estimate and takes GeoJSON', async ({
	browser
}) => {
	const patch = expected[0];
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, council, `/council/patches/${patch.id}/edit`);
	await expect(page.getByTestId('no-javascript')).toContainText(
		'Drawing on the map needs JavaScript'
	);
	await expect(page.getByTestId('estimate-centroid')).toHaveText(formatNumber(patch.centroid));
	await expect(page.getByLabel('Or paste the boundary as GeoJSON')).toBeVisible();
	await expectNoAxeViolations(page, { javaScript: false });
	await context.close();
});

test('a patch page says how many people live there, how it was counted, and its band', async ({
	page
}) => {
	const patch = expected.find((p) => p.centroid > 15_000)!;
	await page.goto(`/patches/${patch.slug}`);
	const population = page.getByTestId('patch-population');
	await expect(population).toContainText(
		/Population: about [\d,]+ \(areal weighting, .+ population set\)\. Usual size: 10,000 to 12,000/
	);
	await expect(population).toContainText(
		`Counting whole small areas by their centre point: ${formatNumber(patch.centroid)}`
	);
	await expect(population).toContainText('Size band: Over the limit');
});
