import { describe, expect, it } from 'vitest';
import { parseIdsParam } from './saved-link';
import {
	allKept,
	MAX_SAVED,
	mergeIds,
	readStoredIds,
	removeId,
	savedPath,
	storedText
} from './saved';

const many = (count: number, from = 1) => Array.from({ length: count }, (_, i) => from + i);

describe('a shared link’s ids', () => {
	it('reads whole numbers separated by commas, each once, in order', () => {
		expect(parseIdsParam('12,40')).toEqual([12, 40]);
		expect(parseIdsParam('40, 12 ,40')).toEqual([40, 12]);
		expect(parseIdsParam('12,,40,')).toEqual([12, 40]);
	});

	it('tells an absent parameter from one with nothing valid in it', () => {
		expect(parseIdsParam(null)).toBeNull();
		expect(parseIdsParam('')).toEqual([]);
		for (const bad of ['12;40', 'abc', '-3', '1.5', '12,<script>', '0', '1234567890']) {
			expect(parseIdsParam(bad), bad).toEqual([]);
		}
	});

	it('drops pieces that are not ids and keeps the rest', () => {
		expect(parseIdsParam('0,12,1234567890,40')).toEqual([12, 40]);
	});

	it(`shows at most ${MAX_SAVED} entries, and refuses an over-long parameter`, () => {
		expect(parseIdsParam(many(MAX_SAVED + 5).join(','))).toEqual(many(MAX_SAVED));
		expect(parseIdsParam('1,'.repeat(400))).toEqual([]);
	});

	it('makes the link back from a list', () => {
		expect(savedPath([12, 40, 12])).toBe('/saved?ids=12,40');
		expect(savedPath([])).toBe('/saved');
		expect(parseIdsParam(new URL(`http://x${savedPath([7, 3])}`).searchParams.get('ids'))).toEqual([
			7, 3
		]);
	});
});

describe('the list kept in the browser', () => {
	it('reads back what it stored', () => {
		expect(readStoredIds(storedText([5, 9, 5]))).toEqual([5, 9]);
	});

	it('reads a damaged or hand-edited list as far as it is valid', () => {
		expect(readStoredIds(null)).toEqual([]);
		expect(readStoredIds('not json')).toEqual([]);
		expect(readStoredIds('{"ids":[1]}')).toEqual([]);
		expect(readStoredIds('[3,"4",-1,2.5,null,8]')).toEqual([3, 8]);
		expect(readStoredIds(JSON.stringify(many(MAX_SAVED + 1)))).toHaveLength(MAX_SAVED);
	});
});

describe('changing the list', () => {
	it('adds shared entries after the kept ones, each once', () => {
		expect(mergeIds([1, 2], [2, 3])).toEqual({ ids: [1, 2, 3], left: 0 });
		expect(mergeIds([], [4])).toEqual({ ids: [4], left: 0 });
	});

	it('says how many did not fit when the list is full', () => {
		const { ids, left } = mergeIds(many(MAX_SAVED - 1), [500, 501, 502]);
		expect(ids).toHaveLength(MAX_SAVED);
		expect(ids.at(-1)).toBe(500);
		expect(left).toBe(2);
	});

	it('removes one entry and knows when a link holds only kept entries', () => {
		expect(removeId([1, 2, 3], 2)).toEqual([1, 3]);
		expect(removeId([1], 9)).toEqual([1]);
		expect(allKept([1, 2, 3], [3, 1])).toBe(true);
		expect(allKept([1, 2], [2, 4])).toBe(false);
	});
});
