import { describe, expect, it } from 'vitest';
import { groupForPrint } from './group';

const categories = [
	{ id: 'social', name: 'Social and friendship', parentId: null },
	{ id: 'food', name: 'Food', parentId: 'social' },
	{ id: 'creative', name: 'Creative and learning', parentId: null },
	{ id: 'music', name: 'Music', parentId: 'creative' }
];

describe('groupForPrint', () => {
	it('puts each asset once under its first category’s top level, in taxonomy order', () => {
		const groups = groupForPrint(
			[
				{ name: 'Singing for all', categoryIds: ['music', 'social'] },
				{ name: 'Lunch club', categoryIds: ['food'] },
				{ name: 'Coffee morning', categoryIds: ['social'] },
				{ name: 'Mystery', categoryIds: [] }
			],
			categories
		);
		expect(groups.map((g) => [g.heading, g.assets.map((a) => a.name)])).toEqual([
			['Social and friendship', ['Coffee morning', 'Lunch club']],
			['Creative and learning', ['Singing for all']],
			['Other', ['Mystery']]
		]);
	});

	it('copes with a category cycle and an unknown id', () => {
		const groups = groupForPrint(
			[
				{ name: 'Loop', categoryIds: ['a'] },
				{ name: 'Lost', categoryIds: ['nope'] }
			],
			[
				{ id: 'a', name: 'A', parentId: 'b' },
				{ id: 'b', name: 'B', parentId: 'a' }
			]
		);
		expect(groups.map((g) => g.heading)).toEqual(['Other']);
		expect(groups[0].assets.map((a) => a.name)).toEqual(['Loop', 'Lost']);
	});
});
