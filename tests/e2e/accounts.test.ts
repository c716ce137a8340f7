import { demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const coordinator = demoUsers.find((user) => user.role === 'coordinator' && user.patches.length)!;
const council = demoUsers.find((user) => user.role === 'council')!;

test('the sign-in page has no accessibility problems, and nor do its errors', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert').or(page.locator('.error-summary'))).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a wrong password is refused without saying which field was wrong', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email address').fill(council.email);
	await page.getByLabel('Password').fill('not-the-password-at-all');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('Enter a correct email address and password').first()).toBeVisible();
	await expect(page).toHaveURL(/\/login/);
});

test('a coordinator signs in, sees their account and patches, and signs out', async ({
	page,
	context
}) => {
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
	await page.getByLabel('Email address').fill(coordinator.email);
	await page.getByLabel('Password').fill(coordinator.password);
	await page.getByRole('button', { name: 'Sign in' }).click();

	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByText(coordinator.displayName).first()).toBeVisible();
	await expect(page.getByText('Local area coordinator').first()).toBeVisible();
	await expectNoAxeViolations(page);

	const cookie = (await context.cookies()).find((c) => c.name === 'patchwork_session')!;
	expect(cookie.httpOnly).toBe(true);
	expect(cookie.sameSite).toBe('Lax');
	expect(cookie.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/$/);
	expect((await context.cookies()).find((c) => c.name === 'patchwork_session')).toBeUndefined();
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login/);
});

test('the sign-out page works without JavaScript too', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Email address').fill(council.email);
	await page.getByLabel('Password').fill(council.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/account$/);
	await page.goto('/logout');
	await expectNoAxeViolations(page, { javaScript: false });
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await context.close();
});

test('a redirect after sign-in never leaves the site', async ({ page }) => {
	await page.goto('/login?redirectTo=//evil.example.com/');
	await page.getByLabel('Email address').fill(council.email);
	await page.getByLabel('Password').fill(council.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/localhost:\d+\/account$/);
});

test('a coordinator whose week uses one venue is told so; one who moves around is not', async ({
	page
}) => {
	const venuesOf = (user: (typeof demoUsers)[number]) =>
		new Set(user.presence.map((visit) => visit.venueRef)).size;
	const settled = demoUsers.find((user) => user.role === 'coordinator' && venuesOf(user) === 1)!;
	const moving = demoUsers.find((user) => user.role === 'coordinator' && venuesOf(user) > 2)!;
	for (const [user, flagged] of [
		[settled, true],
		[moving, false]
	] as const) {
		await page.goto('/login');
		await page.getByLabel('Email address').fill(user.email);
		await page.getByLabel('Password').fill(user.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('heading', { name: 'Your week' })).toBeVisible();
		await expect(page.getByText('Your whole week is at one venue')).toHaveCount(flagged ? 1 : 0);
		await expect(page.locator('main li a[href^="/assets/"]')).toHaveCount(user.presence.length);
		await page.getByRole('button', { name: 'Sign out' }).click();
	}
});
