/**
 * Moderating residents' suggestions end to end, through the public forms and the moderation routes:
 * what each decision writes, and that nothing a resident sends is published before a moderator says so.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { londonDate } from '../../src/lib/domain/sessions';
import { seedStaffFixture, snapshot, type StaffFixture } from './staff-fixture';
import { getAsset, lastSuggestionId, nextAddress, outcomeOf, staffEvent } from './staff-helpers';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const suggestChange = await import('../../src/routes/assets/[id=id]/suggest/+page.server');
const suggestNew = await import('../../src/routes/suggest/+page.server');
const assetPage = await import('../../src/routes/assets/[id=id]/+page.server');
const moderation = await import('../../src/routes/staff/suggestions/[id=id]/+page.server');

const H = 'http://localhost';
let db: Db;
let fx: StaffFixture;
const today = () => londonDate(new Date());

beforeEach(() => {
	db = createTestDb();
	state.db = db;
	fx = seedStaffFixture(db);
});

async function suggestChangeTo(assetId: number, form: Record<string, string>) {
	const event = staffEvent(`${H}/assets/${assetId}/suggest`, null, { id: String(assetId) }, form);
	event.getClientAddress = nextAddress;
	return suggestChange.actions.default(event);
}

async function suggestGroup(form: Record<string, string>) {
	const event = staffEvent(`${H}/suggest`, null, {}, form);
	event.getClientAddress = nextAddress;
	return suggestNew.actions.default(event);
}

const newGroup = {
	name: 'Tuesday Tea',
	description: 'Tea and cake for anyone.',
	whenWhere: 'Tuesdays 2pm at the library, fv11aa',
	contact: 'Call Jean on 01632 960555 or tea@example.org',
	category: 'social',
	kind: 'group',
	submitterName: 'Ann Resident',
	submitterEmail: 'ann@example.org'
};

function action(
	name: 'approve' | 'edit' | 'create' | 'reject',
	id: number,
	user: StaffFixture['users'][keyof StaffFixture['users']],
	form: Record<string, string | string[]> = {}
) {
	const event = staffEvent(`${H}/staff/suggestions/${id}?/${name}`, user, { id: String(id) }, form);
	return outcomeOf(() => moderation.actions[name](event));
}

describe('nothing a resident sends is published without a moderator', () => {
	it('stores suggestions as open and leaves every entry, contact and category as it was', async () => {
		const before = snapshot(db);
		const published = () =>
			db.select().from(t.assets).where(eq(t.assets.status, 'published')).all();
		const publishedBefore = published();
		expect(
			await suggestChangeTo(fx.assets.inP, { kind: 'change', details: 'The name is now Knit Club' })
		).toMatchObject({ sent: true });
		expect(await suggestChangeTo(fx.assets.inP, { kind: 'closed', details: '' })).toMatchObject({
			sent: true
		});
		expect(await suggestGroup(newGroup)).toMatchObject({ sent: true });
		const after = snapshot(db);
		expect(after.assets).toEqual(before.assets);
		expect(after.contacts).toEqual(before.contacts);
		expect(after.categories).toEqual(before.categories);
		expect(after.audit).toEqual([]);
		expect(published()).toEqual(publishedBefore);
		expect(after.suggestions.map((s) => [s.kind, s.status])).toEqual([
			['change', 'open'],
			['closed', 'open'],
			['new', 'open']
		]);
		// The public page still shows the entry as it was, and none of the senders.
		const page = await assetPage.load(
			staffEvent(`${H}/assets/${fx.assets.inP}`, null, { id: String(fx.assets.inP) })
		);
		const text = JSON.stringify(page);
		expect(text).toContain('Knit and Natter');
		expect(text).not.toContain('Knit Club');
		expect(text).not.toContain('ann@example.org');
		expect(text).not.toContain('Resident');
	});
});

describe('a change suggestion', () => {
	it('shows moderators the sender and the entry field by field', async () => {
		await suggestChangeTo(fx.assets.inP, {
			kind: 'change',
			details: 'New phone 01632 960999',
			submitterName: 'Bob Resident',
			submitterEmail: 'bob@example.org'
		});
		const id = lastSuggestionId(db);
		const data = (await moderation.load(
			staffEvent(`${H}/staff/suggestions/${id}`, fx.users.coordinatorP, { id: String(id) })
		)) as {
			suggestion: { submitterName: string; submitterEmail: string; freeText: string };
			comparison: { key: string; current: string; differs: boolean }[];
		};
		expect(data.suggestion).toMatchObject({
			submitterName: 'Bob Resident',
			submitterEmail: 'bob@example.org',
			freeText: 'New phone 01632 960999'
		});
		expect(data.comparison.find((r) => r.key === 'phone')).toMatchObject({
			current: '01632 960001',
			differs: false
		});
	});

	it('highlights the fields a suggestion with values changes, and approving applies them', async () => {
		await suggestChangeTo(fx.assets.inP, { kind: 'change', details: 'Cheaper now' });
		const id = lastSuggestionId(db);
		// As a group's own "Something has changed" answer would store it: named values.
		db.update(t.suggestions)
			.set({
				details: { details: 'Cheaper now', fields: { cost: 'low', costDetail: '£1 a week' } }
			})
			.where(eq(t.suggestions.id, id))
			.run();
		const data = (await moderation.load(
			staffEvent(`${H}/staff/suggestions/${id}`, fx.users.council, { id: String(id) })
		)) as { comparison: { key: string; differs: boolean }[] };
		expect(data.comparison.filter((r) => r.differs).map((r) => r.key)).toEqual([
			'cost',
			'costDetail'
		]);
		const before = getAsset(db, fx.assets.inP)!;
		expect(await action('approve', id, fx.users.council)).toMatchObject({
			kind: 'redirect',
			location: `/staff/suggestions?approved=${id}`
		});
		expect(getAsset(db, fx.assets.inP)).toMatchObject({
			cost: 'low',
			costDetail: '£1 a week',
			version: before.version + 1,
			lastVerifiedOn: today(),
			lastVerifiedVia: 'council',
			lastVerifiedBy: fx.users.council.id
		});
	});

	it('edit then approve: the moderator’s values are applied, audited with before and after', async () => {
		await suggestChangeTo(fx.assets.inP, { kind: 'change', details: 'Thursdays now, new phone' });
		const id = lastSuggestionId(db);
		const before = getAsset(db, fx.assets.inP)!;
		const outcome = await action('edit', id, fx.users.coordinatorP, {
			name: 'Knit and Natter',
			nameCy: '',
			description: 'Knit and Natter meets every Thursday.',
			descriptionCy: '',
			cost: '',
			costDetail: '',
			phone: '01632 960999',
			email: 'knit@example.org',
			website: ''
		});
		expect(outcome).toMatchObject({ kind: 'redirect', status: 303 });
		const after = getAsset(db, fx.assets.inP)!;
		expect(after).toMatchObject({
			description: 'Knit and Natter meets every Thursday.',
			version: before.version + 1,
			lastVerifiedOn: today(),
			lastVerifiedVia: 'coordinator',
			status: 'published'
		});
		const contacts = db
			.select({ kind: t.assetContacts.kind, value: t.assetContacts.value })
			.from(t.assetContacts)
			.where(eq(t.assetContacts.assetId, fx.assets.inP))
			.all();
		expect(contacts).toEqual([
			{ kind: 'phone', value: '01632 960999' },
			{ kind: 'email', value: 'knit@example.org' }
		]);
		const suggestion = db.select().from(t.suggestions).where(eq(t.suggestions.id, id)).get()!;
		expect(suggestion).toMatchObject({ status: 'accepted', reviewedBy: fx.users.coordinatorP.id });
		const audit = db.select().from(t.auditLog).all();
		expect(audit.map((a) => [a.action, a.entityId])).toEqual([
			['entry.updated', String(fx.assets.inP)],
			['suggestion.approved', String(id)]
		]);
		expect(audit[0].detail).toMatchObject({
			before: {
				description: 'Knit and Natter meets every week.',
				phone: '01632 960001',
				email: ''
			},
			after: { description: 'Knit and Natter meets every Thursday.', phone: '01632 960999' },
			patchIds: [fx.patches.p]
		});
		expect(Object.keys(audit[0].detail!.before as object)).not.toContain('name');
	});

	it('keeps what was typed and changes nothing when a value is wrong', async () => {
		await suggestChangeTo(fx.assets.inP, { kind: 'change', details: 'x' });
		const id = lastSuggestionId(db);
		const before = snapshot(db);
		const outcome = await action('edit', id, fx.users.coordinatorP, {
			name: '',
			description: 'Still here',
			email: 'not-an-email'
		});
		expect(outcome).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: { name: 'Enter the name', email: expect.stringContaining('email address') },
				values: { description: 'Still here' }
			}
		});
		expect(snapshot(db)).toEqual(before);
	});

	it('cannot be decided twice: the second moderator is told, and nothing changes', async () => {
		await suggestChangeTo(fx.assets.inP, { kind: 'change', details: 'x' });
		const id = lastSuggestionId(db);
		await action('reject', id, fx.users.coordinatorP, { reason: 'Nothing to change' });
		const before = snapshot(db);
		expect(await action('approve', id, fx.users.council)).toMatchObject({
			kind: 'fail',
			status: 409
		});
		expect(snapshot(db)).toEqual(before);
	});
});

describe('rejecting', () => {
	it('needs a reason, and keeps it with the suggestion', async () => {
		await suggestChangeTo(fx.assets.inP, { kind: 'closed', details: '' });
		const id = lastSuggestionId(db);
		const before = snapshot(db);
		expect(await action('reject', id, fx.users.coordinatorP, { reason: '  ' })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { reason: 'Enter why you are rejecting this suggestion' } }
		});
		expect(snapshot(db)).toEqual(before);
		await action('reject', id, fx.users.coordinatorP, { reason: 'It still meets: I rang them.' });
		expect(db.select().from(t.suggestions).where(eq(t.suggestions.id, id)).get()).toMatchObject({
			status: 'rejected',
			reviewNote: 'It still meets: I rang them.',
			reviewedBy: fx.users.coordinatorP.id
		});
		expect(getAsset(db, fx.assets.inP)).toEqual(before.assets.find((a) => a.id === fx.assets.inP));
	});
});

describe('"has closed"', () => {
	it('archives the entry on approval, never deletes it', async () => {
		await suggestChangeTo(fx.assets.inP, { kind: 'closed', details: 'Closed in June' });
		const id = lastSuggestionId(db);
		await action('approve', id, fx.users.admin);
		expect(getAsset(db, fx.assets.inP)).toMatchObject({
			status: 'archived',
			archivedReason: 'closed',
			archivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/)
		});
		const audit = db.select().from(t.auditLog).all();
		expect(audit.map((a) => a.action)).toEqual(['entry.archived', 'suggestion.approved']);
	});
});

describe('a new-entry suggestion', () => {
	const completed = {
		kind: 'group',
		name: 'Tuesday Tea',
		description: 'Tea and cake for anyone.',
		category: 'social',
		where: 'place',
		postcode: 'fv1 1aa',
		address: 'Library, High Street',
		phone: '01632 960555',
		email: 'tea@example.org',
		website: '',
		status: 'draft'
	};

	it('belongs to the patch of the postcode in what the resident wrote, and starts the form from it', async () => {
		await suggestGroup(newGroup);
		const id = lastSuggestionId(db);
		const data = (await moderation.load(
			staffEvent(`${H}/staff/suggestions/${id}`, fx.users.coordinatorP, { id: String(id) })
		)) as { patchNames: string[]; newEntry: { defaults: Record<string, string> } };
		expect(data.patchNames).toEqual(['Patch P']);
		expect(data.newEntry.defaults).toMatchObject({
			where: 'place',
			postcode: 'FV1 1AA',
			phone: '01632 960555',
			email: 'tea@example.org',
			status: 'draft'
		});
	});

	it('creates the entry as a draft or published, as the moderator chooses', async () => {
		await suggestGroup(newGroup);
		const draftId = lastSuggestionId(db);
		await suggestGroup({ ...newGroup, name: 'Wednesday Walk' });
		const publishedId = lastSuggestionId(db);
		expect(await action('create', draftId, fx.users.coordinatorP, completed)).toMatchObject({
			kind: 'redirect'
		});
		expect(
			await action('create', publishedId, fx.users.coordinatorP, {
				...completed,
				name: 'Wednesday Walk',
				status: 'published'
			})
		).toMatchObject({ kind: 'redirect' });
		const made = db
			.select()
			.from(t.suggestions)
			.all()
			.map((s) => s.assetId!);
		const [draft, published] = made.map((assetId) => getAsset(db, assetId)!);
		expect(draft).toMatchObject({
			name: 'Tuesday Tea',
			status: 'draft',
			lon: 0.5,
			lat: 0.5,
			postcode: 'FV1 1AA',
			lastVerifiedOn: today(),
			lastVerifiedVia: 'coordinator'
		});
		expect(published).toMatchObject({ name: 'Wednesday Walk', status: 'published' });
		expect(
			db.select().from(t.assetCategories).where(eq(t.assetCategories.assetId, draft.id)).all()
		).toEqual([{ assetId: draft.id, categoryId: 'social' }]);
		expect(
			db
				.select()
				.from(t.auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['entry.created', 'suggestion.approved', 'entry.created', 'suggestion.approved']);
	});

	it('refuses a coordinator placing it in another patch, next to the postcode, changing nothing', async () => {
		await suggestGroup(newGroup);
		const id = lastSuggestionId(db);
		const before = snapshot(db);
		expect(
			await action('create', id, fx.users.coordinatorP, { ...completed, postcode: 'FV2 2BB' })
		).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { postcode: 'You can only add entries in your own patches' } }
		});
		expect(snapshot(db)).toEqual(before);
	});

	it('links an online entry to the patches chosen', async () => {
		await suggestGroup(newGroup);
		const id = lastSuggestionId(db);
		await action('create', id, fx.users.council, {
			...completed,
			where: 'online',
			postcode: '',
			patches: [String(fx.patches.q)]
		});
		const assetId = db.select().from(t.suggestions).get()!.assetId!;
		expect(getAsset(db, assetId)).toMatchObject({
			locationKind: 'online',
			lon: null,
			postcode: null
		});
		expect(db.select().from(t.assetPatches).all()).toEqual([{ assetId, patchId: fx.patches.q }]);
	});
});
