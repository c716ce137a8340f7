/**
 * What the patch sizing browser tests share: each demo patch with its population by the centroid
 * method (computed here from the demo files, not read from the app), the demo's council and
 * coordinator, signing in, and the sizing table's rows and cells.
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
