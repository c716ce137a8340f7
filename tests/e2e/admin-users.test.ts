/**
 * An administrator (the demo account) adds a coordinator with a patch, reads the password shown once,
 * signs out; the new coordinator signs in and sees their account page. Then the other new screens:
 * a sign-in link emailed into the outbox and used once, a coordinator's times at venues, the audit
 * log. axe (WCAG 2.2 A and AA) finds nothing on any of them.
 */
import type { Page } from '@playwright/test';
import { demoPatches, demoUsers } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const admin = demoUsers.find((user) => user.role === 'admin')!;
/**
 * The new coordinator joins a patch no other browser test reads: the tests share one database, and a
 * second coordinator on a patch changes what its public page says ("Mae X a Y yn gweithio yn…").
 */
const patch = demoPatches.find((p) => p.slug === 'tanners-brook-and-nant-hir')!;

async function signIn(page: Page, email: string, password: string) {
	await page.goto('/login');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/account$/);
}

test('an admin adds a coordinator with a patch, who then signs in with the password shown once', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, admin.email, admin.password);
	await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Add a user' }).click();
	await expectNoAxeViolations(page);
	// Sent empty first: every problem is listed, and the page passes axe with its errors.
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(page.locator('.error-summary')).toContainText('Enter an email address');
	await expectNoAxeViolations(page);

	await page.getByLabel('Email address').fill('nia.newydd@example.org');
	await page.getByLabel('Name', { exact: true }).fill('Nia Newydd');
	await page.getByLabel('Local area coordinator').check();
	await page.getByLabel(patch.name).check();
	await page.getByLabel('With a password you pass on to them').check();
	await page.getByRole('button', { name: 'Add user' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account created');
	const password = (await page.getByTestId('new-password').textContent())!.trim();
	expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
	await expectNoAxeViolations(page);

	// Their page, as the admin sees it.
	await page.getByRole('link', { name: /Nia Newydd’s account/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nia Newydd');
	await expect(page.locator('.summary-list')).toContainText(patch.name);
	await expectNoAxeViolations(page);

	await page.goto('/account');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

	await signIn(page, 'nia.newydd@example.org', password);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
	await expect(page.getByText('Nia Newydd').first()).toBeVisible();
	await expect(page.getByRole('link', { name: patch.name })).toBeVisible();
	await expect(page.getByText('Local area coordinator')).toBeVisible();
	// A coordinator has no Users link.
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Users' })).toHaveCount(0);

	// Their times at venues: add one, and the account page lists it.
	await page.getByRole('link', { name: 'Change your times at venues' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Add time' }).click();
	await expect(page.locator('.error-summary')).toContainText('Choose a venue');
	await expectNoAxeViolations(page);
	const venue = page.getByLabel('Venue');
	await venue.selectOption({ index: 1 });
	const venueName = (await venue.locator('option:checked').textContent())!.trim();
	await page.getByLabel('Day').selectOption({ label: 'Thursday' });
	await page.getByLabel('Starts').fill('10:00');
	await page.getByLabel('Ends').fill('12:30');
	await page.getByRole('button', { name: 'Add time' }).click();
	await expect(page.getByRole('status')).toHaveText('Time added');
	await expect(page.getByTestId('presence-sessions')).toContainText('Every Thursday, 10:00-12:30');
	await page.goto('/account');
	await expect(page.getByText(`Thursday, 10:00-12:30: ${venueName}`)).toBeVisible();

	await page.getByRole('link', { name: 'Change your password' }).click();
	await expectNoAxeViolations(page);
	// The audit log shows this coordinator the change to their patch's times.
	await page.goto('/audit');
	await expect(page.getByTestId('audit-rows')).toContainText('Added a time at a venue');
	await expectNoAxeViolations(page);
});

test('a sign-in link goes to the outbox, works once, and asks the new user to choose a password', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await signIn(page, admin.email, admin.password);
	await page.goto('/admin/users/new');
	await page.getByLabel('Email address').fill('link.person@example.org');
	await page.getByLabel('Name', { exact: true }).fill('Link Person');
	await page.getByLabel('Council or programme lead').check();
	await page.getByLabel('With a one-time sign-in link').check();
	await page.getByLabel('Email the sign-in link to them').check();
	await page.getByRole('button', { name: 'Add user' }).click();
	const link = (await page.getByTestId('sign-in-link').textContent())!.trim();
	expect(link).toMatch(/\/login\/link\/[\w-]{43}$/);

	await page.goto('/admin/outbox');
	await expect(page.getByText('Email is not set up, so nothing is sent.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Your Patchwork account' }).first().click();
	await expect(page.getByTestId('message-text')).toContainText(link);
	await expectNoAxeViolations(page);

	await page.goto('/audit?what=user');
	await expect(page.getByTestId('audit-rows')).toContainText('Created an account');
	await expect(page.getByTestId('audit-rows')).toContainText('sign-in link, emailed');
	await expectNoAxeViolations(page);

	const context = await browser.newContext();
	const newcomer = await context.newPage();
	await newcomer.goto(link);
	await expect(newcomer.getByText('This link signs in Link Person')).toBeVisible();
	await expectNoAxeViolations(newcomer);
	await newcomer.getByRole('button', { name: 'Sign in' }).click();
	await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Choose your password');
	await expectNoAxeViolations(newcomer);
	await newcomer.getByLabel('New password', { exact: true }).fill('a walk by the canal');
	await newcomer.getByLabel('New password again').fill('a walk by the canal');
	await newcomer.getByRole('button', { name: 'Save password' }).click();
	await expect(newcomer.getByText('Your password has been changed.')).toBeVisible();

	// Used once: the link now says so.
	await newcomer.goto(link);
	await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Sign-in link not working');
	await expectNoAxeViolations(newcomer);
	await context.close();
});
