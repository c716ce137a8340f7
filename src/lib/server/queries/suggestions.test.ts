import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { createTestDb } from '../auth/test-db';
import {
	createAssetChangeSuggestion,
	createNewAssetSuggestion,
	countSuggestion,
	suggestionsUsedUp,
	listOpenSuggestions,
	SUGGESTIONS_PER_HOUR,
	tooManySuggestionsMessage
} from './suggestions';

let db: Db;
let publishedId: number;
let draftId: number;

beforeEach(() => {
	db = createTestDb();
	const programmeId = db.insert(t.programmes).values({ slug: 'p', name: 'P' }).returning().get().id;
	const insert = (name: string, status: 'published' | 'draft') =>
		db
			.insert(t.assets)
			.values({ programmeId, kind: 'group', name, status, locationKind: 'online' })
			.returning()
			.get().id;
	publishedId = insert('Knit and natter', 'published');
	draftId = insert('Private support', 'draft');
});

describe('createNewAssetSuggestion', () => {
	it('stores the fields as details, the submitter apart, and status open', () => {
		const id = createNewAssetSuggestion(db, {
			name: 'Repair cafe',
			description: 'Fixing things',
			whenWhere: 'Saturdays at the hall',
			contact: null,
			category: 'food',
			kind: 'group',
			submitterName: 'Ann',
			submitterEmail: 'ann@example.org'
		});
		const [stored] = listOpenSuggestions(db);
		expect(stored).toMatchObject({
			id,
			kind: 'new',
			assetId: null,
			status: 'open',
			submitterName: 'Ann',
			submitterEmail: 'ann@example.org',
			details: {
				name: 'Repair cafe',
				description: 'Fixing things',
				whenWhere: 'Saturdays at the hall',
				contact: null,
				category: 'food',
				kind: 'group'
			}
		});
		expect(JSON.stringify(stored.details)).not.toContain('ann@example.org');
	});

	it('publishes nothing: no asset is created', () => {
		const before = db.select().from(t.assets).all().length;
		createNewAssetSuggestion(db, {
			name: 'New group',
			description: 'x',
			whenWhere: 'y',
			contact: null,
			category: 'food',
			kind: 'group',
			submitterName: null,
			submitterEmail: null
		});
		expect(db.select().from(t.assets).all()).toHaveLength(before);
	});
});

describe('createAssetChangeSuggestion', () => {
	it('stores a change or closure against a published asset', () => {
		createAssetChangeSuggestion(db, publishedId, {
			kind: 'closed',
			details: null,
			submitterName: null,
			submitterEmail: null
		});
		createAssetChangeSuggestion(db, publishedId, {
			kind: 'change',
			details: 'Now meets on Wednesdays',
			submitterName: null,
			submitterEmail: 'b@example.org'
		});
		const stored = listOpenSuggestions(db);
		expect(stored.map((s) => [s.kind, s.assetId, s.details, s.status])).toEqual([
			['closed', publishedId, { details: null }, 'open'],
			['change', publishedId, { details: 'Now meets on Wednesdays' }, 'open']
		]);
	});

	it('stores nothing for an unpublished or missing asset', () => {
		const suggestion = {
			kind: 'closed' as const,
			details: null,
			submitterName: null,
			submitterEmail: null
		};
		expect(createAssetChangeSuggestion(db, draftId, suggestion)).toBeNull();
		expect(createAssetChangeSuggestion(db, 99_999, suggestion)).toBeNull();
		expect(listOpenSuggestions(db)).toEqual([]);
	});
});

describe('suggestion rate limit', () => {
	it(`blocks an address after ${SUGGESTIONS_PER_HOUR} in an hour, and frees it an hour later`, () => {
		let clock = 1_800_000_000_000;
		for (let i = 0; i < SUGGESTIONS_PER_HOUR; i++) {
			expect(suggestionsUsedUp(db, '203.0.113.5', clock)).toBe(false);
			expect(countSuggestion(db, '203.0.113.5', clock)).toBe(true);
		}
		expect(suggestionsUsedUp(db, '203.0.113.5', clock)).toBe(true);
		expect(countSuggestion(db, '203.0.113.5', clock)).toBe(false);
		expect(suggestionsUsedUp(db, '198.51.100.7', clock)).toBe(false);
		clock += 60 * 60 * 1000 + 1;
		expect(suggestionsUsedUp(db, '203.0.113.5', clock)).toBe(false);
	});

	it('keeps the count in the database, not the address', () => {
		countSuggestion(db, '203.0.113.5');
		const keys = db.select().from(t.rateLimits).all();
		expect(keys).toHaveLength(1);
		expect(JSON.stringify(keys)).not.toContain('203.0.113.5');
	});
});

describe('tooManySuggestionsMessage', () => {
	it('says it in English by default and in Welsh for a Welsh page', () => {
		expect(tooManySuggestionsMessage()).toBe(
			'You have sent a lot of suggestions. Try again in an hour.'
		);
		expect(tooManySuggestionsMessage('en')).toBe(tooManySuggestionsMessage());
		expect(tooManySuggestionsMessage('cy')).toBe(
			'Rydych wedi anfon llawer o awgrymiadau. Rhowch gynnig arall arni ymhen awr.'
		);
	});
});
