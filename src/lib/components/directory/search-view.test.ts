import { describe, expect, it } from 'vitest';
import { emptySearch } from '$lib/domain/directory';
import { m } from '$lib/paraglide/messages';
import {
	activeFilterCount,
	categoryGroups,
	formQueryNear,
	messageParts,
	pagerItems,
	resultCountText,
	sortByName,
	VALUE_MARK
} from './search-view';

describe('categoryGroups', () => {
	it('puts children under their parent and keeps orphans as groups', () => {
		const groups = categoryGroups([
			{ id: 'social', parentId: null, name: 'Social' },
			{ id: 'food', parentId: 'social', name: 'Food' },
			{ id: 'sport', parentId: null, name: 'Sport' },
			{ id: 'lost', parentId: 'gone', name: 'Lost' },
			{ id: 'chat', parentId: 'social', name: 'Chat' }
		]);
		expect(groups.map((g) => [g.parent.id, g.children.map((c) => c.id)])).toEqual([
			['social', ['food', 'chat']],
			['sport', []],
			['lost', []]
		]);
	});
});

describe('activeFilterCount', () => {
	it('is 0 for words alone and counts each filter once', () => {
		expect(activeFilterCount({ ...emptySearch(), q: 'choir' })).toBe(0);
		expect(
			activeFilterCount({ ...emptySearch(), days: [1, 2], cost: 'free', postcode: 'FV1 0LW' })
		).toBe(3);
	});
});

describe('resultCountText', () => {
	it('says how many, with the words searched', () => {
		expect(resultCountText(1234, true, 'choir')).toBe('1,234 results for “choir”');
		expect(resultCountText(1, true, '')).toBe('1 result');
		expect(resultCountText(1000, false, '')).toBe('More than 1,000 results');
	});

	it('keeps the Welsh noun singular after a numeral', () => {
		expect(resultCountText(5, true, '', 'cy')).toBe('5 canlyniad');
		expect(resultCountText(1, true, '', 'cy')).toBe('1 canlyniad');
		expect(resultCountText(1234, true, 'côr', 'cy')).toBe('1,234 canlyniad ar gyfer “côr”');
		expect(resultCountText(1000, false, 'walk', 'cy')).toBe(
			'Mwy na 1,000 o ganlyniadau ar gyfer “walk”'
		);
	});
});

describe('messageParts', () => {
	it('splits a message around the value it was given the marker for', () => {
		expect(messageParts(m.search_in_patch({ name: VALUE_MARK }, { locale: 'en' }))).toEqual({
			before: 'in ',
			after: ''
		});
		expect(messageParts(m.search_in_patch({ name: VALUE_MARK }, { locale: 'cy' }))).toEqual({
			before: 'yng nghymdogaeth ',
			after: ''
		});
		expect(messageParts('a « b')).toEqual({ before: 'a « b', after: '' });
	});
});

describe('sortByName', () => {
	it('sorts by the shown name and leaves the input alone', () => {
		const patches = [{ name: 'Foxley End' }, { name: 'Canol Tref Fennick' }, { name: 'Aldermoor' }];
		expect(sortByName(patches, 'cy').map((p) => p.name)).toEqual([
			'Aldermoor',
			'Canol Tref Fennick',
			'Foxley End'
		]);
		expect(patches[0].name).toBe('Foxley End');
	});
});

describe('pagerItems', () => {
	it('shows nothing for one page', () => {
		expect(pagerItems(1, 1)).toEqual([]);
	});
	it('shows the ends, two either side and gaps', () => {
		const text = pagerItems(6, 20)
			.map((i) => ('gap' in i ? '…' : i.current ? `[${i.page}]` : String(i.page)))
			.join(' ');
		expect(text).toBe('1 … 4 5 [6] 7 8 … 20');
		expect(pagerItems(1, 3).map((i) => ('page' in i ? i.page : 0))).toEqual([1, 2, 3]);
	});
});

describe('formQueryNear', () => {
	it('keeps what the form holds, leaves out empty fields, and measures from the new place', () => {
		const query = formQueryNear(
			[
				['q', 'walk'],
				['kind', 'group'],
				['day', 'tue'],
				['category', ''],
				['postcode', 'FV1 0LW'],
				['lat', '53.1'],
				['lon', '-2.1'],
				['radius', '2'],
				['page', '3']
			],
			[-2.3456789, 53.4123456]
		);
		expect(query).toBe('q=walk&kind=group&day=tue&radius=2&lat=53.41235&lon=-2.34568');
	});
});
