import { describe, expect, it } from 'vitest';
import { patchCategoryMatrix } from '$lib/domain/gaps/matrix';
import type { GapAsset } from '$lib/domain/gaps/types';
import { ariaSort, matrixRows, medianText, parseMatrixSort, sortHref } from './matrix-view';

const asset = (id: number, patchIds: number[], categoryIds: string[]): GapAsset => ({
	id,
	name: `Entry ${id}`,
	kind: 'group',
	status: 'published',
	consentPublic: false,
	point: null,
	categoryIds,
	patchIds,
	sessions: []
});
const matrix = patchCategoryMatrix(
	[
		{ id: 1, name: 'Beech', population: 2000 },
		{ id: 2, name: 'Ash', population: 1000 },
		{ id: 3, name: 'Cedar', population: null }
	],
	[
		{ id: 'food', name: 'Food' },
		{ id: 'youth', name: 'Young people' }
	],
	[asset(1, [1], ['food']), asset(2, [1], ['food']), asset(3, [2], ['food'])]
);
const slugs = new Map([
	[1, 'beech'],
	[2, 'ash']
]);

describe('matrixRows', () => {
	it('says each cell in words, with a link to the entries it counts', () => {
		const rows = matrixRows(matrix, [], slugs, { sort: 'patch', dir: 'asc' });
		expect(rows.map((r) => r.patchName)).toEqual(['Ash', 'Beech', 'Cedar']);
		const beech = rows[1];
		expect(beech.cells[0]).toMatchObject({
			text: '2 (1 per 1,000)',
			flagText: '',
			href: '/search?category=food&patch=beech'
		});
		expect(beech.cells[1]).toMatchObject({ text: 'None', flagText: 'none in this patch' });
		expect(rows[2].populationText).toBe('No population estimate');
		expect(rows[2].cells[0].href).toBe('/search?category=food');
	});

	it('sorts by a category rate, patches without a population last going down', () => {
		const down = matrixRows(matrix, [], slugs, { sort: 'food', dir: 'desc' });
		expect(down.map((r) => r.patchName)).toEqual(['Beech', 'Ash', 'Cedar']);
		const byPeople = matrixRows(matrix, [], slugs, { sort: 'population', dir: 'asc' });
		expect(byPeople.map((r) => r.patchName)).toEqual(['Cedar', 'Ash', 'Beech']);
	});

	it('reads the sort from the query string, falling back on anything odd', () => {
		expect(parseMatrixSort(new URLSearchParams('sort=food&dir=desc'))).toEqual({
			sort: 'food',
			dir: 'desc'
		});
		expect(parseMatrixSort(new URLSearchParams('sort=<x>&dir=up'))).toEqual({
			sort: 'patch',
			dir: 'asc'
		});
	});

	it('links a header to the other direction and says which column is sorted', () => {
		const params = new URLSearchParams('threshold=1200&sort=food&dir=asc');
		expect(sortHref(params, { sort: 'food', dir: 'asc' }, 'food')).toBe(
			'?threshold=1200&sort=food&dir=desc'
		);
		expect(ariaSort({ sort: 'food', dir: 'desc' }, 'food')).toBe('descending');
		expect(ariaSort({ sort: 'food', dir: 'desc' }, 'patch')).toBe('none');
	});
});

describe('medianText', () => {
	it('gives a rate only where there is one, long on the page and short in the printed report', () => {
		expect(medianText({ total: 12, medianPer1000: 0.456 })).toBe('Median 0.46 per 1,000');
		expect(medianText({ total: 12, medianPer1000: 0.456 }, { short: true })).toBe('0.46');
		expect(medianText({ total: 0, medianPer1000: null })).toBe('No entries in this category');
		expect(medianText({ total: 3, medianPer1000: null })).toBe('No median (no population)');
		expect(medianText({ total: 3, medianPer1000: null }, { short: true })).toBe('No median');
	});
});
