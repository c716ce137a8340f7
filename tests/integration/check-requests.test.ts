/**
 * "Is your entry still right?" end to end, in a fresh database: a coordinator asks from the to-check
 * list (or the daily job asks entries due a check), the email reaches a real SMTP server in this
 * process, and its link opens the answer page, which records "still right" as a check by the group
 * itself or turns "something has changed" into a suggestion for moderation; each link answers once,
 * expires after 30 days, and the reminder after 14 days carries a second link that works beside the
 * first.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { createSmtpTransport, sendQueued, smtpConfigFromEnv } from '../../src/lib/server/email';
import { runDailyJobs } from '../../src/lib/server/jobs';
import { askEntryToCheck, sendCheckReminders } from '../../src/lib/server/staff/check-requests';
import {
	answerChanged,
	answerStillRight,
	openCheckLink
} from '../../src/lib/server/staff/check-answers';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import { listOpenSuggestionsFor } from '../../src/lib/server/staff/moderation-queue';
import { londonDate } from '../../src/lib/domain/sessions';
import { seedStaffFixture, snapshot, type StaffFixture } from './staff-fixture';
import { getAsset, outcomeOf, staffEvent } from './staff-helpers';
import { bodyOf, header, startSmtpServer } from './smtp-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const toCheck = await import('../../src/routes/staff/to-check/+page.server');
const checkPage = await import('../../src/routes/check/[token]/+page.server');

const H = 'http://localhost';
const FROM = 'Patchwork <patchwork@fennick-vale.example>';
let db: Db;
let fx: StaffFixture;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;

beforeEach(() => {
	db = createTestDb();
	state.db = db;
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

const outbox = () => db.select().from(t.outbox).all();
const requests = () => db.select().from(t.entryCheckRequests).all();
/** The /check/… link in a message body. */
const linkIn = (text: string) => {
	const match = text.match(/https?:\/\/\S+\/check\/([A-Za-z0-9_-]{43})/);
	if (!match) throw new Error(`No check link in:\n${text}`);
	return { url: match[0], token: match[1] };
};

/** What the page's load gives: the refusal, or the entry and the change form's values. */
type PageData = {
	refusal: Record<string, unknown> | null;
	entry?: { id: number; name: string };
	values?: Record<string, string>;
	changing?: boolean;
};
/** The headers the last page load set. */
let pageHeaders: Record<string, string> = {};
const openPage = async (token: string, query = '') =>
	(await checkPage.load({
		...staffEvent(`${H}/check/${token}${query}`, null, { token }),
		setHeaders: (headers: Record<string, string>) => (pageHeaders = headers)
	})) as PageData;
const post = (token: string, action: 'stillRight' | 'changed', form: Record<string, string> = {}) =>
	outcomeOf(() =>
		checkPage.actions[action](
			staffEvent(`${H}/check/${token}?/${action}`, null, { token }, { ...form })
		)
	);

async function askAsCoordinator(assetId = fx.assets.inP, user = fx.users.coordinatorP) {
	return outcomeOf(() =>
		toCheck.actions.ask(staffEvent(`${H}/staff/to-check?/ask`, user, {}, { id: String(assetId) }))
	);
}

describe('a coordinator asks the people who run an entry', () => {
	it('emails its public address a link that works, and "still right" records a check by the group', async () => {
		expect(await askAsCoordinator()).toEqual({
			kind: 'redirect',
			status: 303,
			location: '/staff/to-check?asked=1'
		});
		expect(outbox()).toHaveLength(1);
		expect(outbox()[0]).toMatchObject({
			toAddress: 'hello@knit.example',
			subject: 'Is the entry for Knit and Natter still right?'
		});
		const [request] = requests();
		expect(request).toMatchObject({ assetId: fx.assets.inP, email: 'hello@knit.example' });
		expect(new Date(request.expiresAt).getTime() - new Date(request.sentAt).getTime()).toBe(
			30 * 86_400_000
		);
		const asked = db.select().from(t.auditLog).all().at(-1)!;
		expect(asked).toMatchObject({
			action: 'entry.check_requested',
			userId: fx.users.coordinatorP.id,
			entityId: String(fx.assets.inP)
		});

		// The message goes out over SMTP, and the link in what the server received is the one to use.
		smtp = await startSmtpServer();
		const config = smtpConfigFromEnv({
			SMTP_HOST: '127.0.0.1',
			SMTP_PORT: String(smtp.port),
			SMTP_FROM: FROM
		})!;
		expect(await sendQueued(db, createSmtpTransport(config), new Date(), { from: FROM })).toEqual({
			sent: 1,
			failed: 0
		});
		const received = smtp.received[0];
		expect(received.to).toEqual(['hello@knit.example']);
		expect(header(received.raw, 'Subject')).toBe('Is the entry for Knit and Natter still right?');
		const { url, token } = linkIn(bodyOf(received.raw));
		expect(url.startsWith(`${H}/check/`)).toBe(true);
		// Only the token's hash is stored: the database holds no link that works.
		expect(JSON.stringify(requests())).not.toContain(token);

		// The page shows what visitors see, never the coordinators-only address.
		const page = await openPage(token);
		expect(page.refusal).toBeNull();
		expect(pageHeaders).toEqual({ 'cache-control': 'no-store' });
		expect(page.entry).toMatchObject({ id: fx.assets.inP, name: 'Knit and Natter' });
		expect(JSON.stringify(page)).not.toContain('private@knit.example');
		// Opening the page answers nothing.
		expect(requests()[0].answeredAt).toBeNull();

		const before = getAsset(db, fx.assets.inP)!;
		expect(await post(token, 'stillRight')).toMatchObject({
			kind: 'ok',
			data: { answered: 'still_right', entry: { id: fx.assets.inP } }
		});
		expect(getAsset(db, fx.assets.inP)).toMatchObject({
			lastVerifiedOn: londonDate(new Date()),
			lastVerifiedVia: 'group',
			lastVerifiedBy: null,
			version: before.version + 1
		});
		expect(requests()[0]).toMatchObject({ answer: 'still_right' });
		const audit = db.select().from(t.auditLog).all().at(-1)!;
		expect(audit).toMatchObject({
			action: 'entry.checked',
			userId: null,
			entityId: String(fx.assets.inP)
		});
		expect(audit.detail).toMatchObject({
			patchIds: [fx.patches.p],
			before: { lastVerifiedOn: '2025-09-10', lastVerifiedVia: 'coordinator' },
			after: { lastVerifiedVia: 'group' }
		});

		// A second use says it was answered, and changes nothing.
		const after = JSON.stringify(snapshot(db));
		expect((await openPage(token)).refusal).toMatchObject({
			problem: 'answered',
			answer: 'still_right',
			entry: { id: fx.assets.inP }
		});
		expect(await post(token, 'stillRight')).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { refusal: { problem: 'answered' } }
		});
		expect(
			await post(token, 'changed', { name: 'Knit and Natter', details: 'Moved to Tuesdays' })
		).toMatchObject({ kind: 'fail', status: 409, data: { refusal: { problem: 'answered' } } });
		expect(JSON.stringify(snapshot(db))).toBe(after);
	});

	it('uses the coordinators-only address when there is no public one, and asks once while a link waits', async () => {
		await askAsCoordinator(fx.assets.inQ, fx.users.coordinatorQ);
		expect(outbox().map((m) => m.toAddress)).toEqual(['walk@quay.example']);
		expect(await askAsCoordinator(fx.assets.inQ, fx.users.coordinatorQ)).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { errors: { form: expect.stringContaining('asked already') } }
		});
		expect(outbox()).toHaveLength(1);
	});

	it('refuses a coordinator of another patch, an entry without email, and an informal support', async () => {
		const before = JSON.stringify([snapshot(db), outbox()]);
		expect(await askAsCoordinator(fx.assets.inP, fx.users.coordinatorQ)).toEqual({
			kind: 'error',
			status: 403
		});
		db.delete(t.assetContacts).where(eq(t.assetContacts.kind, 'email')).run();
		const noEmail = JSON.stringify([snapshot(db), outbox()]);
		expect(await askAsCoordinator()).toMatchObject({
			kind: 'fail',
			data: { errors: { form: expect.stringContaining('no email address') } }
		});
		expect(JSON.stringify([snapshot(db), outbox()])).toBe(noEmail);
		expect(before).not.toBe(noEmail);
		const person = Number(
			db
				.insert(t.assets)
				.values({
					programmeId: fx.programmeId,
					kind: 'informal_support',
					name: 'A neighbour',
					lon: 0.5,
					lat: 0.5,
					status: 'published'
				})
				.run().lastInsertRowid
		);
		db.insert(t.assetContacts)
			.values({
				assetId: person,
				kind: 'email',
				value: 'n@example.org',
				visibility: 'coordinators'
			})
			.run();
		expect(askEntryToCheck(db, actorFor(db, fx.users.admin), person, { origin: H })).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(outbox()).toEqual([]);
	});

	it('shows who was asked on the to-check list', async () => {
		await askAsCoordinator();
		const data = (await toCheck.load(staffEvent(`${H}/staff/to-check`, fx.users.coordinatorP))) as {
			rows: { id: number; ask: { hasEmail: boolean; waiting: boolean; askedAt: string | null } }[];
		};
		expect(data.rows.find((r) => r.id === fx.assets.inP)?.ask).toMatchObject({
			hasEmail: true,
			waiting: true
		});
	});
});

describe('"Something has changed"', () => {
	it('becomes a change suggestion for moderation with the changed values, and publishes nothing', async () => {
		const { token } = askAndGetToken();
		const page = await openPage(token, '?answer=changed');
		expect(page.changing).toBe(true);
		expect(page.values).toMatchObject({ name: 'Knit and Natter', email: 'hello@knit.example' });
		const entryBefore = getAsset(db, fx.assets.inP);

		// Nothing changed: said so, nothing stored, the link still works.
		const unchanged = { ...page.values!, details: '' };
		expect(await post(token, 'changed', unchanged)).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { details: expect.stringContaining('Change at least one') } }
		});
		expect(requests()[0].answeredAt).toBeNull();

		expect(
			await post(token, 'changed', {
				...unchanged,
				phone: '01632 960999',
				details: 'We meet on Fridays now.'
			})
		).toMatchObject({ kind: 'ok', data: { answered: 'changed' } });
		expect(getAsset(db, fx.assets.inP)).toEqual(entryBefore);
		const [suggestion] = db.select().from(t.suggestions).all();
		expect(suggestion).toMatchObject({
			kind: 'change',
			status: 'open',
			assetId: fx.assets.inP,
			submitterEmail: 'hello@knit.example',
			details: { details: 'We meet on Fridays now.', fields: { phone: '01632 960999' } }
		});
		expect(requests()[0]).toMatchObject({ answer: 'changed' });
		// It waits in the coordinator's queue, not in the other patch's.
		expect(
			listOpenSuggestionsFor(db, actorFor(db, fx.users.coordinatorP)).map((s) => s.id)
		).toEqual([suggestion.id]);
		expect(listOpenSuggestionsFor(db, actorFor(db, fx.users.coordinatorQ))).toEqual([]);
		expect((await openPage(token)).refusal).toMatchObject({
			problem: 'answered',
			answer: 'changed'
		});
	});
});

/** Ask for Knit and Natter directly, reading the token from the queued email. */
function askAndGetToken(now = new Date()) {
	const result = askEntryToCheck(db, actorFor(db, fx.users.coordinatorP), fx.assets.inP, {
		origin: H,
		now
	});
	if (!result.ok) throw new Error(result.reason);
	return linkIn(outbox().at(-1)!.bodyText);
}

describe('expiry and the reminder', () => {
	const DAY = 86_400_000;

	it('a link older than 30 days says it has expired and changes nothing', async () => {
		const { token } = askAndGetToken(new Date(Date.now() - 30 * DAY - 1000));
		const before = JSON.stringify(snapshot(db));
		expect((await openPage(token)).refusal).toMatchObject({ problem: 'expired' });
		expect(await post(token, 'stillRight')).toMatchObject({
			kind: 'fail',
			data: { refusal: { problem: 'expired' } }
		});
		expect(JSON.stringify(snapshot(db))).toBe(before);
	});

	it('an unknown or malformed link says it does not work', async () => {
		for (const token of ['A'.repeat(43), 'short', '../../etc']) {
			expect((await openPage(token)).refusal).toEqual({ ok: false, problem: 'unknown' });
		}
	});

	it('reminds once after 14 days with a second link; both work until one of them answers', async () => {
		const sent = new Date('2026-11-25T10:00:00.000Z');
		const first = askAndGetToken(sent);
		expect(
			sendCheckReminders(db, { origin: H, now: new Date(sent.getTime() + 14 * DAY - 1) })
		).toBe(0);
		expect(sendCheckReminders(db, { origin: H, now: new Date(sent.getTime() + 14 * DAY) })).toBe(1);
		expect(sendCheckReminders(db, { origin: H, now: new Date(sent.getTime() + 15 * DAY) })).toBe(0);
		const reminder = outbox().at(-1)!;
		expect(reminder).toMatchObject({
			toAddress: 'hello@knit.example',
			subject: 'Reminder: is the entry for Knit and Natter still right?'
		});
		expect(reminder.bodyText).toContain('You can use this link or the one in our first email.');
		const second = linkIn(reminder.bodyText);
		expect(second.token).not.toBe(first.token);
		// The expiry is still 30 days from the first email, and neither token is stored as it is.
		expect(requests()[0].expiresAt).toBe('2026-12-25T10:00:00.000Z');
		expect(JSON.stringify(requests())).not.toContain(second.token);
		// (These tokens were issued on a fixed past date, so read and answer them at that time.)
		const at = new Date(sent.getTime() + 20 * DAY);
		expect(openCheckLink(db, first.token, at)).toMatchObject({
			ok: true,
			entry: { asset: { id: fx.assets.inP } }
		});
		expect(openCheckLink(db, second.token, at)).toMatchObject({ ok: true });

		// Answering through the reminder's link answers the request: the first link then says so.
		expect(answerStillRight(db, second.token, { now: at, today: '2026-12-15' })).toMatchObject({
			ok: true
		});
		const answered = {
			ok: false,
			problem: 'answered',
			answer: 'still_right',
			answeredAt: at.toISOString(),
			entry: { id: fx.assets.inP, name: 'Knit and Natter' }
		};
		expect(openCheckLink(db, first.token, at)).toEqual(answered);
		expect(openCheckLink(db, second.token, at)).toEqual(answered);
		const after = JSON.stringify(snapshot(db));
		expect(
			answerChanged(
				db,
				first.token,
				{ fields: { phone: '01632 960111' }, details: null },
				{ now: at }
			)
		).toMatchObject({ ok: false, problem: 'answered' });
		expect(JSON.stringify(snapshot(db))).toBe(after);
		expect(db.select().from(t.suggestions).all()).toEqual([]);
	});

	it('after 30 days both the first link and the reminder’s say they have expired', async () => {
		const sent = new Date(Date.now() - 30 * DAY - 1000);
		const first = askAndGetToken(sent);
		expect(sendCheckReminders(db, { origin: H, now: new Date(sent.getTime() + 14 * DAY) })).toBe(1);
		const second = linkIn(outbox().at(-1)!.bodyText);
		const before = JSON.stringify(snapshot(db));
		for (const { token } of [first, second]) {
			expect((await openPage(token)).refusal).toMatchObject({
				problem: 'expired',
				entry: { id: fx.assets.inP }
			});
			expect(await post(token, 'stillRight')).toMatchObject({
				kind: 'fail',
				data: { refusal: { problem: 'expired' } }
			});
		}
		expect(JSON.stringify(snapshot(db))).toBe(before);
	});

	it('sends no reminder for an answered request', async () => {
		const { token } = askAndGetToken(new Date(Date.now() - 15 * DAY));
		await post(token, 'stillRight');
		expect(sendCheckReminders(db, { origin: H })).toBe(0);
	});
});

describe('the daily job asks entries due a check', () => {
	it('emails each due entry with an address once per check period, and reminds after 14 days', () => {
		const quiet = () => {};
		const today = '2026-11-25';
		const now = new Date('2026-11-25T06:00:00.000Z');
		// Both fixture entries were last checked on 2025-09-10: due. Add a fresh one and one without email.
		const fresh = Number(
			db
				.insert(t.assets)
				.values({
					programmeId: fx.programmeId,
					kind: 'group',
					name: 'Fresh',
					lon: 0.5,
					lat: 0.5,
					status: 'published',
					lastVerifiedOn: '2026-11-01'
				})
				.run().lastInsertRowid
		);
		db.insert(t.assetContacts)
			.values({ assetId: fresh, kind: 'email', value: 'fresh@example.org' })
			.run();
		const result = runDailyJobs(db, today, quiet, { origin: H, now });
		expect(result.askGroups).toEqual({ today, asked: 2, reminded: 0 });
		expect(
			outbox()
				.map((m) => m.toAddress)
				.sort()
		).toEqual(['hello@knit.example', 'walk@quay.example']);
		expect(
			db
				.select()
				.from(t.auditLog)
				.where(eq(t.auditLog.action, 'entry.check_requested'))
				.all()
				.map((a) => a.userId)
		).toEqual([null, null]);

		// The next day: asked already, nothing new.
		const tomorrow = new Date(now.getTime() + 86_400_000);
		expect(runDailyJobs(db, '2026-11-26', quiet, { origin: H, now: tomorrow }).askGroups).toEqual({
			today: '2026-11-26',
			asked: 0,
			reminded: 0
		});
		// Fourteen days on: one reminder each, once.
		const later = new Date(now.getTime() + 14 * 86_400_000);
		expect(runDailyJobs(db, '2026-12-09', quiet, { origin: H, now: later }).askGroups).toEqual({
			today: '2026-12-09',
			asked: 0,
			reminded: 2
		});
		expect(outbox()).toHaveLength(4);
		// Without a site address the job asks nobody (the links would go nowhere).
		expect(runDailyJobs(db, '2026-12-10', quiet).askGroups).toBeNull();
	});
});
