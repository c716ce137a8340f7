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
import type { SessionUser } from '../../src/lib/server/auth';
import { people, points, seedEntryFixture, users, type EntryFixture } from './entry-fixture';
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
