/**
 * The entry editor's saves on a real (in-memory, migrated) database: what a save writes, that a save
 * against an older version is refused and the second try goes through, publishing, archiving and
 * restoring, the expired-session draft, and what staff see on public pages. Who may do what, and
 * adding an entry: entry-editor.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeCookies } from '../../src/lib/server/auth/route-test-helpers';
import { createEntry, readEntry, saveEntry } from '../../src/lib/server/staff/entries';
import { archiveEntry, publishEntry, restoreEntry } from '../../src/lib/server/staff/entry-status';
import {
	DRAFT_COOKIE_NAME,
	keepFormDraft,
	takeFormDraft
} from '../../src/lib/server/staff/form-drafts';
import { getStaffAssetPage, getStaffPatchView } from '../../src/lib/server/staff/public-pages';
import { getPublicAsset } from '../../src/lib/server/queries/assets';
import { seedEntryFixture, users, type EntryFixture } from './entry-fixture';
import { entryEditorHelpers, TODAY } from './entry-editor-helpers';

let db: Db;
let fixture: EntryFixture;
beforeEach(() => {
	db = createTestDb();
	fixture = seedEntryFixture(db);
});
const { actor, auditRows, assetRow, everything, parsedGroup, edited } = entryEditorHelpers(
	() => db
);

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
