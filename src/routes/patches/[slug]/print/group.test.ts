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

	it('gives each group its key and Welsh heading, and on a Welsh page sorts by the Welsh names', () => {
		const assets = [
			{ name: 'Play group', nameCy: 'Chwarae', categoryIds: ['food'] },
			{ name: 'Quiz night', nameCy: 'Cwis', categoryIds: ['social'] },
			{ name: 'Breakfast', nameCy: null, categoryIds: ['social'] },
			{ name: 'Mystery', categoryIds: [] }
		];
		const welsh = [
			{ id: 'social', name: 'Social and friendship', nameCy: 'Cymdeithasu', parentId: null },
			{ id: 'food', name: 'Food', nameCy: 'Bwyd', parentId: 'social' }
		];
		const groups = groupForPrint(assets, welsh, 'cy');
		expect(groups.map((g) => [g.key, g.heading, g.headingCy])).toEqual([
			['social', 'Social and friendship', 'Cymdeithasu'],
			['', 'Other', null]
		]);
		// Without a Welsh name "Breakfast" sorts by its English one; in Welsh order "ch" comes after "cw".
		expect(groups[0].assets.map((a) => a.name)).toEqual(['Breakfast', 'Quiz night', 'Play group']);
		expect(groupForPrint(assets, welsh)[0].assets.map((a) => a.name)).toEqual([
			'Breakfast',
			'Play group',
			'Quiz night'
		]);
	});
});
