import { describe, expect, it } from 'vitest';
import { categoryIndexes, nearestDistances } from './distances';
import { haversine } from './point-index';
import type { GapAsset, GapSmallArea } from './types';

const entry = (id: number, point: [number, number] | null, categoryIds: string[]): GapAsset => ({
	id,
	name: `Entry ${id}`,
	kind: 'group',
	status: 'published',
	consentPublic: false,
	point,
	categoryIds,
	patchIds: [],
	sessions: []
});

describe('nearestDistances', () => {
	const areas: GapSmallArea[] = [
		{ code: 'E1', population: 300, point: [-2.35, 53.42] },
		{ code: 'E2', population: 250, point: [-2.3, 53.45] }
	];
	const assets = [
		entry(10, [-2.34, 53.42], ['library', 'library']),
		entry(11, [-2.3, 53.44], ['food']),
		entry(12, null, ['food']),
		{ ...entry(13, [-2.35, 53.42], ['food']), status: 'draft' }
	];

	it('gives each category once, its entries with a place that count, and the nearest of them', () => {
		const result = nearestDistances(
			areas,
			categoryIndexes(assets, ['library', 'food', 'library', 'young-people'])
		);
		expect(result.map((r) => [r.categoryId, r.assetCount])).toEqual([
			['library', 1],
			['food', 1],
			['young-people', 0]
		]);
		expect(Array.from(result[1].nearestAssetId)).toEqual([11, 11]);
		expect(result[1].metres[1]).toBeCloseTo(haversine(-2.3, 53.45, -2.3, 53.44), 9);
		expect(Array.from(result[2].metres)).toEqual([Infinity, Infinity]);
		expect(Array.from(result[2].nearestAssetId)).toEqual([-1, -1]);
	});
});
