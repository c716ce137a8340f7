import { describe, expect, it } from 'vitest';
import {
	bandEdges,
	communityRank,
	compareEntries,
	distanceBand,
	type RankedEntry
} from './ranking';

const entry = (id: number, fields: Partial<RankedEntry>): RankedEntry => ({
	id,
	kind: 'group',
	stale: 0,
	name: `Entry ${id}`,
	dist: null,
	inName: false,
	score: 0,
	checked: '2026-10-01',
	...fields
});
const order = (
	entries: RankedEntry[],
	sort: Parameters<typeof compareEntries>[0],
	has = { hasWords: false, hasPlace: false }
) => [...entries].sort(compareEntries(sort, has)).map((e) => e.id);

describe('bands of distance', () => {
	it('double from 250 metres', () => {
		expect([0, 249, 250, 499, 500, 999, 1000, 1999, 2000, 9000].map(distanceBand)).toEqual([
			0, 0, 1, 1, 2, 2, 3, 3, 4, 6
		]);
		expect(distanceBand(null)).toBe(0);
		expect(bandEdges(0)).toEqual([0, 250]);
		expect(bandEdges(3)).toEqual([1000, 2000]);
		for (const metres of [10, 260, 777, 1500, 12_345]) {
			const [from, to] = bandEdges(distanceBand(metres));
			expect(metres).toBeGreaterThanOrEqual(from);
			expect(metres).toBeLessThan(to);
		}
	});

	it('never let a stale entry fall below one three times as far (or twice, past 250 m)', () => {
		for (const sort of ['best', 'distance'] as const) {
			for (let metres = 50; metres < 40_000; metres *= 1.37) {
				const stale = entry(1, { stale: 1, dist: metres });
				const far = entry(2, { dist: Math.max(metres * 2, 250) });
				const near = entry(3, { dist: metres * 0.99 });
				expect(order([far, stale], sort, { hasWords: false, hasPlace: true }), `${metres}`).toEqual(
					[1, 2]
				);
				// Within its band a fresh entry a little farther still comes first.
				if (distanceBand(metres * 0.99) === distanceBand(metres)) {
					expect(order([stale, near], sort, { hasWords: false, hasPlace: true })).toEqual([3, 1]);
				}
			}
		}
	});
});

describe('community first', () => {
	it('ranks groups, informal supports and venues before services', () => {
		expect(['group', 'informal_support', 'venue'].map(communityRank)).toEqual([0, 0, 0]);
		expect(communityRank('service')).toBe(1);
	});

	it('puts a service after community entries of equal relevance, but not after less relevant ones', () => {
		const words = { hasWords: true, hasPlace: false };
		const service = entry(1, { kind: 'service', inName: true, score: -5 });
		const group = entry(2, { kind: 'group', inName: true, score: -1 });
		const mention = entry(3, { kind: 'venue', inName: false, score: -9 });
		expect(order([service, group, mention], 'best', words)).toEqual([2, 1, 3]);
	});

	it('starts a search with no words or place with community entries, by name', () => {
		const entries = [
			entry(1, { kind: 'service', name: 'Adult learning' }),
			entry(2, { kind: 'venue', name: 'Zebra hall' }),
			entry(3, { kind: 'group', name: 'Book club' }),
			entry(4, { kind: 'group', name: 'Art club', stale: 1 })
		];
		expect(order(entries, 'best')).toEqual([3, 2, 1, 4]);
		expect(order(entries, 'name')).toEqual([1, 3, 2, 4]);
	});

	it('with a place, ranks community first within a band, nearest first within that', () => {
		const place = { hasWords: false, hasPlace: true };
		const entries = [
			entry(1, { kind: 'service', dist: 600 }),
			entry(2, { kind: 'group', dist: 900 }),
			entry(3, { kind: 'venue', dist: 700 }),
			entry(4, { kind: 'group', dist: 1100 })
		];
		expect(order(entries, 'best', place)).toEqual([3, 2, 1, 4]);
		expect(order(entries, 'distance', place)).toEqual([1, 3, 2, 4]);
	});
});
