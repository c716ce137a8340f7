/**
 * The audit log page and CSV (who sees which rows, filters, words, formula safety) and the presence
 * pages (what a new time must be, which venues, whose times), through the routes.
 */
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeEvent, thrownBy } from '../../src/lib/server/auth/route-test-helpers';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { recordChange } from '../../src/lib/server/staff/audit';
import { listPresenceForPatch } from '../../src/lib/server/queries/patches';
import { presenceThisWeek } from '../../src/lib/domain/whats-on';
import { addDays } from '../../src/lib/domain/whats-on';
import { londonDate } from '../../src/lib/domain/sessions';
import { seedKeepingWorld, snapshot, type KeepingWorld } from './keeping-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const auditPage = await import('../../src/routes/audit/+page.server');
const auditCsv = await import('../../src/routes/audit.csv/+server');
const ownPresence = await import('../../src/routes/account/presence/+page.server');
const adminPresence = await import('../../src/routes/admin/users/[id=id]/presence/+page.server');

const as = <T>(value: unknown) => value as T;

/** The data of an action's fail(400, …), or null. */
const failed = (result: unknown) =>
	isActionFailure(result)
		? (result.data as unknown as {
				errors: Record<string, string>;
				message?: string;
				values?: Record<string, unknown>;
			})
		: null;

let db: Db;
let world: KeepingWorld;
beforeEach(async () => {
	db = createTestDb();
	state.db = db;
	world = await seedKeepingWorld(db);
});

type AuditData = {
	rows: {
		action: string;
		who: string;
		record: string;
		changes: { label: string; before: string; after: string }[];
	}[];
	totalCount: number;
	csvHref: string | null;
	nextHref: string | null;
	previousHref: string | null;
};
const readAudit = async (user: SessionUser, search = '') =>
	(await auditPage.load(
		as<never>(fakeEvent({ url: `http://localhost/audit${search}`, user }))
	)) as unknown as AuditData;

/** Audit rows at given times: one about each patch, one about none. */
function seedAudit() {
	const at = (iso: string) =>
		db
			.update(t.auditLog)
			.set({ at: iso })
			.where(eq(t.auditLog.id, db.select().from(t.auditLog).all().at(-1)!.id))
			.run();
	recordChange(db, {
		actorId: world.users.coordP.id,
		action: 'entry.updated',
		entity: 'entry',
		entityId: 11,
		before: { name: 'Knit and natter', cost: 'free' },
		after: { name: 'Knit and Natter', cost: 'free' },
		patchIds: [world.patchP]
	});
	at('2026-10-01T09:00:00.000Z');
	recordChange(db, {
		actorId: world.users.coordQ.id,
		action: 'entry.archived',
		entity: 'entry',
		entityId: 12,
		before: { status: 'published' },
		after: { status: 'archived' },
		patchIds: [world.patchQ]
	});
	at('2026-10-15T09:00:00.000Z');
	recordChange(db, {
		actorId: world.users.council.id,
		action: 'programme.settings_changed',
		entity: 'programme',
		entityId: 1,
		before: { checkDueMonths: 6 },
		after: { checkDueMonths: 9 }
	});
	at('2026-11-02T09:00:00.000Z');
}

describe('the audit log', () => {
	it('shows a coordinator only the rows about their own patches; council and admin see all', async () => {
		seedAudit();
		const p = await readAudit(world.users.coordP);
		expect(p.rows.map((r) => r.action)).toEqual(['Entry: updated']);
		const q = await readAudit(world.users.coordQ);
		expect(q.rows.map((r) => r.action)).toEqual(['Entry: archived']);
		for (const user of [world.users.council, world.users.admin]) {
			expect((await readAudit(user)).rows.map((r) => r.action)).toEqual([
				'Programme: settings changed',
				'Entry: archived',
				'Entry: updated'
			]);
		}
		// A coordinator with no patch sees nothing at all.
		db.delete(t.patchCoordinators)
			.where(eq(t.patchCoordinators.userId, world.users.coordP.id))
			.run();
		expect((await readAudit(world.users.coordP)).rows).toEqual([]);
	});

	it('shows each change field by field: only the fields that changed, with both values, in words', async () => {
		seedAudit();
		const [, , updated] = (await readAudit(world.users.council)).rows;
		expect(updated).toMatchObject({
			who: 'Pat Coordinator',
			record: 'Entry',
			changes: [{ label: 'Name', before: 'Knit and natter', after: 'Knit and Natter' }]
		});
	});

	it('filters by who, what and when (London dates), and a coordinator cannot filter their way out of scope', async () => {
		seedAudit();
		const council = world.users.council;
		expect((await readAudit(council, `?who=${world.users.coordQ.id}`)).rows).toHaveLength(1);
		expect((await readAudit(council, '?what=programme')).rows.map((r) => r.action)).toEqual([
			'Programme: settings changed'
		]);
		expect(
			(await readAudit(council, '?from=2026-10-15&to=2026-10-15')).rows.map((r) => r.action)
		).toEqual(['Entry: archived']);
		// 00:30 on 1 October in London is 23:30 UTC the day before.
		db.update(t.auditLog)
			.set({ at: '2026-09-30T23:30:00.000Z' })
			.where(eq(t.auditLog.action, 'entry.updated'))
			.run();
		expect((await readAudit(council, '?from=2026-10-01&to=2026-10-01')).rows).toHaveLength(1);
		expect((await readAudit(world.users.coordP, `?who=${world.users.coordQ.id}`)).rows).toEqual([]);
	});

	it('pages newest first, fifty at a time', async () => {
		for (let i = 0; i < 120; i++) {
			recordChange(db, {
				actorId: world.users.admin.id,
				action: 'user.access_changed',
				entity: 'user',
				entityId: i,
				before: { role: 'council' },
				after: { role: 'admin' }
			});
		}
		const first = await readAudit(world.users.admin);
		expect(first.totalCount).toBe(120);
		expect(first.rows).toHaveLength(50);
		expect(first.nextHref).toBe('/audit?page=2');
		const third = await readAudit(world.users.admin, '?page=3');
		expect(third.rows).toHaveLength(20);
		expect(third.previousHref).toBe('/audit?page=2');
		expect(third.nextHref).toBeNull();
	});

	it('offers the CSV to council and admin only, with the filters, and refuses it to coordinators', async () => {
		expect((await readAudit(world.users.coordP)).csvHref).toBeNull();
		expect((await readAudit(world.users.council, '?what=user')).csvHref).toBe(
			'/audit.csv?what=user'
		);
		const e = await thrownBy(() =>
			auditCsv.GET(
				as<never>(fakeEvent({ url: 'http://localhost/audit.csv', user: world.users.coordP }))
			)
		);
		expect(isHttpError(e) && e.status).toBe(403);
	});

	it('writes a CSV in which nothing can run as a formula', async () => {
		db.update(t.users)
			.set({ displayName: '=HYPERLINK("http://evil.example","Click me")' })
			.where(eq(t.users.id, world.users.coordP.id))
			.run();
		recordChange(db, {
			actorId: world.users.coordP.id,
			action: 'entry.updated',
			entity: 'entry',
			entityId: '+7',
			before: { name: '@SUM(1+1)' },
			after: { name: '-2+3' },
			patchIds: [world.patchP],
			note: '=cmd|" /C calc"!A0'
		});
		const response = (await auditCsv.GET(
			as<never>(fakeEvent({ url: 'http://localhost/audit.csv', user: world.users.council }))
		)) as Response;
		expect(response.headers.get('Content-Type')).toMatch(/^text\/csv/);
		expect(response.headers.get('Content-Disposition')).toMatch(
			/^attachment; filename="audit-log-/
		);
		const text = (await response.text()).replace(/^\uFEFF/, '');
		const cells = text
			.split('\r\n')[1]
			.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
			.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, ''));
		for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
		expect(text).toContain(`'=HYPERLINK(`);
		expect(text).toContain(`,'+7,`);
		expect(text).toContain(`'=cmd|`);
	});
});

describe('presence: a coordinator’s times at venues', () => {
	const today = londonDate(new Date());
	const coordP = () => world.users.coordP;
	const add = (user: SessionUser, form: Record<string, string>) => {
		const body = new FormData();
		for (const [key, value] of Object.entries(form)) body.set(key, value);
		return thrownBy(async () => {
			const result = await ownPresence.actions.add(
				as<never>({
					...fakeEvent({ url: 'http://localhost/account/presence', user }),
					request: new Request('http://localhost/account/presence', { method: 'POST', body })
				})
			);
			throw result;
		});
	};
	const weekly = (venueId: number) => ({
		venueId: String(venueId),
		repeat: 'weekly',
		weekday: '2',
		startTime: '10:00',
		endTime: '12:00'
	});
	const stored = () => db.select().from(t.presenceSessions).all();

	it('offers published venues in or near their patches (up to 1 km outside), not far or unpublished ones', async () => {
		const data = (await ownPresence.load(
			as<never>(fakeEvent({ url: 'http://localhost/account/presence', user: coordP() }))
		)) as { venues: { name: string }[] };
		expect(data.venues.map((v) => v.name)).toEqual(['Aldermoor Library', 'Canal Side Hall']);
	});

	it('adds a weekly time at a venue near their patch, with an audit row', async () => {
		const e = await add(coordP(), { ...weekly(world.venues.nearP), note: 'Ask at reception' });
		expect(isRedirect(e) && e.location).toBe('/account/presence?saved=added');
		expect(stored()).toMatchObject([
			{
				userId: coordP().id,
				venueId: world.venues.nearP,
				weekday: 2,
				onDate: null,
				note: 'Ask at reception'
			}
		]);
		const row = db.select().from(t.auditLog).all().at(-1)!;
		expect(row).toMatchObject({
			action: 'presence.added',
			entity: 'presence',
			userId: coordP().id
		});
		expect(row.detail).toMatchObject({
			patchIds: [world.patchP],
			after: {
				coordinator: 'Pat Coordinator',
				venue: 'Canal Side Hall',
				day: 'Every Tuesday',
				startTime: '10:00',
				endTime: '12:00'
			}
		});
	});

	it('refuses a venue far away, an unpublished one, or one near someone else’s patch, storing nothing', async () => {
		for (const venue of [world.venues.far, world.venues.draftInP, world.venues.inQ]) {
			const result = await add(coordP(), weekly(venue));
			expect(failed(result)?.errors.venueId).toMatch(/Choose a venue from the list/);
		}
		expect(stored()).toEqual([]);
	});

	it('refuses an end before the start, and a one-off whose day is not its date’s, keeping what was typed', async () => {
		const backwards = await add(coordP(), {
			...weekly(world.venues.inP),
			startTime: '14:00',
			endTime: '13:30'
		});
		expect(failed(backwards)).toMatchObject({
			errors: { endTime: 'The end time must be after the start time' },
			values: { startTime: '14:00', endTime: '13:30' }
		});
		// Find a date next week and choose the day before it.
		const date = addDays(today, 7);
		const dateWeekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
		const wrongDay = String((dateWeekday % 7) + 1);
		const mismatch = await add(coordP(), {
			...weekly(world.venues.inP),
			repeat: 'once',
			onDate: date,
			weekday: wrongDay
		});
		expect(failed(mismatch)?.errors.weekday).toMatch(
			/ is a \w+day: choose \w+day, or another date$/
		);
		expect(stored()).toEqual([]);
	});

	it('shows a one-off on the public patch page only in the week it happens', async () => {
		const inWeek = addDays(today, 2);
		const nextWeek = addDays(today, 9);
		for (const onDate of [inWeek, nextWeek]) {
			const e = await add(coordP(), {
				...weekly(world.venues.inP),
				repeat: 'once',
				weekday: '',
				onDate
			});
			expect(isRedirect(e)).toBe(true);
		}
		const presence = listPresenceForPatch(db, world.patchP, today);
		expect(presence.map((p) => p.onDate).sort()).toEqual([inWeek, nextWeek]);
		const week = presenceThisWeek(presence, today);
		expect(week.map((day) => day.date)).toEqual([inWeek]);
		// Past one-offs are not listed at all.
		expect(listPresenceForPatch(db, world.patchP, addDays(today, 10))).toEqual([]);
	});

	it('a coordinator cannot remove another coordinator’s time; council cannot edit presence at all', async () => {
		await add(world.users.subject, weekly(world.venues.inP));
		const [theirs] = stored();
		const before = snapshot(db);
		const body = new FormData();
		body.set('sessionId', String(theirs.id));
		const e = await thrownBy(() =>
			ownPresence.actions.remove(
				as<never>({
					...fakeEvent({ url: 'http://localhost/account/presence', user: coordP() }),
					request: new Request('http://localhost/account/presence', { method: 'POST', body })
				})
			)
		);
		expect(isHttpError(e) && e.status).toBe(404);
		const council = await thrownBy(() =>
			ownPresence.load(
				as<never>(
					fakeEvent({ url: 'http://localhost/account/presence', user: world.users.council })
				)
			)
		);
		expect(isHttpError(council) && council.status).toBe(403);
		expect(snapshot(db)).toBe(before);
	});

	it('an administrator edits a coordinator’s times from the user’s page, with venues near that coordinator’s patches', async () => {
		const data = (await adminPresence.load(
			as<never>({
				...fakeEvent({ url: 'http://localhost/admin/users/x/presence', user: world.users.admin }),
				params: { id: String(world.users.coordQ.id) }
			})
		)) as { venues: { name: string }[]; owner: { displayName: string } };
		expect(data.owner.displayName).toBe('Quinn Coordinator');
		expect(data.venues.map((v) => v.name)).toEqual(['Brookside Centre']);
	});
});
