/**
 * "Is your entry still right?" over time: each link answers once and expires after 30 days, the
 * reminder after 14 days carries a second link that works beside the first, and the daily job asks
 * the entries due a check. Asking and answering are in check-requests.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import { runDailyJobs } from '../../src/lib/server/jobs';
import { sendCheckReminders } from '../../src/lib/server/staff/check-requests';
import {
	answerChanged,
	answerStillRight,
	openCheckLink
} from '../../src/lib/server/staff/check-answers';
import { snapshot } from './staff-fixture';
import {
	askAndGetToken,
	db,
	fx,
	H,
	linkIn,
	openPage,
	outbox,
	post,
	requests
} from './check-request-world';

vi.mock('$lib/server/db', async () => {
	const { dbState } = await import('./mock-db-state');
	return { getDb: () => dbState.db };
});

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
