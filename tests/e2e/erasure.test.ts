/**
 * "Remove this person's data", as a coordinator uses it: an informal support of their patch, shown
 * publicly with consent, is erased through the confirmation page, and is then nowhere: not its page,
 * not the search, not the API, not the database. The entry is made by the test, so the demo borough
 * other browser tests count stays as it is.
 */
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const coordinator = demoUsers.find((user) => user.role === 'coordinator' && user.patches.length)!;
const otherCoordinator = demoUsers.find(
	(user) => user.role === 'coordinator' && !user.patches.includes(coordinator.patches[0])
)!;

/** A person no demo file mentions, with words that are hers alone. */
const person = {
	name: 'Wenonah Pargeter lifts',
	phone: '07700 900998',
	email: 'wenonah.pargeter@example.com'
};

/** Adds the informal support straight to this worker's database, as a coordinator would have. */
function addInformalSupport(databasePath: string): number {
	const db = new Database(databasePath, { fileMustExist: true });
	try {
		return db.transaction(() => {
			const { id: programmeId } = db.prepare('SELECT id FROM programmes LIMIT 1').get() as {
				id: number;
			};
			const { id: patchId } = db
				.prepare('SELECT id FROM patches WHERE slug = ?')
				.get(coordinator.patches[0]) as { id: number };
			const id = Number(
				db
					.prepare(
						`INSERT INTO assets (programme_id, kind, name, description, location_kind, status,
						last_verified_on, consent_recorded_on, consent_how, consent_public, consent_public_on,
						consent_contacts_public)
					VALUES (?, 'informal_support', ?, 'Wenonah drives neighbours to the surgery.', 'roaming',
						'published', '2026-11-20', '2026-11-01', 'In person', 1, '2026-11-01', 1)`
					)
					.run(programmeId, person.name).lastInsertRowid
			);
			db.prepare('INSERT INTO asset_patches (asset_id, patch_id) VALUES (?, ?)').run(id, patchId);
			const contact = db.prepare(
				'INSERT INTO asset_contacts (asset_id, kind, value, visibility) VALUES (?, ?, ?, ?)'
			);
			contact.run(id, 'phone', person.phone, 'coordinators');
			contact.run(id, 'email', person.email, 'public');
			return id;
		})();
	} finally {
		db.close();
	}
}

/** Rows anywhere that still hold her name or a contact, by table. */
function tracesIn(databasePath: string): string[] {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const tables = db
			.prepare(
				"SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
			)
			.all() as { name: string }[];
		const found: string[] = [];
		for (const { name } of tables) {
			for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]) {
				const text = row
					.map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)))
					.join(' ')
					.toLowerCase();
				for (const word of ['wenonah', 'pargeter', person.phone]) {
					if (text.includes(word)) found.push(`${name}: ${word}`);
				}
			}
		}
		return [...new Set(found)];
	} finally {
		db.close();
	}
}

async function signIn(page: Page, user: (typeof demoUsers)[number], path: string) {
	await page.goto(path);
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await page.getByLabel('Email address').fill(user.email);
	await page.getByLabel('Password').fill(user.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(new RegExp(`${path}$`));
}

test('a coordinator removes a person’s data, and it is gone from every public place', async ({
	page,
	request,
	databasePath
}) => {
	const id = addInformalSupport(databasePath);
	// Shown with consent: a visitor can find her before.
	expect((await request.get(`/assets/${id}`)).status()).toBe(200);
	expect(await (await request.get(`/search?q=Wenonah`)).text()).toContain(person.name);
	expect(tracesIn(databasePath).length).toBeGreaterThan(0);

	await signIn(page, coordinator, `/entries/${id}/erase`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Remove this person’s data');
	await expect(page.getByText(person.name)).toBeVisible();
	await expect(page.getByText('2 contact details')).toBeVisible();
	await expect(page.getByText('This cannot be undone')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'test-results/erase-desktop.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/erase-390.png', fullPage: true });
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Remove this person’s data' }).click();
	await expect(page).toHaveURL(/\/entries\/erased$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'This person’s data has been removed'
	);
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'test-results/erased-390.png', fullPage: true });

	expect((await request.get(`/assets/${id}`)).status()).toBe(404);
	expect(await (await request.get(`/search?q=Wenonah`)).text()).not.toContain(person.name);
	const api = await (await request.get('/api/openreferral/services?search=Wenonah')).json();
	expect(api.total_items).toBe(0);
	expect(tracesIn(databasePath)).toEqual([]);
	// The page for it is gone too: there is nothing left to remove.
	expect((await page.goto(`/entries/${id}/erase`))!.status()).toBe(404);
});

test('another patch’s coordinator cannot open the page or remove the data', async ({
	page,
	baseURL,
	databasePath
}) => {
	const id = addInformalSupport(databasePath);
	await page.goto(`/entries/${id}/erase`);
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await page.getByLabel('Email address').fill(otherCoordinator.email);
	await page.getByLabel('Password').fill(otherCoordinator.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot see this page');
	const refused = await page.request.post(`/entries/${id}/erase`, {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: {}
	});
	expect(refused.status()).toBe(403);
	expect(tracesIn(databasePath).length).toBeGreaterThan(0);
	// Tidy up as the right coordinator would, so the worker's database is as the demo left it.
	await page.context().clearCookies();
	await signIn(page, coordinator, `/entries/${id}/erase`);
	await page.getByRole('button', { name: 'Remove this person’s data' }).click();
	await expect(page).toHaveURL(/\/entries\/erased$/);
});
