/**
 * The entry editor's server functions on a real (in-memory, migrated) database: who may do what,
 * what each change writes (the entry, its parts, the check it counts as, one audit row), that a save
 * against an older version is refused and the second try goes through, and the expired-session draft.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeCookies } from '../../src/lib/server/auth/route-test-helpers';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import {
	EntryForbiddenError,
	EntryNotFoundError,
	createEntry,
	getEntryForEditing,
	readEntry,
	resolvePostcodePoint,
	saveEntry
} from '../../src/lib/server/staff/entries';
import { archiveEntry, publishEntry, restoreEntry } from '../../src/lib/server/staff/entry-status';
import {
	DRAFT_COOKIE_NAME,
	keepFormDraft,
	takeFormDraft
} from '../../src/lib/server/staff/form-drafts';
import { getStaffAssetPage, getStaffPatchView } from '../../src/lib/server/staff/public-pages';
import { entryFormOptions, listEntryChoices } from '../../src/lib/server/staff/entry-choices';
import { getPublicAsset } from '../../src/lib/server/queries/assets';
import { parseEntryForm, type EntryData } from '../../src/lib/domain/entries';
import type { SessionUser } from '../../src/lib/server/auth';
import {
	newGroupForm,
	people,
	points,
	seedEntryFixture,
	users,
	type EntryFixture
} from './entry-fixture';

const TODAY = '2026-06-10';

let db: Db;
let fixture: EntryFixture;
beforeEach(() => {
	db = createTestDb();
	fixture = seedEntryFixture(db);
});

const actor = (user: SessionUser) => actorFor(db, user);
const auditRows = () => db.select().from(t.auditLog).all();
const assetRow = (id: number) => db.select().from(t.assets).where(eq(t.assets.id, id)).get()!;
/** The whole database's entries and their parts, to show nothing changed. */
const everything = () => ({
	assets: db.select().from(t.assets).all(),
	sessions: db.select().from(t.assetSessions).all(),
	contacts: db.select().from(t.assetContacts).all(),
	categories: db.select().from(t.assetCategories).all(),
	links: db.select().from(t.assetPatches).all(),
	audit: auditRows()
});

/** The new group's form, read as the editor reads it. */
function parsedGroup(changes: Parameters<typeof newGroupForm>[0] = {}) {
	const choices = listEntryChoices(db);
	const parsed = parseEntryForm(newGroupForm(changes), entryFormOptions(choices, TODAY));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.entry;
}

/** The stored group with one change, as a save would send it. */
const edited = (id: number, change: Partial<EntryData>) => ({
	...readEntry(db, id)!.data,
	...change
});

describe('who may do what (server functions)', () => {
	// Which people each function lets through, for an entry in West: the coordinator of West,
	// council and admin. A visitor never reaches these (the routes send them to sign in).
	const allowed = new Set(['the coordinator of the patch', 'council', 'an admin']);
	const staff = people.filter(([, user]) => user !== null) as [string, SessionUser][];

	for (const [who, user] of staff) {
		const may = allowed.has(who);
		it(`${who} ${may ? 'may' : 'may not'} read, save, publish, archive and restore an entry in the patch`, () => {
			const run = (fn: () => unknown) => {
				try {
					fn();
					return 'done';
				} catch (e) {
					if (e instanceof EntryForbiddenError) return 'forbidden';
					throw e;
				}
			};
			const before = everything();
			const outcomes = [
				run(() => getEntryForEditing(db, actor(user), fixture.group)),
				run(() =>
					saveEntry(db, actor(user), fixture.group, edited(fixture.group, { name: 'Renamed' }), 1, {
						today: TODAY
					})
				),
				run(() => publishEntry(db, actor(user), fixture.draft, 1)),
				run(() => archiveEntry(db, actor(user), fixture.group, may ? 2 : 1)),
				run(() => restoreEntry(db, actor(user), fixture.archived, 1))
			];
			expect(outcomes).toEqual(Array(5).fill(may ? 'done' : 'forbidden'));
			if (!may) {
				expect(everything()).toEqual(before);
				return;
			}
			expect(assetRow(fixture.group)).toMatchObject({ name: 'Renamed', status: 'archived' });
			expect(assetRow(fixture.draft).status).toBe('published');
			expect(assetRow(fixture.archived).status).toBe('published');
			expect(auditRows().map((row) => row.action)).toEqual([
				'entry.updated',
				'entry.published',
				'entry.archived',
				'entry.restored'
			]);
		});

		it(`${who} ${may ? 'may' : 'may not'} add an entry in the patch`, () => {
			const result = createEntry(db, actor(user), parsedGroup(), { today: TODAY });
			if (may) {
				expect(result.ok).toBe(true);
				return;
			}
			expect(result).toEqual({
				ok: false,
				errors: {
					lat: 'This place is in a patch you do not coordinate. Give a place inside one of your patches, or ask the coordinator of that patch to add it'
				}
			});
			expect(db.select().from(t.assets).all()).toHaveLength(4);
			expect(auditRows()).toEqual([]);
		});
	}

	it('says 404 (not found) before anything else for an entry that does not exist', () => {
		expect(() => getEntryForEditing(db, actor(users.admin), 999)).toThrow(EntryNotFoundError);
		expect(() => publishEntry(db, actor(users.coordinator), 999, 1)).toThrow(EntryNotFoundError);
	});

	it('lets a coordinator add an online entry only when it is linked to one of their patches', () => {
		const online = (patches: string[]) =>
			parsedGroup({ locationKind: 'online', patches, lat: '', lon: '', pointFrom: '' });
		expect(
			createEntry(db, actor(users.coordinator), online([String(fixture.east)]), { today: TODAY })
		).toEqual({
			ok: false,
			errors: {
				patches:
					'Choose at least one of your own patches: you can add and change entries in your patches only'
			}
		});
		const created = createEntry(
			db,
			actor(users.coordinator),
			online([String(fixture.west), String(fixture.east)]),
			{ today: TODAY }
		);
		expect(created.ok).toBe(true);
		const id = (created as { id: number }).id;
		expect(db.select().from(t.assetPatches).where(eq(t.assetPatches.assetId, id)).all()).toEqual([
			{ assetId: id, patchId: fixture.west },
			{ assetId: id, patchId: fixture.east }
		]);
		// Linked to East too, so East's coordinator may now edit it.
		expect(() => getEntryForEditing(db, actor(users.otherCoordinator), id)).not.toThrow();
	});

	it('refuses a place in no patch to a coordinator, and lets council add it', () => {
		const nowhere = parsedGroup({
			lat: String(points.nowhere.lat),
			lon: String(points.nowhere.lon)
		});
		expect(createEntry(db, actor(users.coordinator), nowhere, { today: TODAY })).toEqual({
			ok: false,
			errors: { lat: 'This place is not in any patch. Give a place inside one of your patches' }
		});
		expect(createEntry(db, actor(users.council), nowhere, { today: TODAY }).ok).toBe(true);
	});

	it('does not let a coordinator move an entry out of their patches', () => {
		const moved = edited(fixture.group, { ...points.east });
		const result = saveEntry(
			db,
			actor(users.coordinator),
			fixture.group,
			{ ...moved, pointFrom: 'map' },
			1,
			{
				today: TODAY
			}
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				map: 'This place is in a patch you do not coordinate. Give a place inside one of your patches, or ask the coordinator of that patch to add it'
			}
		});
		expect(assetRow(fixture.group)).toMatchObject({ ...points.west, version: 1 });
	});

	it('gives a coordinator with no patch nothing to edit', () => {
		db.delete(t.patchCoordinators)
			.where(eq(t.patchCoordinators.userId, users.coordinator.id))
			.run();
		expect(() => getEntryForEditing(db, actor(users.coordinator), fixture.group)).toThrow(
			EntryForbiddenError
		);
	});
});

describe('adding an entry', () => {
	it('stores every part, counts as a check by the person and their role, and audits it', () => {
		const result = createEntry(db, actor(users.coordinator), parsedGroup(), { today: TODAY });
		expect(result).toEqual({ ok: true, id: expect.any(Number), version: 1 });
		const id = (result as { id: number }).id;
		expect(assetRow(id)).toMatchObject({
			programmeId: fixture.programmeId,
			kind: 'group',
			name: 'Walk and talk',
			status: 'draft',
			version: 1,
			...points.west,
			postcode: 'FV1 1AA',
			familyFriendly: true,
			cost: 'free',
			lastVerifiedOn: TODAY,
			lastVerifiedBy: users.coordinator.id,
			lastVerifiedVia: 'coordinator'
		});
		expect(readEntry(db, id)!.data).toMatchObject({
			categoryIds: ['social', 'walking'],
			sessions: [
				{
					frequency: 'monthly',
					weekday: 6,
					weekOfMonth: -1,
					anchorDate: null,
					startTime: '10:00',
					endTime: '11:30',
					note: null
				}
			],
			contacts: [
				{ kind: 'email', label: null, value: 'walk.leader@example.org', visibility: 'coordinators' }
			]
		});
		const [audit] = auditRows();
		expect(audit).toMatchObject({
			userId: users.coordinator.id,
			action: 'entry.created',
			entity: 'entry',
			entityId: String(id),
			detail: { patchIds: [fixture.west], before: null }
		});
		expect(audit.detail!.after).toMatchObject({ name: 'Walk and talk', version: 1 });
	});

	it('finds the point of a place given by postcode, and says so when the postcode is unknown', () => {
		const byPostcode = parsedGroup({ pointFrom: 'postcode', postcode: 'fv2 2bb' });
		expect(resolvePostcodePoint(db, byPostcode)).toEqual({
			ok: true,
			entry: { ...byPostcode, ...points.east, postcode: 'FV2 2BB' }
		});
		expect(resolvePostcodePoint(db, { ...byPostcode, postcode: 'FV9 9ZZ' })).toEqual({
			ok: false,
			errors: {
				postcode:
					'We could not find the postcode FV9 9ZZ: check it, or give the place on the map or as coordinates'
			}
		});
	});

	it('takes everything back when a part cannot be written', () => {
		const bad = { ...parsedGroup(), categoryIds: ['social', 'no-such-category'] };
		expect(() => createEntry(db, actor(users.council), bad, { today: TODAY })).toThrow();
		expect(db.select().from(t.assets).all()).toHaveLength(4);
		expect(auditRows()).toEqual([]);
	});
});

describe('saving an entry', () => {
	it('replaces its parts, bumps the version, is a check today, and audits before and after', () => {
		const before = readEntry(db, fixture.group)!;
		const change = edited(fixture.group, {
			name: 'Knit and Natter Club',
			contacts: [{ kind: 'phone', label: null, value: '01632 960999', visibility: 'public' }],
			sessions: []
		});
		expect(saveEntry(db, actor(users.council), fixture.group, change, 1, { today: TODAY })).toEqual(
			{
				ok: true,
				id: fixture.group,
				version: 2
			}
		);
		const after = readEntry(db, fixture.group)!;
		expect(after.data).toEqual(change);
		expect(assetRow(fixture.group)).toMatchObject({
			version: 2,
			lastVerifiedOn: TODAY,
			lastVerifiedBy: users.council.id,
			lastVerifiedVia: 'council'
		});
		expect(auditRows()).toMatchObject([
			{
				userId: users.council.id,
				action: 'entry.updated',
				entityId: String(fixture.group),
				detail: {
					patchIds: [fixture.west],
					before: { ...before.data, version: 1 },
					after: { ...change, version: 2 }
				}
			}
		]);
	});

	it('refuses archiving or restoring through the form', () => {
		const result = saveEntry(
			db,
			actor(users.council),
			fixture.group,
			edited(fixture.group, { status: 'archived' }),
			1,
			{ today: TODAY }
		);
		expect(result).toEqual({
			ok: false,
			errors: { status: 'Use the Archive or Restore button to archive an entry or bring it back' }
		});
	});
});

describe('two people editing the same entry', () => {
	it('refuses the second save (no last-write-wins), then lets it through at the new version', () => {
		// Both opened version 1. Tracey saves first.
		const tracey = saveEntry(
			db,
			actor(users.coordinator),
			fixture.group,
			edited(fixture.group, { name: 'Tracey’s name' }),
			1,
			{ today: TODAY }
		);
		expect(tracey).toMatchObject({ ok: true, version: 2 });

		// The lead saves what they read at version 1: refused, with the entry as it is now.
		const before = everything();
		const lead = saveEntry(
			db,
			actor(users.council),
			fixture.group,
			{ ...edited(fixture.group, {}), name: 'Knit and natter', cost: 'low' },
			1,
			{ today: TODAY }
		);
		expect(lead).toMatchObject({
			ok: false,
			conflict: { version: 2, data: { name: 'Tracey’s name' } }
		});
		expect(everything()).toEqual(before);

		// Their second try names version 2 and goes through.
		const retry = saveEntry(
			db,
			actor(users.council),
			fixture.group,
			edited(fixture.group, { cost: 'low' }),
			2,
			{ today: TODAY }
		);
		expect(retry).toMatchObject({ ok: true, version: 3 });
		expect(assetRow(fixture.group)).toMatchObject({
			name: 'Tracey’s name',
			cost: 'low',
			version: 3
		});
		expect(auditRows().map((row) => row.userId)).toEqual([users.coordinator.id, users.council.id]);
	});

	it('refuses archive, restore and publish pressed at an older version too', () => {
		saveEntry(db, actor(users.council), fixture.group, edited(fixture.group, {}), 1, {
			today: TODAY
		});
		const result = archiveEntry(db, actor(users.coordinator), fixture.group, 1);
		expect(result).toMatchObject({ ok: false, conflict: { version: 2 } });
		expect(assetRow(fixture.group).status).toBe('published');
	});
});

describe('publish, archive and restore', () => {
	it('publishes only a draft', () => {
		expect(publishEntry(db, actor(users.coordinator), fixture.group, 1)).toEqual({
			ok: false,
			refused: 'Only a draft can be published'
		});
		expect(auditRows()).toEqual([]);
	});

	it('archives without deleting, and restore brings back the status it had', () => {
		expect(archiveEntry(db, actor(users.coordinator), fixture.draft, 1)).toEqual({
			ok: true,
			version: 2
		});
		expect(assetRow(fixture.draft)).toMatchObject({
			status: 'archived',
			archivedReason: 'by_hand',
			archivedAt: expect.stringMatching(/^\d{4}-/)
		});
		expect(restoreEntry(db, actor(users.coordinator), fixture.draft, 2)).toEqual({
			ok: true,
			version: 3
		});
		expect(assetRow(fixture.draft)).toMatchObject({
			status: 'draft',
			archivedAt: null,
			archivedReason: null
		});
		expect(auditRows().map((row) => [row.action, row.detail?.before, row.detail?.after])).toEqual([
			[
				'entry.archived',
				expect.objectContaining({ status: 'draft', version: 1 }),
				expect.objectContaining({ status: 'archived', archivedReason: 'by_hand', version: 2 })
			],
			[
				'entry.restored',
				expect.objectContaining({ status: 'archived', version: 2 }),
				expect.objectContaining({ status: 'draft', archivedReason: null, version: 3 })
			]
		]);
	});

	it('restores an entry archived without a record of its status as published', () => {
		expect(restoreEntry(db, actor(users.admin), fixture.archived, 1)).toMatchObject({ ok: true });
		expect(assetRow(fixture.archived).status).toBe('published');
	});
});

describe('a form kept when the session ran out', () => {
	it('comes back once, for the same page, within the hour, and is deleted after', () => {
		const jar = fakeCookies();
		const now = new Date('2026-06-10T10:00:00Z');
		keepFormDraft(
			db,
			jar.cookies,
			'/entries/2/edit',
			{ name: ['Half typed'], password: ['x'] },
			{
				now
			}
		);
		const key = jar.jar.get(DRAFT_COOKIE_NAME)!;
		expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(jar.options.get(DRAFT_COOKIE_NAME)).toMatchObject({
			httpOnly: true,
			sameSite: 'lax',
			path: '/',
			maxAge: 3600
		});
		const [stored] = db.select().from(t.formDrafts).all();
		// Stored under the key's hash, never the key; nothing secret kept.
		expect(stored.id).not.toBe(key);
		expect(stored.id).toMatch(/^[0-9a-f]{64}$/);
		expect(stored.data).toEqual({ name: ['Half typed'] });

		expect(takeFormDraft(db, jar.cookies, '/entries/3/edit', { now })).toBeNull();
		expect(takeFormDraft(db, jar.cookies, '/entries/2/edit', { now })).toEqual({
			name: ['Half typed']
		});
		expect(db.select().from(t.formDrafts).all()).toEqual([]);
		expect(jar.deleted).toContain(DRAFT_COOKIE_NAME);
		expect(takeFormDraft(db, jar.cookies, '/entries/2/edit', { now })).toBeNull();
	});

	it('is gone after an hour', () => {
		const jar = fakeCookies();
		const now = new Date('2026-06-10T10:00:00Z');
		keepFormDraft(db, jar.cookies, '/entries/new', { name: ['x'] }, { now });
		const later = new Date(now.getTime() + 60 * 60 * 1000);
		expect(takeFormDraft(db, jar.cookies, '/entries/new', { now: later })).toBeNull();
		expect(db.select().from(t.formDrafts).all()).toEqual([]);
	});
});

describe('what staff see on public pages', () => {
	it('shows a draft, and every contact marked, only to those who may edit it', () => {
		expect(getPublicAsset(db, fixture.draft)).toBeNull();
		expect(getStaffAssetPage(db, users.otherCoordinator, fixture.draft)).toBeNull();
		const page = getStaffAssetPage(db, users.coordinator, fixture.draft)!;
		expect(page.marks).toEqual({
			status: 'draft',
			isPrivate: false,
			version: 1,
			editHref: `/entries/${fixture.draft}/edit`
		});
		const group = getStaffAssetPage(db, users.council, fixture.group)!;
		expect(group.page.contacts.map((c) => [c.value, c.coordinatorsOnly])).toEqual([
			['01632 960190', false],
			['ann.private@example.org', true]
		]);
	});

	it('marks a private informal support and its contacts, and lists it on its patch page for staff only', () => {
		const person = createEntry(
			db,
			actor(users.coordinator),
			{
				...parsedGroup(),
				kind: 'informal_support',
				name: 'Jean who gives lifts',
				status: 'published',
				consentRecordedOn: '2026-06-01',
				consentHow: 'In person',
				consentPublic: false,
				consentPublicOn: null,
				consentContactsPublic: false
			},
			{ today: TODAY }
		) as { id: number };
		expect(getStaffAssetPage(db, users.coordinator, person.id)!.marks.isPrivate).toBe(true);
		const listed = [fixture.venue, fixture.group];
		expect(getStaffPatchView(db, users.coordinator, fixture.west, listed)).toEqual({
			editableIds: listed,
			hidden: [
				expect.objectContaining({ id: fixture.draft, reason: 'draft' }),
				expect.objectContaining({ id: person.id, reason: 'private' })
			]
		});
		expect(getStaffPatchView(db, users.otherCoordinator, fixture.west, listed)).toEqual({
			editableIds: [],
			hidden: []
		});
		expect(getStaffPatchView(db, users.council, fixture.west, listed).editableIds).toEqual(listed);
	});
});
