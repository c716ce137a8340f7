/**
 * The page an emailed "is it still right?" link opens, at phone width, on the built app, with no one
 * signed in: the entry and two answers; "Something has changed" with its error summary; each link
 * answers once; the same page in Welsh under /cy. It adds a published group of its own and deletes it afterwards (with its requests and
 * suggestions), so the demo's public pages and moderation queue stay as other tests read them.
 */
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { demoAssets } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const somewhere = demoAssets.find((a) => a.kind === 'venue' && a.point)!.point!;

/** A request for the entry as the email would make it; returns the link's token. */
function addRequest(db: Database.Database, assetId: number): string {
	const token = randomBytes(32).toString('base64url');
	const now = new Date();
	db.prepare(
		`INSERT INTO entry_check_requests (asset_id, email, token_hash, sent_at, expires_at)
		VALUES (?, 'hello@check-test.example', ?, ?, ?)`
	).run(
		assetId,
		createHash('sha256').update(token).digest('hex'),
		now.toISOString(),
		new Date(now.getTime() + 30 * 86_400_000).toISOString()
	);
	return token;
}

test.use({ viewport: { width: 390, height: 844 } });

test('the people who run a group answer "still right", then "something has changed", each link once', async ({
	page,
	databasePath
}) => {
	const name = `Check Link Walkers ${Date.now()}`;
	const db = new Database(databasePath);
	const assetId = Number(
		db
			.prepare(
				`INSERT INTO assets (programme_id, kind, name, description, lon, lat, postcode, status, last_verified_on, source)
				VALUES (1, 'group', ?, 'A walk and a chat every Thursday.', ?, ?, 'FV1 1AA', 'published', '2025-01-10', 'check-link-test')`
			)
			.run(name, somewhere[0], somewhere[1]).lastInsertRowid
	);
	try {
		db.prepare(
			`INSERT INTO asset_contacts (asset_id, kind, value, visibility) VALUES (?, 'email', 'private@check-test.example', 'coordinators')`
		).run(assetId);
		const first = addRequest(db, assetId);

		await page.goto(`/check/${first}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Is the entry for ${name} still right?`
		);
		await expect(page.getByTestId('entry-summary')).toContainText(
			'A walk and a chat every Thursday.'
		);
		await expect(page.getByTestId('entry-summary')).toContainText('10 January 2025');
		// What visitors see only: never the coordinators-only address.
		await expect(page.locator('body')).not.toContainText('private@check-test.example');
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Everything is still right' }).click();
		await expect(page.getByTestId('answered')).toContainText('is recorded as checked today');
		const checked = db
			.prepare('SELECT last_verified_via AS via, last_verified_on AS on_ FROM assets WHERE id = ?')
			.get(assetId) as { via: string; on_: string };
		expect(checked.via).toBe('group');
		expect(checked.on_).not.toBe('2025-01-10');

		// The same link again: answered already, said plainly.
		await page.goto(`/check/${first}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have your answer already');
		await expect(page.getByTestId('refusal')).toContainText('everything is still right');
		await expectNoAxeViolations(page);

		// A second request: "Something has changed", first with nothing changed.
		const second = addRequest(db, assetId);
		await page.goto(`/check/${second}`);
		await page.getByRole('link', { name: 'Something has changed' }).click();
		await expect(page.getByRole('heading', { name: 'What has changed?' })).toBeVisible();
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
		await page.getByRole('button', { name: 'Send the changes' }).click();
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('Change at least one of the details above');
		await expect(page).toHaveTitle(/^Error: /);
		await expectNoAxeViolations(page);

		await page.getByLabel('What else has changed (optional)').fill('We walk on Fridays now.');
		await page.getByRole('button', { name: 'Send the changes' }).click();
		await expect(page.getByTestId('answered')).toContainText('We have your changes');
		const suggestion = db
			.prepare("SELECT status, details FROM suggestions WHERE asset_id = ? AND kind = 'change'")
			.get(assetId) as { status: string; details: string };
		expect(suggestion.status).toBe('open');
		expect(JSON.parse(suggestion.details)).toMatchObject({ details: 'We walk on Fridays now.' });

		await page.goto(`/check/${second}`);
		await expect(page.getByTestId('refusal')).toContainText('something has changed');
	} finally {
		// Its requests and suggestions go with it (ON DELETE CASCADE).
		db.prepare('DELETE FROM assets WHERE id = ?').run(assetId);
		db.close();
	}
});

test('the page in Welsh: Welsh words and buttons, a switch to English, and answers in Welsh', async ({
	page,
	databasePath
}) => {
	const name = `Cerddwyr Gwirio ${Date.now()}`;
	const db = new Database(databasePath);
	const assetId = Number(
		db
			.prepare(
				`INSERT INTO assets (programme_id, kind, name, description, lon, lat, status, last_verified_on, source)
				VALUES (1, 'group', ?, 'A walk every Monday.', ?, ?, 'published', '2025-01-10', 'check-link-test')`
			)
			.run(name, somewhere[0], somewhere[1]).lastInsertRowid
	);
	try {
		const token = addRequest(db, assetId);
		await page.goto(`/cy/check/${token}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Ydy'r cofnod ar gyfer ${name} yn dal yn gywir?`
		);
		await expect(page.getByTestId('entry-summary')).toContainText('10 Ionawr 2025');
		await expect(page.getByRole('button', { name: 'Mae popeth yn dal yn gywir' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Mae rhywbeth wedi newid' })).toBeVisible();
		await expectNoAxeViolations(page);

		// The switch opens the same link in English, and back.
		const toEnglish = page.getByTestId('language-switch');
		await expect(toEnglish).toHaveText('English');
		await expect(toEnglish).toHaveAttribute('href', `/check/${token}`);
		await page.goto(`/check/${token}`);
		await expect(page.getByTestId('language-switch')).toHaveText('Cymraeg');
		await expect(page.getByTestId('language-switch')).toHaveAttribute('href', `/cy/check/${token}`);

		// "Something has changed" in Welsh: the form and its error are Welsh too.
		await page.goto(`/cy/check/${token}`);
		await page.getByRole('link', { name: 'Mae rhywbeth wedi newid' }).click();
		await expect(page.getByRole('heading', { name: 'Beth sydd wedi newid?' })).toBeVisible();
		await expect(page.getByLabel('Enw', { exact: true })).toHaveValue(name);
		await page.getByRole('button', { name: 'Anfon y newidiadau' }).click();
		await expect(page.getByRole('alert')).toContainText("Newidiwch o leiaf un o'r manylion");
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'Yn ôl: mae popeth yn dal yn gywir' }).click();
		await page.getByRole('button', { name: 'Mae popeth yn dal yn gywir' }).click();
		await expect(page.getByTestId('answered')).toContainText(
			"wedi'i gofnodi fel un a wiriwyd heddiw"
		);
		await page.goto(`/cy/check/${token}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Mae eich ateb gennym yn barod'
		);
		await expectNoAxeViolations(page);
	} finally {
		db.prepare('DELETE FROM assets WHERE id = ?').run(assetId);
		db.close();
	}
});
