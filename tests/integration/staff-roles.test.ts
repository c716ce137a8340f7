/**
 * Who may use the moderation, freshness and staff home pages: every page and every action, with each
 * of the five columns of the table (visitor, coordinator of the entry's patch P, coordinator of
 * another patch, council, admin). Generated from one table: a new action without a row here is not
 * tested, so add its row. Each case runs on a fresh database and asserts the answer (redirect to sign
 * in, 403, or success) and whether the database changed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { seedStaffFixture, snapshot, type StaffFixture } from './staff-fixture';
import {
	lastSuggestionId,
	nextAddress,
	outcomeOf,
	staffEvent,
	type Outcome
} from './staff-helpers';
import { eq } from 'drizzle-orm';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const suggestChange = await import('../../src/routes/assets/[id=id]/suggest/+page.server');
const suggestNew = await import('../../src/routes/suggest/+page.server');
const home = await import('../../src/routes/staff/+page.server');
const queue = await import('../../src/routes/staff/suggestions/+page.server');
const moderation = await import('../../src/routes/staff/suggestions/[id=id]/+page.server');
const toCheck = await import('../../src/routes/staff/to-check/+page.server');
const settings = await import('../../src/routes/council/settings/+page.server');
const archived = await import('../../src/routes/council/archived/+page.server');
const council = await import('../../src/routes/council/+page.server');

const H = 'http://localhost';
type Column = 'visitor' | 'coordinatorP' | 'coordinatorQ' | 'council' | 'admin';
const COLUMNS: Column[] = ['visitor', 'coordinatorP', 'coordinatorQ', 'council', 'admin'];
/** sign-in: 303 to /login; forbidden: 403; done: the page, or the action's success redirect. */
type Expected = 'sign-in' | 'forbidden' | 'done';

const ENTRY_RULE: Record<Column, Expected> = {
	visitor: 'sign-in',
	coordinatorP: 'done',
	coordinatorQ: 'forbidden',
	council: 'done',
	admin: 'done'
};
const COUNCIL_RULE: Record<Column, Expected> = {
	visitor: 'sign-in',
	coordinatorP: 'forbidden',
	coordinatorQ: 'forbidden',
	council: 'done',
	admin: 'done'
};
const STAFF_RULE: Record<Column, Expected> = {
	visitor: 'sign-in',
	coordinatorP: 'done',
	coordinatorQ: 'done',
	council: 'done',
	admin: 'done'
};

let db: Db;
let fx: StaffFixture;

/** A resident's suggestion through the public forms, as the site receives it. */
async function residentSuggests(
	kind: 'change' | 'closed' | 'new' | 'new-nowhere'
): Promise<number> {
	if (kind === 'new' || kind === 'new-nowhere') {
		const form = {
			name: 'Tuesday Tea',
			description: 'Tea and cake for anyone.',
			whenWhere: kind === 'new' ? 'Tuesdays 2pm at the library, FV1 1AA' : 'Tuesdays, somewhere',
			contact: 'tea@example.org',
			category: 'social',
			kind: 'group',
			submitterName: 'Ann Resident',
			submitterEmail: 'ann@example.org'
		};
		const event = staffEvent(`${H}/suggest`, null, {}, form);
		event.getClientAddress = nextAddress;
		expect(await suggestNew.actions.default(event)).toMatchObject({ sent: true });
	} else {
		const form = {
			kind,
			details: kind === 'change' ? 'They now meet on Thursdays and the phone is 01632 960999.' : '',
			submitterName: 'Bob Resident',
			submitterEmail: 'bob@example.org'
		};
		const event = staffEvent(
			`${H}/assets/${fx.assets.inP}/suggest`,
			null,
			{ id: String(fx.assets.inP) },
			form
		);
		event.getClientAddress = nextAddress;
		expect(await suggestChange.actions.default(event)).toMatchObject({ sent: true });
	}
	return lastSuggestionId(db);
}

const changeValues = {
	name: 'Knit and Natter',
	nameCy: '',
	description: 'Knit and Natter meets every Thursday.',
	descriptionCy: '',
	cost: 'free',
	costDetail: '',
	phone: '01632 960999',
	email: '',
	website: ''
};

interface Case {
	what: string;
	rule: Record<Column, Expected>;
	/** Whether success changes the database (loads never do). */
	writes: boolean;
	prepare?: () => Promise<number> | number;
	call: (user: SessionUser | null, id: number) => unknown;
}

const CASES: Case[] = [
	{
		what: 'staff home (load)',
		rule: STAFF_RULE,
		writes: false,
		call: (user) => home.load(staffEvent(`${H}/staff`, user))
	},
	{
		what: 'suggestion queue (load)',
		rule: STAFF_RULE,
		writes: false,
		call: (user) => queue.load(staffEvent(`${H}/staff/suggestions`, user))
	},
	{
		what: 'a change suggestion about P (load)',
		rule: ENTRY_RULE,
		writes: false,
		prepare: () => residentSuggests('change'),
		call: (user, id) =>
			moderation.load(staffEvent(`${H}/staff/suggestions/${id}`, user, { id: String(id) }))
	},
	{
		what: 'approve a change as suggested',
		rule: ENTRY_RULE,
		writes: true,
		prepare: () => residentSuggests('change'),
		call: (user, id) =>
			moderation.actions.approve(
				staffEvent(`${H}/staff/suggestions/${id}?/approve`, user, { id: String(id) }, {})
			)
	},
	{
		what: 'edit then approve a change',
		rule: ENTRY_RULE,
		writes: true,
		prepare: () => residentSuggests('change'),
		call: (user, id) =>
			moderation.actions.edit(
				staffEvent(`${H}/staff/suggestions/${id}?/edit`, user, { id: String(id) }, changeValues)
			)
	},
	{
		what: 'approve "has closed"',
		rule: ENTRY_RULE,
		writes: true,
		prepare: () => residentSuggests('closed'),
		call: (user, id) =>
			moderation.actions.approve(
				staffEvent(`${H}/staff/suggestions/${id}?/approve`, user, { id: String(id) }, {})
			)
	},
	{
		what: 'approve a new entry placed in P',
		rule: ENTRY_RULE,
		writes: true,
		prepare: () => residentSuggests('new'),
		call: (user, id) =>
			moderation.actions.create(
				staffEvent(
					`${H}/staff/suggestions/${id}?/create`,
					user,
					{ id: String(id) },
					{
						kind: 'group',
						name: 'Tuesday Tea',
						description: 'Tea and cake for anyone.',
						category: 'social',
						where: 'place',
						postcode: 'FV1 1AA',
						status: 'published'
					}
				)
			)
	},
	{
		what: 'reject a suggestion about P',
		rule: ENTRY_RULE,
		writes: true,
		prepare: () => residentSuggests('change'),
		call: (user, id) =>
			moderation.actions.reject(
				staffEvent(
					`${H}/staff/suggestions/${id}?/reject`,
					user,
					{ id: String(id) },
					{ reason: 'Already up to date' }
				)
			)
	},
	{
		what: 'a new-entry suggestion that says nowhere (load)',
		rule: COUNCIL_RULE,
		writes: false,
		prepare: () => residentSuggests('new-nowhere'),
		call: (user, id) =>
			moderation.load(staffEvent(`${H}/staff/suggestions/${id}`, user, { id: String(id) }))
	},
	{
		what: 'reject a new-entry suggestion that says nowhere',
		rule: COUNCIL_RULE,
		writes: true,
		prepare: () => residentSuggests('new-nowhere'),
		call: (user, id) =>
			moderation.actions.reject(
				staffEvent(
					`${H}/staff/suggestions/${id}?/reject`,
					user,
					{ id: String(id) },
					{ reason: 'Not enough detail' }
				)
			)
	},
	{
		what: 'entries to check (load)',
		rule: STAFF_RULE,
		writes: false,
		call: (user) => toCheck.load(staffEvent(`${H}/staff/to-check`, user))
	},
	{
		what: '"Still true" on an entry in P',
		rule: ENTRY_RULE,
		writes: true,
		call: (user) =>
			toCheck.actions.check(
				staffEvent(`${H}/staff/to-check?/check`, user, {}, { id: String(fx.assets.inP) })
			)
	},
	{
		what: '"Check all on this page" with an entry in P',
		rule: ENTRY_RULE,
		writes: true,
		call: (user) =>
			toCheck.actions.checkPage(
				staffEvent(
					`${H}/staff/to-check?/checkPage`,
					user,
					{},
					{ ids: [String(fx.assets.inP)], confirm: 'yes' }
				)
			)
	},
	{
		what: 'council page (load)',
		rule: COUNCIL_RULE,
		writes: false,
		call: (user) => council.load(staffEvent(`${H}/council`, user))
	},
	{
		what: 'freshness settings (load)',
		rule: COUNCIL_RULE,
		writes: false,
		call: (user) => settings.load(staffEvent(`${H}/council/settings`, user))
	},
	{
		what: 'save freshness settings',
		rule: COUNCIL_RULE,
		writes: true,
		call: (user) =>
			settings.actions.default(
				staffEvent(
					`${H}/council/settings`,
					user,
					{},
					{
						checkDueMonths: '3',
						checkStaleMonths: '9',
						archiveAfterMonths: '24'
					}
				)
			)
	},
	{
		what: 'auto-archived entries (load)',
		rule: COUNCIL_RULE,
		writes: false,
		call: (user) => archived.load(staffEvent(`${H}/council/archived`, user))
	},
	{
		what: 'restore an auto-archived entry in P',
		rule: COUNCIL_RULE,
		writes: true,
		prepare: () => {
			db.update(t.assets)
				.set({
					status: 'archived',
					archivedReason: 'unchecked',
					archivedAt: '2026-11-01T03:00:00Z'
				})
				.where(eq(t.assets.id, fx.assets.inP))
				.run();
			return fx.assets.inP;
		},
		call: (user, id) =>
			archived.actions.restore(
				staffEvent(`${H}/council/archived?/restore`, user, {}, { id: String(id) })
			)
	}
];

function userOf(column: Column): SessionUser | null {
	return column === 'visitor' ? null : fx.users[column];
}

function expectOutcome(outcome: Outcome, expected: Expected, writes: boolean) {
	if (expected === 'sign-in') {
		expect(outcome).toMatchObject({ kind: 'redirect', status: 303 });
		expect((outcome as { location: string }).location).toMatch(/^\/login\?redirectTo=/);
	} else if (expected === 'forbidden') {
		expect(outcome).toEqual({ kind: 'error', status: 403 });
	} else if (writes) {
		expect(outcome).toMatchObject({ kind: 'redirect', status: 303 });
		expect((outcome as { location: string }).location).not.toMatch(/^\/login/);
	} else {
		expect(outcome.kind).toBe('ok');
	}
}

beforeEach(() => {
	db = createTestDb();
	state.db = db;
	fx = seedStaffFixture(db);
});

describe('every staff page and action, for each of the five columns', () => {
	for (const c of CASES) {
		for (const column of COLUMNS) {
			const expected = c.rule[column];
			it(`${c.what}: ${column} → ${expected}`, async () => {
				const id = (await c.prepare?.()) ?? 0;
				const before = snapshot(db);
				const outcome = await outcomeOf(() => c.call(userOf(column), id));
				expectOutcome(outcome, expected, c.writes);
				const changed = JSON.stringify(snapshot(db)) !== JSON.stringify(before);
				expect(changed).toBe(expected === 'done' && c.writes);
			});
		}
	}
});

describe('what a coordinator of another patch sees in the lists', () => {
	it('leaves P’s suggestions and entries out of Q’s queue, home and to-check list', async () => {
		await residentSuggests('change');
		const q = fx.users.coordinatorQ;
		const list = (await queue.load(staffEvent(`${H}/staff/suggestions`, q))) as { total: number };
		expect(list.total).toBe(0);
		const p = (await queue.load(staffEvent(`${H}/staff/suggestions`, fx.users.coordinatorP))) as {
			total: number;
		};
		expect(p.total).toBe(1);
		const checks = (await toCheck.load(staffEvent(`${H}/staff/to-check`, q))) as {
			rows: { id: number }[];
		};
		expect(checks.rows.map((r) => r.id)).toEqual([fx.assets.inQ]);
		const qHome = (await home.load(staffEvent(`${H}/staff`, q))) as { openSuggestions: number };
		expect(qHome.openSuggestions).toBe(0);
	});
});
