import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { createDuplicatesFixture } from './duplicates-fixture';
import { keepAll } from '../../domain/duplicates/merge';
import type { Actor } from '../../domain/permissions';
import {
	DuplicateReviewError,
	getOpenDuplicatePair,
	keepBoth,
	listDuplicatePairsFor,
	mergePair
} from './duplicates';

let db: Db;
let patchId: number;
let kept: number;
let other: number;
let flagId: number;
let council: Actor;
let coordinator: Actor;
let coordinatorElsewhere: Actor;

beforeEach(() => {
	const fixture = createDuplicatesFixture();
	({ db, patchId, kept, other, flagId } = fixture);
	({ council, coordinator, coordinatorElsewhere } = fixture.actors);
});

describe('who may review a pair', () => {
	it('shows the pair to coordinators of its patch and the council, not to others', () => {
		expect(listDuplicatePairsFor(db, coordinator).map((pair) => pair.flagId)).toEqual([flagId]);
		expect(listDuplicatePairsFor(db, council)).toHaveLength(1);
		expect(listDuplicatePairsFor(db, coordinatorElsewhere)).toEqual([]);
	});

	it('refuses a coordinator of another patch, changing nothing', () => {
		expect(() => keepBoth(db, coordinatorElsewhere, flagId)).toThrow(DuplicateReviewError);
		expect(() => mergePair(db, coordinatorElsewhere, flagId, kept, keepAll())).toThrow(
			DuplicateReviewError
		);
		expect(getOpenDuplicatePair(db, flagId)).not.toBeNull();
		expect(db.select().from(t.assets).where(eq(t.assets.id, other)).get()?.status).toBe(
			'published'
		);
	});
});

describe('keep both', () => {
	it('closes the flag for good, audited, leaving both entries as they were', () => {
		keepBoth(db, coordinator, flagId);
		expect(getOpenDuplicatePair(db, flagId)).toBeNull();
		const flag = db.select().from(t.assetDuplicateFlags).get()!;
		expect(flag).toMatchObject({ status: 'not_duplicate', reviewedBy: coordinator.id });
		expect(
			db
				.select()
				.from(t.assets)
				.all()
				.map((a) => a.status)
		).toEqual(['published', 'published']);
		expect(
			db
				.select()
				.from(t.auditLog)
				.all()
				.map((row) => row.action)
		).toEqual(['duplicate.kept_both']);
		// A second decision on the same pair is refused.
		expect(() => keepBoth(db, coordinator, flagId)).toThrow('already been dealt with');
	});
});

describe('merge', () => {
	it('takes the chosen fields from the other entry, archives it pointing at the kept one', () => {
		const choices = { ...keepAll(), description: 'other' as const, categories: 'other' as const };
		choices.contacts = 'other';
		mergePair(db, coordinator, flagId, kept, choices, { now: new Date('2026-12-06T12:00:00Z') });

		const keptRow = db.select().from(t.assets).where(eq(t.assets.id, kept)).get()!;
		expect(keptRow).toMatchObject({
			name: 'Christ Church',
			description: 'Parish church and hall',
			postcode: 'M33 1AA',
			version: 2,
			lastVerifiedOn: '2026-12-06',
			lastVerifiedBy: coordinator.id,
			lastVerifiedVia: 'coordinator'
		});
		const categories = db
			.select()
			.from(t.assetCategories)
			.where(eq(t.assetCategories.assetId, kept));
		expect(categories.all().map((row) => row.categoryId)).toEqual(['faith']);
		const contacts = db.select().from(t.assetContacts).where(eq(t.assetContacts.assetId, kept));
		expect(contacts.all().map((row) => row.value)).toEqual(['office@example.org']);
		// Sessions were not chosen from the other entry, so the kept entry's stay.
		const sessions = db.select().from(t.assetSessions).where(eq(t.assetSessions.assetId, kept));
		expect(sessions.all()).toHaveLength(1);

		const otherRow = db.select().from(t.assets).where(eq(t.assets.id, other)).get()!;
		expect(otherRow).toMatchObject({
			status: 'archived',
			archivedReason: 'merged',
			mergedIntoId: kept
		});
		expect(db.select().from(t.assetDuplicateFlags).get()?.status).toBe('resolved');
		const audit = db.select().from(t.auditLog).all();
		expect(audit.map((row) => row.action)).toEqual(['entry.merged', 'entry.archived']);
		expect(audit[0].detail).toMatchObject({
			patchIds: [patchId],
			before: { description: '' },
			after: { description: 'Parish church and hall' }
		});
	});

	it('refuses a merge chosen on a page that showed older versions, changing nothing', () => {
		const seen = getOpenDuplicatePair(db, flagId)!;
		db.update(t.assets)
			.set({ name: 'Renamed meanwhile', version: 2 })
			.where(eq(t.assets.id, kept))
			.run();
		expect(() =>
			mergePair(db, coordinator, flagId, kept, keepAll(), {
				seenVersions: [seen.a.version, seen.b.version]
			})
		).toThrow('Someone changed one of these entries since you opened this page');
		expect(db.select().from(t.assets).where(eq(t.assets.id, other)).get()?.status).toBe(
			'published'
		);
		expect(getOpenDuplicatePair(db, flagId)).not.toBeNull();
	});

	it('refuses to keep an entry that is not one of the pair', () => {
		expect(() => mergePair(db, council, flagId, 999, keepAll())).toThrow(
			'Choose which of the two entries to keep.'
		);
		expect(db.select().from(t.auditLog).all()).toEqual([]);
	});
});
