/**
 * Shared browser-test helpers: every test fails on a console error or page error, and `expectNoAxeViolations`
 * runs axe with the WCAG 2.2 A and AA rules.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export const test = base.extend<{ pageErrors: string[] }>({
	pageErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
			page.on('console', (message) => {
				if (message.type() !== 'error') return;
				// Chromium logs the status of the page itself when it is 4xx (a 404 page, a form sent
				// back with errors): that is the test's subject, not a fault.
				const isOwnStatus =
					message
						.text()
						.startsWith('Failed to load resource: the server responded with a status of 4') &&
					message.location().url === page.url();
				if (!isOwnStatus) errors.push(`console error: ${message.text()}`);
			});
			await use(errors);
			expect(errors, 'console errors and page errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe on the whole page and fails with a readable list of any violations. axe needs JavaScript,
 * so for a page opened without it (`javaScript: false`), the same HTML, scripts removed as that
 * visitor gets it, is checked in a second page that has JavaScript.
 */
export async function expectNoAxeViolations(
	page: Page,
	{ javaScript = true }: { javaScript?: boolean } = {}
): Promise<void> {
	if (!javaScript) return checkWithoutJavaScript(page);
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expectNoViolations(results.violations, page.url());
}

async function checkWithoutJavaScript(page: Page): Promise<void> {
	const url = page.url();
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	const browser = page.context().browser()!;
	const context = await browser.newContext({ javaScriptEnabled: true });
	const copy = await context.newPage();
	await copy.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
	await copy.goto(url);
	const results = await new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze();
	await context.close();
	expectNoViolations(results.violations, `${url} (without JavaScript)`);
}

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

function expectNoViolations(violations: Violations, where: string) {
	const summary = violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
				.slice(0, 3)
				.map((node) => node.target.join(' '))
				.join(', ')}`
	);
	expect(summary, `axe violations on ${where}`).toEqual([]);
}

/** Waits until the MapLibre map on the page has loaded (AreaMap sets this after its load event). */
export async function waitForMap(page: Page): Promise<void> {
	await expect(page.locator('[data-map-loaded="true"]')).toBeVisible({ timeout: 30_000 });
}
