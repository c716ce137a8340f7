/**
 * The connection finder in the browser: a coordinator finds connections for a made-up person, gives
 * them a list (in Welsh), logs one connection and one "nothing suitable", sees exactly those two rows
 * in the log, and undoes them (no other test reads the log, and this one leaves it empty). A visitor is
 * sent to sign in; a coordinator never sees another patch's private informal support. axe on the
 * form, the results and the list; and the search done with the keyboard alone.
 */
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { pointInArea } from '../../src/lib/domain/point-in-area';
import { monthLabel } from '../../src/lib/domain/finder/log';
import { londonDate } from '../../src/lib/domain/sessions';
import { demoAssets, demoPatchGeometry, demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, signInAt, test } from './fixtures';

const coordinator = demoUsers.find((u) => u.email === 'tracey.thwaite@example.org')!;
const ownPatch = coordinator.patches[0];
const otherPatch = 'bryn-eithin-and-hollins-park';

/** A published point of a demo entry inside a patch, to put a test entry beside. */
function pointIn(slug: string): [number, number] {
	const geometry = demoPatchGeometry(slug);
	return demoAssets.find(
		(a) =>
			a.status === 'published' &&
			a.point &&
			pointInArea(a.point as [number, number], geometry as GeoJSON.Polygon)
	)!.point as [number, number];
}

/** Adds a published informal support without consent to be shown, in a patch; returns its id. */
function addPrivateSupport(databasePath: string, name: string, [lon, lat]: [number, number]) {
	const db = new Database(databasePath);
	try {
		const programme = db.prepare('SELECT id FROM programmes LIMIT 1').get() as { id: number };
		return Number(
			db
				.prepare(
					`INSERT INTO assets (programme_id, kind, name, description, lon, lat, status,
						last_verified_on, consent_recorded_on, consent_public)
					VALUES (?, 'informal_support', ?, 'A neighbour who helps.', ?, ?, 'published', '2026-11-01', '2026-10-01', 0)`
				)
				.run(programme.id, name, lon + 0.0001, lat + 0.0001).lastInsertRowid
		);
	} finally {
		db.close();
	}
}

function removeEntries(databasePath: string, ids: number[]) {
	const db = new Database(databasePath);
	try {
		for (const id of ids) db.prepare('DELETE FROM assets WHERE id = ?').run(id);
	} finally {
		db.close();
	}
}

async function tabTo(page: Page, isTarget: () => Promise<boolean>) {
	for (let i = 0; i < 150; i++) {
		if (await isTarget()) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('could not reach the control with the Tab key');
}

test('a visitor is sent to sign in', async ({ page }) => {
	await page.goto('/staff/finder?q=gardening');
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
});

test('a coordinator finds connections, gives a list, logs two rows and undoes them', async ({
	page
}) => {
	await signInAt(page, coordinator, '/staff/finder');
	await expect(page.getByTestId('privacy-note')).toContainText('stays only in this browser');
	await expect(page.getByRole('link', { name: 'Find connections' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByLabel('Social and friendship').check();
	await page.getByLabel('Tuesday morning').check();
	await page.getByLabel('Any time').uncheck();
	await page.getByLabel('Postcode').fill('FV7 0RE');
	await page.getByLabel('Step-free access').check();
	await page.getByRole('button', { name: 'Find connections' }).click();
	await expect(page.getByTestId('finder-count')).toContainText('found within');
	const people = page.getByTestId('section-people');
	await expect(people.getByRole('heading', { level: 3 })).toHaveText(
		'People and groups nearby (4)'
	);
	await expect(people.locator('.fits').first()).toContainText('about Social and friendship');
	// Services come last and start folded away.
	await expect(page.getByTestId('section-services')).not.toHaveAttribute('open');
	await expectNoAxeViolations(page);
	const searchUrl = page.url();

	// The list for the person, in Welsh: its link holds only entry ids.
	const first = people.locator('article').nth(0);
	const second = people.locator('article').nth(1);
	const names = [
		await first.getByRole('heading').innerText(),
		await second.getByRole('heading').innerText()
	];
	await first.getByLabel('Put on their list').check();
	await second.getByLabel('Put on their list').check();
	await page.getByLabel('Cymraeg (Welsh)').check();
	await page.getByRole('button', { name: 'Make the list' }).click();
	await expect(page).toHaveURL(/\/cy\/list\/\d+\.\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grwpiau a lleoedd i chi');
	const listed = page.getByTestId('person-list').getByRole('heading', { level: 2 });
	await expect(listed).toHaveCount(2);
	await expect(page.getByTestId('person-list')).toContainText('Pryd');
	for (const name of names)
		await expect(page.getByTestId('person-list')).toContainText(name.split(' ')[0]);
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 390, height: 844 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth > window.innerWidth
	);
	expect(overflow).toBe(false);
	await page.setViewportSize({ width: 1280, height: 900 });

	// Log one connection and one "nothing suitable".
	await page.goto(searchUrl);
	await first.getByRole('button', { name: /^Connected/ }).click();
	await expect(page.getByTestId('logged-notice')).toHaveText('Connection logged.');
	await page.getByRole('button', { name: 'Nothing suitable found' }).click();
	await expect(page.getByTestId('logged-notice')).toHaveText('“Nothing suitable found” logged.');
	await expect(page.getByTestId('logged-today').locator('li')).toHaveCount(2);

	// The demo borough's log holds earlier months; this month's rows are the test's own.
	await page.goto('/staff/connections');
	const thisMonth = monthLabel(londonDate(new Date()).slice(0, 7));
	const rows = page
		.getByTestId('connection-counts')
		.locator('tbody tr')
		.filter({ hasText: thisMonth });
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText('Connected');
	await expect(rows.nth(1)).toContainText('Nothing suitable found');
	for (const row of [rows.nth(0), rows.nth(1)]) {
		await expect(row.locator('td').last()).toHaveText('1');
		await expect(row).toContainText('Social and friendship');
	}
	await expectNoAxeViolations(page);

	// Undo both (the coordinator's own, the same day): the log is empty again.
	await page.goto(searchUrl);
	for (let i = 0; i < 2; i++) {
		await page.getByTestId('logged-today').getByRole('button', { name: /Undo/ }).first().click();
		await expect(page.getByTestId('logged-notice')).toHaveText('Log entry removed.');
	}
	await page.goto('/staff/connections');
	await expect(page.getByTestId('connection-counts')).toBeVisible();
	await expect(rows).toHaveCount(0);
});

test('a coordinator sees their own patch’s private supports, never another patch’s', async ({
	page,
	databasePath
}) => {
	const own = addPrivateSupport(databasePath, 'Finder test neighbour A', pointIn(ownPatch));
	const other = addPrivateSupport(databasePath, 'Finder test neighbour B', pointIn(otherPatch));
	try {
		await signInAt(page, coordinator, `/staff/finder?patch=${ownPatch}`);
		await expect(page.getByRole('heading', { name: 'Finder test neighbour A' })).toBeVisible();
		await expect(page.getByText('Private: your patch only').first()).toBeVisible();
		await page.goto(`/staff/finder?patch=${otherPatch}`);
		await expect(page.getByTestId('finder-count')).toBeVisible();
		await expect(page.getByText('Finder test neighbour B')).toHaveCount(0);
		await page.goto(`/staff/finder?patch=${otherPatch}&reach=km&km=25`);
		await expect(page.getByText('Finder test neighbour B')).toHaveCount(0);
	} finally {
		removeEntries(databasePath, [own, other]);
	}
});

test('the search works with the keyboard alone', async ({ page }) => {
	await signInAt(page, coordinator, '/staff/finder');
	const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
	await tabTo(page, async () => (await focusedId()) === 'postcode');
	await page.keyboard.type('FV7 0RE');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('finder-count')).toContainText('of FV7 0RE');
	await tabTo(page, async () =>
		page.evaluate(() => document.activeElement?.textContent?.startsWith('Connected') ?? false)
	);
	await expect(page.locator(':focus')).toBeVisible();
	await page.keyboard.press('Space');
	await expect(page.getByTestId('logged-notice')).toHaveText('Connection logged.');
	await tabTo(page, async () =>
		page.evaluate(() => document.activeElement?.textContent?.startsWith('Undo') ?? false)
	);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('logged-notice')).toHaveText('Log entry removed.');
});
