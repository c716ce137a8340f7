/**
 * A council officer reviews a pair of entries an import flagged as possible duplicates, with and
 * without merging, on the built app.
 */
import Database from 'better-sqlite3';
import { demoAssets, demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, signInAt, test } from './fixtures';

const council = demoUsers.find((user) => user.role === 'council')!;
const somewhere = demoAssets.find((a) => a.kind === 'venue' && a.point)!.point!;

/**
 * Adds two draft venues of its own (other tests read the demo's venues and count what visitors can
 * see, so these touch neither) and flags them as an import would; returns the flag's id.
 */
function flaggedPair(databasePath: string, names: [string, string]): number {
	const db = new Database(databasePath);
	try {
		const add = db.prepare(
			`INSERT INTO assets (programme_id, kind, name, description, lon, lat, status, source, external_id)
			VALUES (1, 'venue', ?, ?, ?, ?, 'draft', 'duplicates-test', ?)`
		);
		const [a, b] = names.map((name, i) =>
			Number(
				add.run(name, `Hall number ${i + 1}`, somewhere[0], somewhere[1], name).lastInsertRowid
			)
		);
		return Number(
			db
				.prepare(
					'INSERT INTO asset_duplicate_flags (asset_id, other_asset_id, reason) VALUES (?, ?, ?)'
				)
				.run(a, b, 'same name within 100 m').lastInsertRowid
		);
	} finally {
		db.close();
	}
}

test('a council officer compares a flagged pair and merges it, taking one field from the other', async ({
	page,
	databasePath
}) => {
	const [first, second] = [`Mill Hall ${Date.now()}`, `Mill Hall, Top Road ${Date.now()}`];
	const flagId = flaggedPair(databasePath, [first, second]);
	await signInAt(page, council, '/staff/duplicates');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Possible duplicates');
	await expectNoAxeViolations(page);

	await page.goto(`/staff/duplicates/${flagId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare possible duplicates');
	await expectNoAxeViolations(page);
	const name = page.getByRole('group', { name: 'Name', exact: true });
	await name.getByLabel('Use entry B’s').check();
	await page.getByRole('button', { name: 'Merge into the kept entry' }).click();

	await expect(page).toHaveURL(/\/staff\/duplicates\?done=merged$/);
	await expect(page.getByRole('status')).toContainText('The entries were merged');
	// Entry A was kept and now has B's name; B is archived.
	const db = new Database(databasePath, { readonly: true });
	const rows = db
		.prepare('SELECT name, status, merged_into_id AS mergedInto FROM assets WHERE name IN (?, ?)')
		.all(first, second) as { name: string; status: string; mergedInto: number | null }[];
	db.close();
	expect(rows.filter((row) => row.status === 'draft').map((row) => row.name)).toEqual([second]);
	expect(rows.filter((row) => row.status === 'archived')).toHaveLength(1);
});

test('keeping both closes the pair, and a visitor cannot reach the review', async ({
	page,
	databasePath
}) => {
	const flagId = flaggedPair(databasePath, [
		`Oak Room ${Date.now()}`,
		`The Oak Room ${Date.now()}`
	]);
	await page.goto(`/staff/duplicates/${flagId}`);
	await expect(page).toHaveURL(/\/login\?redirectTo=/);

	await signInAt(page, council, `/staff/duplicates/${flagId}`);
	await page.getByRole('button', { name: 'They are different: keep both' }).click();
	await expect(page.getByRole('status')).toContainText('Both entries are kept');
	await page.goto(`/staff/duplicates/${flagId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
