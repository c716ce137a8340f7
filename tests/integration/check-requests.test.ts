/**
 * "Is your entry still right?" end to end, in a fresh database: a coordinator asks from the to-check
 * list, the email reaches a real SMTP server in this process, and its link opens the answer page,
 * which records "still right" as a check by the group itself or turns "something has changed" into
 * a suggestion for moderation. Expiry, reminders and the daily job are in check-reminders.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import { createSmtpTransport, sendQueued, smtpConfigFromEnv } from '../../src/lib/server/email';
import { askEntryToCheck } from '../../src/lib/server/staff/check-requests';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import { listOpenSuggestionsFor } from '../../src/lib/server/staff/moderation-queue';
import { londonDate } from '../../src/lib/domain/sessions';
import { snapshot } from './staff-fixture';
import { getAsset, staffEvent } from './staff-helpers';
import { bodyOf, header, startSmtpServer } from './smtp-fixture';
import {
	askAndGetToken,
	askAsCoordinator,
	db,
	FROM,
	fx,
	H,
	keepSmtp,
	linkIn,
	openPage,
	outbox,
	pageHeaders,
	post,
	requests,
	toCheck
} from './check-request-world';

vi.mock('$lib/server/db', async () => {
	const { dbState } = await import('./mock-db-state');
	return { getDb: () => dbState.db };
});

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
		const smtp = keepSmtp(await startSmtpServer());
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
