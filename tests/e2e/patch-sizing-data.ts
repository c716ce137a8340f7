/**
 * What the patch sizing browser tests share: each demo patch with its population by the centroid
 * method (computed here from the demo files, not read from the app), the demo's council and
 * coordinator, signing in, the sizing table's rows and cells, and dragging a corner in the editor.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import { demoPatchesSchema, demoSmallAreasSchema } from '../../src/lib/domain/schemas/demo-borough';
import { demoUsers } from './demo-data';
import { expect } from './fixtures';

const read = (file: string) => JSON.parse(readFileSync(`data/demo/${file}`, 'utf8'));
const patchFile = demoPatchesSchema.parse(read('patches.geojson'));
export const smallAreas = demoSmallAreasSchema.parse(read('small-areas.geojson'));

/**
 * Each patch's population by the centroid method, counted here with Turf: a small area counts whole
 * when its representative point (Turf's pointOnFeature, as the importer stores it) is inside.
 * The seeder inserts patches in file order, so a patch's id is its position plus one.
 */
export const expected = patchFile.features.map((patch, index) => {
	const centroid = smallAreas.features
		.filter((area) => booleanPointInPolygon(pointOnFeature(area.geometry), patch.geometry))
		.reduce((sum, area) => sum + area.properties.population, 0);
	return { id: index + 1, ...patch.properties, geometry: patch.geometry, centroid };
});

export const council = demoUsers.find((user) => user.role === 'council')!;
export const coordinator = demoUsers.find((user) => user.role === 'coordinator')!;

export async function signIn(page: Page, user: { email: string; password: string }, to: string) {
	await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
	await page.getByLabel('Email address').fill(user.email);
	await page.getByLabel('Password').fill(user.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, '\\?')}$`));
}

export const row = (page: Page, name: string) =>
	page
		.locator('table.sizing-table tbody tr')
		.filter({ has: page.getByRole('rowheader', { name }) });
export const cell = (page: Page, name: string, column: string) =>
	row(page, name).locator(`[data-column="${column}"]`);

/**
 * Drags the corner furthest from the middle of the shape (of those clear of the map's edges and not
 * covered) a little way in, with the mouse or by touch.
 * Inwards, because land inside a patch always has small areas (outwards may be beyond the borough),
 * and the corner furthest out can move in a little without the boundary crossing itself.
 */
export async function dragOutermostCornerIn(
	page: Page,
	{ pixels = 30, touch = false } = {}
): Promise<void> {
	const map = page.getByTestId('patch-editor');
	const corners = map.locator('.marker-icon:not(.marker-icon-middle)');
	await expect(corners.first()).toBeVisible();
	// The whole map in the window, so every corner can be reached.
	await map.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
	const centres = await corners.evaluateAll((elements) =>
		elements.map((element) => {
			const r = element.getBoundingClientRect();
			const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
			// Whether a finger or the mouse put there would reach the corner: nothing over it, and
			// clear of the map's edges, where a finger may land on the controls' links instead.
			const box = element.closest('[data-testid="patch-editor"]')!.getBoundingClientRect();
			const clear = Math.min(x - box.left, box.right - x, y - box.top, box.bottom - y) >= 48;
			return [x, y, clear && document.elementFromPoint(x, y) === element ? 1 : 0];
		})
	);
	const mx = centres.reduce((s, [x]) => s + x, 0) / centres.length;
	const my = centres.reduce((s, [, y]) => s + y, 0) / centres.length;
	const [x, y] = centres
		.filter(([, , reachable]) => reachable === 1)
		.reduce((best, c) =>
			Math.hypot(c[0] - mx, c[1] - my) > Math.hypot(best[0] - mx, best[1] - my) ? c : best
		);
	const length = Math.hypot(x - mx, y - my);
	const [dx, dy] = [((mx - x) / length) * pixels, ((my - y) / length) * pixels];
	if (!touch) {
		await page.mouse.move(x, y);
		await page.mouse.down();
		await page.mouse.move(x + dx, y + dy, { steps: 8 });
		await page.mouse.up();
		return;
	}
	// A finger: real touch input through the DevTools protocol (Playwright's touchscreen only taps).
	const cdp = await page.context().newCDPSession(page);
	const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', at: [number, number][]) =>
		cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at.map(([x, y]) => ({ x, y })) });
	await send('touchStart', [[x, y]]);
	for (let step = 1; step <= 8; step += 1) {
		await send('touchMove', [[x + (dx * step) / 8, y + (dy * step) / 8]]);
	}
	await send('touchEnd', []);
	await cdp.detach();
}
