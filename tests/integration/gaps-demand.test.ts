/**
 * Demand records keep only the date, the filters and short words: a search with a postcode, a point
 * or long text leaves none of them in the database; a programme can opt out; records older than 12
 * months are deleted by the daily jobs; "nothing suitable found" connections are counted by month,
 * patch and theme.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { parseDirectorySearch } from '../../src/lib/domain/directory';
import { emptySearchRecord } from '../../src/lib/domain/gaps/demand';
import {
	EMPTY_SEARCH_FLUSH_MS,
	flushEmptySearches,
	loadDemand,
	recordEmptySearch,
	setEmptySearchRecording
} from '../../src/lib/server/gaps/demand';
import { runDailyJobs } from '../../src/lib/server/jobs';

let db: Db;
const LONG = 'my neighbour at number twelve needs help with shopping since her fall';

/** The search as the directory page parses it, then recorded as the page does when it finds nothing. */
function searchFindingNothing(query: string, today = '2026-12-07') {
	const { search } = parseDirectorySearch(new URLSearchParams(query), 'en');
	const record = emptySearchRecord(search, today);
	if (record) recordEmptySearch(db, record);
}

/** What is in the table once the waiting counts are written (as the timer does within a second). */
const stored = () => {
	flushEmptySearches(db);
	return db.select().from(t.emptySearches).all();
};

beforeEach(() => {
	db = createTestDb();
	db.insert(t.programmes).values({ slug: 'p', name: 'Programme' }).run();
	db.insert(t.categories).values({ id: 'food', name: 'Food' }).run();
});

describe('searches that found nothing', () => {
	it('keeps the date, filters and short topic words, never a name, postcode, point or long text', () => {
		searchFindingNothing(`q=${encodeURIComponent(LONG)}&postcode=M33+7XX&category=food&day=tue`);
		searchFindingNothing('q=M33+7XX&lat=53.42&lon=-2.32&radius=2');
		searchFindingNothing('q=Knitting++Group&kind=group');
		searchFindingNothing('q=knitting+group&kind=group');
		// A person's name is not a topic word: nothing of it is kept.
		searchFindingNothing('q=Wenonah+Pargeter');
		searchFindingNothing('q=Wenonah+knitting&kind=group');
		const rows = stored().map(({ id: _id, ...row }) => row);
		expect(rows).toEqual([
			{
				searchedOn: '2026-12-07',
				category: 'food',
				kind: '',
				day: '2',
				patch: '',
				text: '',
				count: 1
			},
			{
				searchedOn: '2026-12-07',
				category: '',
				kind: 'group',
				day: '',
				patch: '',
				text: 'knitting group',
				count: 2
			},
			{
				searchedOn: '2026-12-07',
				category: '',
				kind: 'group',
				day: '',
				patch: '',
				text: '',
				count: 1
			}
		]);
		const everything = JSON.stringify(stored());
		for (const secret of ['M33', '7XX', '53.42', '-2.32', 'neighbour', 'wenonah', 'pargeter'])
			expect(everything).not.toContain(secret);
	});

	it('writes the counts of one second together, within a second, without being asked', () => {
		vi.useFakeTimers();
		try {
			for (let i = 0; i < 3; i++) searchFindingNothing('q=choir&day=tue');
			searchFindingNothing('category=food');
			const table = () => db.select().from(t.emptySearches).all();
			expect(table()).toEqual([]);
			vi.advanceTimersByTime(EMPTY_SEARCH_FLUSH_MS);
			expect(table().map((row) => [row.text, row.category, row.count])).toEqual([
				['choir', '', 3],
				['', 'food', 1]
			]);
		} finally {
			vi.useRealTimers();
		}
	});

	it('records nothing once the programme opts out, and says so', () => {
		const id = Number(
			db
				.insert(t.users)
				.values({ email: 'c@example.org', displayName: 'C', role: 'council', passwordHash: 'x' })
				.run().lastInsertRowid
		);
		const council = { id, role: 'council' as const, patchIds: [] };
		expect(setEmptySearchRecording(db, council, false)).toEqual({ changed: true });
		searchFindingNothing('q=choir');
		expect(stored()).toEqual([]);
		expect(loadDemand(db, '2026-12-07').recording).toBe(false);
		const audit = db.select().from(t.auditLog).all();
		expect(audit.map((row) => row.action)).toEqual(['programme.demand_recording_changed']);
	});

	it('deletes records older than 12 months in the daily jobs, and keeps the rest', () => {
		searchFindingNothing('q=choir', '2025-12-06');
		searchFindingNothing('q=choir', '2025-12-07');
		const { forgetEmptySearches } = runDailyJobs(db, '2026-12-07', () => {});
		expect(forgetEmptySearches).toEqual({ cutoff: '2025-12-07', deleted: 1 });
		expect(stored().map((row) => row.searchedOn)).toEqual(['2025-12-07']);
	});
});

describe('nothing suitable found', () => {
	it('counts connections by month, patch and theme, and searches by month', () => {
		const boundary = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[0, 0],
					[1, 0],
					[1, 1],
					[0, 0]
				]
			]
		};
		const patchId = Number(
			db
				.insert(t.patches)
				.values({
					programmeId: 1,
					name: 'North',
					slug: 'north',
					boundary,
					minLon: 0,
					minLat: 0,
					maxLon: 1,
					maxLat: 1
				})
				.run().lastInsertRowid
		);
		for (const madeOn of ['2026-11-03', '2026-11-20', '2026-12-01'])
			db.insert(t.connections)
				.values({ madeOn, patchId, theme: 'food', kind: 'nothing_suitable' })
				.run();
		db.insert(t.connections).values({ madeOn: '2026-11-04', patchId, theme: 'food' }).run();
		searchFindingNothing('category=food', '2026-11-05');
		const demand = loadDemand(db, '2026-12-07');
		expect(demand.nothingSuitable).toEqual([
			{ month: '2026-11', patch: 'North', theme: 'Food', count: 2 },
			{ month: '2026-12', patch: 'North', theme: 'Food', count: 1 }
		]);
		expect(demand.emptySearches).toEqual([
			{ month: '2026-11', category: 'food', kind: '', day: '', patch: '', text: '', count: 1 }
		]);
	});
});
