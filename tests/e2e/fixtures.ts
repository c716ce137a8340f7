/**
 * Shared browser-test helpers: each worker serves the build on its own fresh database (server.ts);
 * every test fails on a console error or page error, and `expectNoAxeViolations` runs axe with the
 * WCAG 2.2 A and AA rules.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from './server';

const BASE_PORT = Number(process.env.E2E_PORT ?? 4173);

export const test = base.extend<
	{ pageErrors: string[]; databasePath: string; serverLogOnFailure: void },
	{ testServer: TestServer }
>({
	testServer: [
		// Playwright reads the fixtures a function needs from its first parameter's pattern: none here.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			const server = await startTestServer(
				BASE_PORT + workerInfo.parallelIndex,
				`test-results/e2e-${workerInfo.parallelIndex}.db`
			);
			await use(server);
			await server.stop();
		},
		{ scope: 'worker', timeout: 60_000 }
	],
	baseURL: async ({ testServer }, use) => use(testServer.origin),
	/** The database behind this worker's server, for tests that check what a form stored. */
	databasePath: async ({ testServer }, use) => use(testServer.databasePath),
	/** On a failure, what the server printed during the test (one line per request) goes with it. */
	serverLogOnFailure: [
		async ({ testServer }, use, testInfo) => {
			const from = testServer.output().length;
			await use();
			if (testInfo.status === testInfo.expectedStatus) return;
			const log = testServer.output().slice(from).split('\n').slice(-60).join('\n');
			process.stderr.write(`The test server's output during this test:\n${log}\n`);
		},
		{ auto: true }
	],
	pageErrors: [
		async ({ page }, use) => {
			const errors = collectPageErrors(page);
			await use(errors);
			expect(errors, 'console errors and page errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/**
 * Page errors and console errors from now on, as a list that grows. Chromium logs the status of the
 * page itself when it is 4xx (a 404 page, a form sent back with errors): that is a test's subject,
 * not a fault, so it is left out.
 */
export function collectPageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const isOwnStatus =
			message
				.text()
				.startsWith('Failed to load resource: the server responded with a status of 4') &&
			message.location().url === page.url();
		if (!isOwnStatus) errors.push(`console error: ${message.text()}`);
	});
	return errors;
}
export { expectNoAxeViolations } from './axe';

/** Waits until the MapLibre map on the page has loaded (AreaMap sets this after its load event). */
export async function waitForMap(page: Page): Promise<void> {
	await expect(page.locator('[data-map-loaded="true"]')).toBeVisible({ timeout: 30_000 });
}

/**
 * Signs in through the sign-in form and lands on `path` (the form's redirectTo), as a person would.
 * @example await signInAt(page, council, '/council/import');
 */
export async function signInAt(
	page: Page,
	user: { email: string; password: string },
	path: string
): Promise<void> {
	await page.goto(`/login?redirectTo=${encodeURIComponent(path)}`);
	await page.getByLabel('Email address').fill(user.email);
	await page.getByLabel('Password').fill(user.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}
