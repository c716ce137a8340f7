/**
 * Erasure of an informal support (UK GDPR): afterwards the person's name and every contact value are
 * nowhere in the database, read table by table (full-text shadow tables included) and byte by byte
 * in the file itself, and one anonymous audit row says an informal support was removed.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type OpenedDatabase } from '../db/client';
import * as t from '../db/schema';
import { recordChange } from './audit';
import { ERASURE_ACTION, eraseInformalSupport, previewErasure } from './erasure';
import { fileBytes, PERSON, TRACES, tracesInTables } from './erasure-traces';

let dir: string;
let opened: OpenedDatabase;
let personId: number;
let keptId: number;
let coordinatorId: number;

function insertEntry(values: Partial<typeof t.assets.$inferInsert> & { name: string }) {
	return opened.db
		.insert(t.assets)
		.values({
			programmeId: 1,
			kind: 'group',
			status: 'published',
			locationKind: 'online',
			...values
		})
		.returning({ id: t.assets.id })
		.get().id;
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-erasure-'));
	opened = openDatabase(join(dir, 'test.db'));
	const { db } = opened;
	db.insert(t.programmes).values({ id: 1, slug: 'p', name: 'Test borough' }).run();
	const patchId = db
		.insert(t.patches)
		.values({
			programmeId: 1,
			slug: 'north',
			name: 'North',
			boundary: {
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 0],
						[1, 1],
						[0, 1],
						[0, 0]
					]
				]
			},
			minLon: 0,
			minLat: 0,
			maxLon: 1,
			maxLat: 1
		})
		.returning({ id: t.patches.id })
		.get().id;
	coordinatorId = db
		.insert(t.users)
		.values({ email: 'sam@example.org', displayName: 'Sam', role: 'coordinator' })
		.returning({ id: t.users.id })
		.get().id;
	db.insert(t.categories).values({ id: 'getting-about', name: 'Getting about' }).run();

	// Enough other entries that the full-text index has many segments and shared pages.
	for (let i = 0; i < 150; i++) {
		insertEntry({ name: `Walking group ${i}`, description: `A walk on Mondays, number ${i}.` });
	}
	personId = insertEntry({
		kind: 'informal_support',
		name: PERSON.oldName,
		description: PERSON.description,
		locationKind: 'roaming',
		consentRecordedOn: '2026-10-01',
		consentHow: 'In person, at the library',
		consentPublic: true,
		consentPublicOn: '2026-10-01'
	});
	for (let i = 150; i < 300; i++) {
		insertEntry({ name: `Craft club ${i}`, description: `Crafts on Fridays, number ${i}.` });
	}
	keptId = insertEntry({ name: 'Quiet reading hour', description: 'Books and tea.' });

	// A coordinator renamed the entry: the old name is in the index's history and the audit log.
	db.update(t.assets)
		.set({ name: PERSON.name, nameCy: PERSON.nameCy })
		.where(eq(t.assets.id, personId))
		.run();
	recordChange(db, {
		actorId: coordinatorId,
		action: 'entry.updated',
		entity: 'entry',
		entityId: personId,
		before: { name: PERSON.oldName },
		after: { name: PERSON.name, nameCy: PERSON.nameCy, contacts: PERSON.contacts },
		patchIds: [patchId]
	});
	// A suggestion about another entry that quotes the person.
	recordChange(db, {
		actorId: coordinatorId,
		action: 'suggestion.approved',
		entity: 'suggestion',
		entityId: 99,
		after: { details: `Ask ${PERSON.contacts[1]} about lifts` },
		patchIds: [patchId]
	});
	recordChange(db, {
		actorId: coordinatorId,
		action: 'entry.updated',
		entity: 'entry',
		entityId: keptId,
		after: { name: 'Quiet reading hour' },
		patchIds: [patchId]
	});

	db.insert(t.assetPatches).values({ assetId: personId, patchId }).run();
	db.insert(t.assetCategories).values({ assetId: personId, categoryId: 'getting-about' }).run();
	db.insert(t.assetContacts)
		.values([
			{ assetId: personId, kind: 'phone', value: PERSON.contacts[0], visibility: 'coordinators' },
			{ assetId: personId, kind: 'email', value: PERSON.contacts[1], visibility: 'public' },
			{ assetId: personId, kind: 'person', value: PERSON.contacts[2], visibility: 'coordinators' },
			{ assetId: keptId, kind: 'email', value: 'reading@example.org', visibility: 'public' }
		])
		.run();
	db.insert(t.assetSessions)
		.values({
			assetId: personId,
			frequency: 'weekly',
			weekday: 2,
			startTime: '09:00',
			endTime: '12:00',
			note: 'Ring Xanthe the day before'
		})
		.run();
	db.insert(t.suggestions)
		.values([
			{
				kind: 'change',
				assetId: personId,
				details: { details: 'Xanthe now drives on Wednesdays too' },
				submitterName: 'A neighbour',
				submitterEmail: 'neighbour@example.com'
			},
			{ kind: 'change', assetId: keptId, details: { details: 'Now on Thursdays' } }
		])
		.run();
	db.insert(t.entryCheckRequests)
		.values({
			assetId: personId,
			email: PERSON.contacts[1],
			tokenHash: 'a'.repeat(64),
			sentAt: '2026-11-01T09:00:00Z',
			expiresAt: '2026-12-01T09:00:00Z'
		})
		.run();
	db.insert(t.assetDuplicateFlags)
		.values({ assetId: personId, otherAssetId: keptId, reason: 'same name' })
		.run();
	db.insert(t.outbox)
		.values([
			{
				toAddress: PERSON.contacts[1],
				subject: `Is ${PERSON.name} still right?`,
				bodyText: 'Please check your entry.'
			},
			{
				toAddress: 'reading@example.org',
				subject: 'Is Quiet reading hour still right?',
				bodyText: '…'
			}
		])
		.run();
	db.insert(t.formDrafts)
		.values({
			id: 'f'.repeat(64),
			path: `/entries/${personId}/edit`,
			data: { name: [PERSON.name] },
			expiresAt: new Date(Date.now() + 3_600_000)
		})
		.run();
});

afterEach(() => {
	if (opened.sqlite.open) opened.sqlite.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('eraseInformalSupport', () => {
	it('finds the person everywhere before, so the checks below can see them', () => {
		const found = tracesInTables(opened.sqlite);
		for (const table of ['assets', 'asset_contacts', 'assets_fts_data', 'asset_names_fts_data']) {
			expect(
				found.some((entry) => entry.startsWith(`${table}:`)),
				table
			).toBe(true);
		}
		const bytes = fileBytes(opened.sqlite);
		for (const trace of TRACES) expect(bytes.includes(trace), trace).toBe(true);
		expect(previewErasure(opened.db, personId)).toEqual({
			id: personId,
			name: PERSON.name,
			contacts: 3,
			sessions: 1,
			suggestions: 1,
			auditRows: 1
		});
	});

	it('leaves no trace of the name or any contact in any table, the search index or the file', () => {
		const outcome = eraseInformalSupport(opened.db, { assetId: personId, actorId: coordinatorId });
		expect(outcome).toEqual({ ok: true, patchIds: [1] });

		// The erasure checkpointed the write-ahead log: the old pages are not left there either.
		const wal = join(dir, 'test.db-wal');
		expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
		expect(tracesInTables(opened.sqlite)).toEqual([]);
		const bytes = fileBytes(opened.sqlite);
		expect(TRACES.filter((trace) => bytes.includes(trace))).toEqual([]);

		const match = (word: string) =>
			opened.sqlite
				.prepare('SELECT count(*) AS n FROM assets_fts WHERE assets_fts MATCH ?')
				.get(word) as {
				n: number;
			};
		expect(match('xanthe').n).toBe(0);
		expect(match('quorn*').n).toBe(0);
		expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
		opened.sqlite.exec("INSERT INTO assets_fts(assets_fts) VALUES ('integrity-check')");
	});

	it('removes the entry and everything about it, and nothing else', () => {
		const { db } = opened;
		const before = {
			assets: db.select().from(t.assets).all().length,
			suggestions: db.select().from(t.suggestions).all().length
		};
		eraseInformalSupport(db, { assetId: personId, actorId: coordinatorId });
		expect(db.select().from(t.assets).where(eq(t.assets.id, personId)).get()).toBeUndefined();
		expect(db.select().from(t.assets).all().length).toBe(before.assets - 1);
		for (const table of [t.assetContacts, t.assetSessions, t.assetCategories, t.assetPatches]) {
			expect(db.select().from(table).where(eq(table.assetId, personId)).all()).toEqual([]);
		}
		expect(
			db
				.select()
				.from(t.suggestions)
				.all()
				.map((s) => s.assetId)
		).toEqual([keptId]);
		expect(db.select().from(t.suggestions).all().length).toBe(before.suggestions - 1);
		expect(db.select().from(t.entryCheckRequests).all()).toEqual([]);
		expect(db.select().from(t.assetDuplicateFlags).all()).toEqual([]);
		expect(
			db
				.select()
				.from(t.outbox)
				.all()
				.map((m) => m.toAddress)
		).toEqual(['reading@example.org']);
		expect(db.select().from(t.formDrafts).all()).toEqual([]);
		expect(
			db
				.select()
				.from(t.assetContacts)
				.all()
				.map((c) => c.value)
		).toEqual(['reading@example.org']);
		// Searching still works for everyone else.
		const found = opened.sqlite
			.prepare("SELECT rowid FROM assets_fts WHERE assets_fts MATCH 'reading'")
			.all() as { rowid: number }[];
		expect(found.map((row) => row.rowid)).toEqual([keptId]);
	});

	it('keeps who changed it and when, and adds one anonymous audit row', () => {
		const { db } = opened;
		eraseInformalSupport(db, { assetId: personId, actorId: coordinatorId });
		const rows = db.select().from(t.auditLog).orderBy(t.auditLog.id).all();
		expect(rows.map((row) => [row.action, row.entity, row.entityId])).toEqual([
			['entry.updated', 'entry', String(personId)],
			['suggestion.approved', 'suggestion', '99'],
			['entry.updated', 'entry', String(keptId)],
			[ERASURE_ACTION, 'entry', String(personId)]
		]);
		expect(rows[0].detail).toEqual({
			patchIds: [1],
			note: 'Details removed with the person’s data'
		});
		expect(rows[1].detail).toEqual({ patchIds: [1], after: { details: '[removed]' } });
		expect(rows[2].detail).toEqual({ patchIds: [1], after: { name: 'Quiet reading hour' } });
		expect(rows[3].userId).toBe(coordinatorId);
		expect(rows[3].detail).toEqual({
			patchIds: [1],
			note: 'An informal support was removed at the person’s request'
		});
		expect(
			db.select().from(t.auditLog).where(eq(t.auditLog.action, ERASURE_ACTION)).all()
		).toHaveLength(1);
	});

	it('refuses an entry that is not an informal support, and one that does not exist, changing nothing', () => {
		const { db } = opened;
		const count = () => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM assets`).n;
		const before = count();
		expect(eraseInformalSupport(db, { assetId: keptId, actorId: coordinatorId })).toEqual({
			ok: false,
			reason: 'not_informal_support'
		});
		expect(eraseInformalSupport(db, { assetId: 999_999, actorId: coordinatorId })).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(count()).toBe(before);
		expect(previewErasure(db, keptId)).toBeNull();
		expect(db.select().from(t.auditLog).where(eq(t.auditLog.action, ERASURE_ACTION)).all()).toEqual(
			[]
		);
	});

	it('leaves rows about other entries alone when they share only a common sentence', () => {
		const { db } = opened;
		const common = 'Ask a coordinator if you would like an introduction.';
		const other = insertEntry({
			kind: 'informal_support',
			name: 'Tamsin garden help',
			description: common,
			locationKind: 'roaming'
		});
		recordChange(db, {
			actorId: coordinatorId,
			action: 'entry.updated',
			entity: 'entry',
			entityId: keptId,
			after: { description: common }
		});
		db.insert(t.suggestions)
			.values({ kind: 'change', assetId: keptId, details: { details: common } })
			.run();
		eraseInformalSupport(db, { assetId: other, actorId: coordinatorId });
		const kept = db
			.select()
			.from(t.auditLog)
			.where(eq(t.auditLog.entityId, String(keptId)))
			.all()
			.map((row) => row.detail);
		expect(kept).toContainEqual({ patchIds: [], after: { description: common } });
		expect(
			db
				.select()
				.from(t.suggestions)
				.all()
				.map((row) => row.details)
		).toContainEqual({ details: common });
	});

	it('puts secure_delete back as it was', () => {
		opened.sqlite.pragma('secure_delete = OFF');
		eraseInformalSupport(opened.db, { assetId: personId, actorId: coordinatorId });
		expect(opened.sqlite.pragma('secure_delete', { simple: true })).toBe(0);
	});
});
