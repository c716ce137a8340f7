/**
 * The world of the "is your entry still right?" tests (check-requests and check-reminders): a fresh
 * database with the staff fixture and two entries' email addresses, an SMTP server when a test
 * starts one, and the helpers that ask, open and answer a check link.
 * Each test file mocks the database module to read dbState (see mock-db-state.ts).
 */
import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { askEntryToCheck } from '../../src/lib/server/staff/check-requests';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import { dbState } from './mock-db-state';
import { seedStaffFixture, type StaffFixture } from './staff-fixture';
import { outcomeOf, staffEvent } from './staff-helpers';
import type { startSmtpServer } from './smtp-fixture';
export const toCheck = await import('../../src/routes/staff/to-check/+page.server');
export const checkPage = await import('../../src/routes/check/[token]/+page.server');

export const H = 'http://localhost';
export const FROM = 'Patchwork <patchwork@fennick-vale.example>';
export let db: Db;
export let fx: StaffFixture;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
/** Keeps an SMTP server a test started, to close after it. */
export const keepSmtp = (server: NonNullable<typeof smtp>) => (smtp = server);

beforeEach(() => {
	db = createTestDb();
	dbState.db = db;
	fx = seedStaffFixture(db);
	// Knit and Natter (in P) has a public email and a coordinators-only one; Quay Walkers (in Q) only
	// a coordinators-only one.
	db.insert(t.assetContacts)
		.values([
			{
				assetId: fx.assets.inP,
				kind: 'email',
				value: 'private@knit.example',
				visibility: 'coordinators'
			},
			{ assetId: fx.assets.inP, kind: 'email', value: 'hello@knit.example', visibility: 'public' },
			{
				assetId: fx.assets.inQ,
				kind: 'email',
				value: 'walk@quay.example',
				visibility: 'coordinators'
			}
		])
		.run();
});
afterEach(async () => {
	await smtp?.close();
	smtp = undefined;
});

export const outbox = () => db.select().from(t.outbox).all();
export const requests = () => db.select().from(t.entryCheckRequests).all();
/** The /check/… link in a message body. */
export const linkIn = (text: string) => {
	const match = text.match(/https?:\/\/\S+\/check\/([A-Za-z0-9_-]{43})/);
	if (!match) throw new Error(`No check link in:\n${text}`);
	return { url: match[0], token: match[1] };
};

/** What the page's load gives: the refusal, or the entry and the change form's values. */
export type PageData = {
	refusal: Record<string, unknown> | null;
	entry?: { id: number; name: string };
	values?: Record<string, string>;
	changing?: boolean;
};
/** The headers the last page load set. */
export let pageHeaders: Record<string, string> = {};
export const openPage = async (token: string, query = '') =>
	(await checkPage.load({
		...staffEvent(`${H}/check/${token}${query}`, null, { token }),
		setHeaders: (headers: Record<string, string>) => (pageHeaders = headers)
	})) as PageData;
export const post = (
	token: string,
	action: 'stillRight' | 'changed',
	form: Record<string, string> = {}
) =>
	outcomeOf(() =>
		checkPage.actions[action](
			staffEvent(`${H}/check/${token}?/${action}`, null, { token }, { ...form })
		)
	);

export async function askAsCoordinator(assetId = fx.assets.inP, user = fx.users.coordinatorP) {
	return outcomeOf(() =>
		toCheck.actions.ask(staffEvent(`${H}/staff/to-check?/ask`, user, {}, { id: String(assetId) }))
	);
}

export function askAndGetToken(now = new Date()) {
	const result = askEntryToCheck(db, actorFor(db, fx.users.coordinatorP), fx.assets.inP, {
		origin: H,
		now
	});
	if (!result.ok) throw new Error(result.reason);
	return linkIn(outbox().at(-1)!.bodyText);
}
