import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { createTestDb } from '../auth/test-db';
import { listPrintDetails, listPublicSessionsWithNotes } from './whats-on';

let db: Db;
let published: number;
let draft: number;

beforeEach(() => {
	db = createTestDb();
	const programmeId = db.insert(t.programmes).values({ slug: 'p', name: 'P' }).returning().get().id;
	const insert = (name: string, status: 'published' | 'draft') =>
		db
			.insert(t.assets)
			.values({ programmeId, kind: 'group', name, status, locationKind: 'online' })
			.returning()
			.get().id;
	published = insert('Knit and natter', 'published');
	draft = insert('Hidden', 'draft');
	const session = { frequency: 'weekly' as const, startTime: '10:00', endTime: '12:00' };
	db.insert(t.assetSessions)
		.values([
			{ ...session, assetId: published, weekday: 4, note: null },
			{ ...session, assetId: published, weekday: 2, note: 'Upstairs room' },
			{ ...session, assetId: draft, weekday: 1, note: 'secret' }
		])
		.run();
	db.insert(t.categories)
		.values([
			{ id: 'food', name: 'Food', sortOrder: 2 },
			{ id: 'arts', name: 'Arts', sortOrder: 1 }
		])
		.run();
	db.insert(t.assetCategories)
		.values([
			{ assetId: published, categoryId: 'food' },
			{ assetId: published, categoryId: 'arts' }
		])
		.run();
	db.insert(t.assetContacts)
		.values([
			{ assetId: published, kind: 'phone', value: '01632 960001', visibility: 'public' },
			{ assetId: published, kind: 'phone', value: '07700 900999', visibility: 'coordinators' },
			{ assetId: published, kind: 'email', value: 'a@example.org', visibility: 'public' }
		])
		.run();
});

describe('listPublicSessionsWithNotes', () => {
	it('returns notes, in week order, for published assets only', () => {
		const sessions = listPublicSessionsWithNotes(db, [published, draft]);
		expect([...sessions.keys()]).toEqual([published]);
		expect(sessions.get(published)!.map((s) => [s.weekday, s.note])).toEqual([
			[2, 'Upstairs room'],
			[4, null]
		]);
	});
});

describe('listPrintDetails', () => {
	it('gives categories in taxonomy order and public phone numbers only', () => {
		const { categories, phones } = listPrintDetails(db, [published]);
		expect(categories.get(published)!.map((c) => c.name)).toEqual(['Arts', 'Food']);
		expect(phones.get(published)).toEqual(['01632 960001']);
	});
});
