import { describe, expect, it } from 'vitest';
import { emptySearch, type DirectorySearch } from './search';
import { parseDirectorySearch } from './search-params';
import { nearPointQuery, toQueryString } from './query-string';

const full: DirectorySearch = {
	q: 'knit & natter "café"',
	category: 'arts-and-crafts',
	kinds: ['group', 'informal_support'],
	days: [2, 6],
	times: ['morning'],
	cost: 'free',
	age: 0,
	access: ['step_free', 'hearing_loop'],
	language: 'cy',
	patch: 'millbrook',
	postcode: 'FV1 0LW',
	point: null,
	radiusKm: 2.5,
	sort: 'checked',
	page: 4
};

describe('toQueryString', () => {
	it('is empty for the empty search', () => {
		expect(toQueryString(emptySearch())).toBe('');
	});

	it('writes days as short names and leaves out page 1', () => {
		expect(toQueryString({ ...emptySearch(), q: 'choir', days: [2] })).toBe('q=choir&day=tue');
	});

	it('parses back to the same search', () => {
		for (const search of [
			full,
			{ ...emptySearch(), point: [-2.94686, 53.06799] as [number, number] }
		]) {
			const parsed = parseDirectorySearch(new URLSearchParams(toQueryString(search)));
			expect(parsed.notices).toEqual([]);
			expect(parsed.search).toEqual(search);
		}
	});

	it('applies changes, for paging links', () => {
		const next = new URLSearchParams(toQueryString(full, { page: 5 }));
		expect(next.get('page')).toBe('5');
		expect(new URLSearchParams(toQueryString(full, { page: 1 })).has('page')).toBe(false);
	});

	it('writes a point only when there is no postcode', () => {
		const both = { ...full, point: [-2, 53] as [number, number] };
		expect(new URLSearchParams(toQueryString(both)).has('lat')).toBe(false);
		expect(toQueryString({ ...both, postcode: null })).toContain('lat=53&lon=-2');
	});
});

describe('nearPointQuery', () => {
	it('keeps every filter, drops the postcode and the page, and measures from the point', () => {
		const params = new URLSearchParams(nearPointQuery(full, [-2.3456789, 53.4123456]));
		expect(params.get('q')).toBe(full.q);
		expect(params.getAll('kind')).toEqual(['group', 'informal_support']);
		expect(params.get('radius')).toBe('2.5');
		expect(params.has('postcode')).toBe(false);
		expect(params.has('page')).toBe(false);
		expect([params.get('lat'), params.get('lon')]).toEqual(['53.41235', '-2.34568']);
	});

	it('parses back to a search from that point, without notices', () => {
		const parsed = parseDirectorySearch(new URLSearchParams(nearPointQuery(full, [-2.3, 53.4])));
		expect(parsed.notices).toEqual([]);
		expect(parsed.search).toEqual({ ...full, postcode: null, point: [-2.3, 53.4], page: 1 });
	});
});
