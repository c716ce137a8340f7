/**
 * axe-core with the WCAG 2.2 A and AA rules, run straight in the page: the source is injected once per
 * document and only violations come back. (@axe-core/playwright injects twice per check and returns
 * every pass too, which doubled the time of each check on a 2-core machine.)
 */
import axe from 'axe-core';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

type Violation = Pick<axe.Result, 'id' | 'impact' | 'help'> & { targets: string[] };

/** The page's violations of the WCAG 2.2 A and AA rules. */
async function axeViolations(page: Page): Promise<Violation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	return page.evaluate(async (tags) => {
		const { violations } = await window.axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations']
		});
		return violations.map(({ id, impact, help, nodes }) => ({
			id,
			impact,
			help,
			targets: nodes.slice(0, 3).map((node) => node.target.join(' '))
		}));
	}, WCAG_TAGS);
}

/**
 * Runs axe on the whole page and fails with a readable list of any violations. axe needs JavaScript,
 * so for a page opened without it (`javaScript: false`), the same HTML, scripts removed as that
 * visitor gets it, is checked in a second page that has JavaScript.
 */
export async function expectNoAxeViolations(
	page: Page,
	{ javaScript = true }: { javaScript?: boolean } = {}
): Promise<void> {
	const where = javaScript ? page.url() : `${page.url()} (without JavaScript)`;
	const violations = javaScript
		? await axeViolations(page)
		: await violationsWithoutJavaScript(page);
	const summary = violations.map(
		({ id, impact, help, targets }) => `${id} (${impact}): ${help} — ${targets.join(', ')}`
	);
	expect(summary, `axe violations on ${where}`).toEqual([]);
}

/** One page with JavaScript per browser for those copies, instead of a new context per check. */
const copyPages = new WeakMap<Browser, Promise<Page>>();

async function violationsWithoutJavaScript(page: Page): Promise<Violation[]> {
	const url = page.url();
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	const browser = page.context().browser()!;
	if (!copyPages.has(browser))
		copyPages.set(
			browser,
			browser
				.newContext({ javaScriptEnabled: true })
				.then((context: BrowserContext) => context.newPage())
		);
	const copy = await copyPages.get(browser)!;
	await copy.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }), {
		times: 1
	});
	await copy.goto(url);
	return axeViolations(copy);
}

declare global {
	interface Window {
		axe: typeof axe;
	}
}
