/**
 * Finding 2 of issue 14: on a full disk the site said "Thank you: your suggestion has been sent" and
 * stored nothing. Here the built server runs with a file size limit (`ulimit -f`), so once its
 * database's write-ahead log reaches the limit every commit fails as it would on a full disk, while
 * reads go on working. Each answer must then be true: a suggestion the site thanks someone for is
 * stored, and one it cannot store gets an error message, with what they typed kept.
 */
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { demoAssets } from './demo-data';
import { startTestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 110;
const ORIGIN = `http://localhost:${PORT}`;
const DATABASE_PATH = 'test-results/full-disk.db';
const THANK_YOU = 'Thank you: your suggestion has been sent';
const NOT_SENT =
	'Sorry, your suggestion could not be sent because of a problem with the service. Try again later.';

const publishedId = demoAssets.findIndex((asset) => asset.status === 'published') + 1;

/** Every suggestion's name or details, as stored. */
function storedSuggestions(): string[] {
	const db = new Database(DATABASE_PATH, { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare('SELECT details FROM suggestions')
			.all()
			.map((row) => {
				const details = JSON.parse((row as { details: string }).details);
				return String(details.name ?? details.details);
			});
	} finally {
		db.close();
	}
}

/** Folds the write-ahead log into the database file, so the limited server starts with it empty. */
function checkpoint(): void {
	const db = new Database(DATABASE_PATH, { fileMustExist: true });
	try {
		db.pragma('wal_checkpoint(TRUNCATE)');
	} finally {
		db.close();
	}
}

interface Answer {
	text: string;
	status: number;
	thanked: boolean;
	refused: boolean;
}

/** Posts a form as a browser without JavaScript does, from its own address (the limit is per address). */
async function post(
	api: APIRequestContext,
	path: string,
	form: Record<string, string>,
	address: string
): Promise<Answer> {
	const response = await api.post(path, {
		form,
		headers: { origin: ORIGIN, accept: 'text/html', 'x-forwarded-for': address },
		maxRedirects: 0
	});
	const html = await response.text();
	return {
		text: Object.values(form).join(' '),
		status: response.status(),
		thanked: html.includes(THANK_YOU),
		refused: html.includes(NOT_SENT)
	};
}

test('on a full disk, every suggestion the site thanks someone for is stored, and the others are told it was not sent', async ({
	playwright,
	browser
}) => {
	test.setTimeout(120_000);
	// A first start creates the database with the demo borough; the second runs on it, limited.
	await (await startTestServer(PORT, DATABASE_PATH)).stop();
	checkpoint();
	// 40 KiB: room for the write-ahead log's index (32 KiB) and a few commits, then no more.
	const server = await startTestServer(PORT, DATABASE_PATH, {
		keepDatabase: true,
		fileSizeLimitKiB: 40,
		env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
	});
	const answers: { kind: 'new' | 'change'; answer: Answer; name: string }[] = [];
	try {
		const api = await playwright.request.newContext({ baseURL: ORIGIN });
		for (let i = 1; i <= 8; i++) {
			if (i % 2) {
				const name = `Full disk group ${i}`;
				const answer = await post(
					api,
					'/suggest',
					{
						name,
						description: 'A group that meets to talk',
						whenWhere: 'Tuesdays at the hall',
						category: 'food',
						kind: 'group'
					},
					`203.0.113.${i}`
				);
				answers.push({ kind: 'new', answer, name });
			} else {
				const name = `Full disk change ${i}`;
				const answer = await post(
					api,
					`/assets/${publishedId}/suggest`,
					{ kind: 'change', details: name },
					`203.0.113.${i}`
				);
				answers.push({ kind: 'change', answer, name });
			}
		}
		await api.dispose();

		// A person with a browser (no JavaScript) sees the message, keeps what they typed, and is
		// not thanked.
		const context = await browser.newContext({
			baseURL: ORIGIN,
			javaScriptEnabled: false,
			extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.99' }
		});
		const page = await context.newPage();
		await page.goto(`/assets/${publishedId}/suggest`);
		await page.getByLabel('Something has changed or is wrong').check();
		await page.getByLabel('What has changed?').fill('Full disk change from a browser');
		await page.getByRole('button', { name: 'Send suggestion' }).click();
		await expect(page.getByRole('alert')).toContainText(NOT_SENT);
		await expect(page.getByText(THANK_YOU)).toHaveCount(0);
		await expect(page.getByLabel('What has changed?')).toHaveValue(
			'Full disk change from a browser'
		);
		await context.close();
	} finally {
		await server.stop();
	}

	for (const { answer } of answers) {
		// Each answer is one or the other, never both, never a bare error page.
		expect(answer.thanked !== answer.refused, JSON.stringify(answer)).toBe(true);
		expect(answer.status, JSON.stringify(answer)).toBe(answer.thanked ? 200 : 503);
	}
	const thanked = answers.filter((a) => a.answer.thanked).map((a) => a.name);
	const refused = answers.filter((a) => a.answer.refused).map((a) => a.name);
	// The limit was reached: both forms met the full disk.
	expect(answers.filter((a) => a.answer.refused && a.kind === 'new').length).toBeGreaterThan(0);
	expect(answers.filter((a) => a.answer.refused && a.kind === 'change').length).toBeGreaterThan(0);
	const stored = storedSuggestions();
	expect(stored.filter((s) => s.startsWith('Full disk')).sort()).toEqual(thanked.sort());
	expect(stored).not.toContain('Full disk change from a browser');
	expect(refused.every((name) => !stored.includes(name))).toBe(true);
});
