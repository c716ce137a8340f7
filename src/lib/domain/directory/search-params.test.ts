import { describe, expect, it } from 'vitest';
import { emptySearch, MAX_QUERY_LENGTH } from './search';
import { parseDirectorySearch, searchParamsSchema } from './search-params';

const parse = (query: string) => parseDirectorySearch(new URLSearchParams(query));
const codes = (query: string) => parse(query).notices.map((n) => n.code);

describe('parseDirectorySearch', () => {
	it('gives the empty search, with no notices, for an empty query string', () => {
		expect(parse('')).toEqual({ search: emptySearch(), notices: [] });
	});

	it('reads every filter the form sends', () => {
		const { search, notices } = parse(
			'q=+knit++club+&category=arts-and-crafts&kind=group&kind=venue&day=tue&day=mon&time=evening' +
				'&time=morning&cost=low&age=9&access=step_free&access=bsl&language=cy&patch=millbrook' +
				'&postcode=fv1+0lw&radius=5&sort=distance&page=3'
		);
		expect(notices).toEqual([]);
		expect(search).toEqual({
			q: 'knit club',
			category: 'arts-and-crafts',
			kinds: ['group', 'venue'],
			days: [1, 2],
			times: ['morning', 'evening'],
			cost: 'low',
			age: 9,
			access: ['step_free', 'bsl'],
			language: 'cy',
			patch: 'millbrook',
			postcode: 'FV1 0LW',
			point: null,
			radiusKm: 5,
			sort: 'distance',
			page: 3
		});
	});

	it('reads a clicked point, rounded to about a metre, when there is no postcode', () => {
		expect(parse('lat=53.0679861&lon=-2.9468612').search.point).toEqual([-2.94686, 53.06799]);
		expect(parse('postcode=FV1 0LW&lat=53&lon=-2').search.point).toBeNull();
	});

	it('accepts day names and ISO numbers, and ignores empty and repeated values', () => {
		expect(parse('day=Wednesday&day=3&day=&day=7').search.days).toEqual([3, 7]);
	});

	it('reads a plain object (as a test or an API might pass) the same way', () => {
		expect(searchParamsSchema.parse({ q: 'choir', kind: ['group'] }).search).toMatchObject({
			q: 'choir',
			kinds: ['group']
		});
		expect(searchParamsSchema.parse(null).search).toEqual(emptySearch());
	});

	it.each([
		['q=' + 'a'.repeat(10_000), 'q_too_long'],
		['q=%F0%9F%98%80%F0%9F%8E%89', 'q_no_words'],
		['kind=spaceship', 'kind_unknown'],
		['day=funday', 'day_unknown'],
		['time=midnight', 'time_unknown'],
		['cost=cheap', 'cost_unknown'],
		['age=-3', 'age_invalid'],
		['age=200', 'age_invalid'],
		['age=ten', 'age_invalid'],
		['access=jetpack', 'access_unknown'],
		['language=klingon', 'language_unknown'],
		['category=%3Cscript%3E', 'category_unknown'],
		['patch=..%2F..%2Fetc', 'patch_unknown'],
		['postcode=NOT+A+POSTCODE', 'postcode_invalid'],
		['lat=91&lon=0', 'point_invalid'],
		['lat=51&lon=999', 'point_invalid'],
		['lat=1e400&lon=0', 'point_invalid'],
		['lat=NaN&lon=Infinity', 'point_invalid'],
		['lat=51.5', 'point_invalid'],
		['radius=0', 'radius_invalid'],
		['radius=5000', 'radius_invalid'],
		['sort=random()', 'sort_unknown'],
		['sort=distance', 'sort_needs_place'],
		['page=0', 'page_invalid'],
		['page=-1', 'page_invalid'],
		['page=99999999999', 'page_invalid'],
		['page=1;DROP TABLE assets', 'page_invalid']
	])('%s gives a normal search with notice %s', (query, code) => {
		const { search, notices } = parse(query);
		expect(notices.map((n) => n.code)).toContain(code);
		expect(notices.every((n) => n.message.length > 0)).toBe(true);
		expect(search.page).toBeGreaterThanOrEqual(1);
	});

	it('reads "best" and its old name "relevance" as Best match, the default, with no notice', () => {
		for (const query of ['sort=best', 'sort=relevance', 'sort=Relevance']) {
			const { search, notices } = parse(query);
			expect(search.sort, query).toBeNull();
			expect(notices).toEqual([]);
		}
	});

	it('drops only the bad values of a repeated field, with one notice for the field', () => {
		const { search, notices } = parse('kind=group&kind=bogus&kind=worse&kind=service');
		expect(search.kinds).toEqual(['group', 'service']);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatchObject({ code: 'kind_unknown', field: 'kind' });
	});

	it('cuts very long text to the limit and says so', () => {
		const { search } = parse('q=' + 'knit '.repeat(5000));
		expect(Array.from(search.q).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
		expect(search.q.startsWith('knit knit')).toBe(true);
	});

	it('keeps FTS operators, quotes, SQL and HTML as text to search for', () => {
		for (const q of ['"unterminated', 'a AND OR NOT b', "'; DROP TABLE assets; --", '<b>x</b>']) {
			const { search, notices } = parse(new URLSearchParams({ q }).toString());
			expect(search.q).toBe(q);
			expect(notices).toEqual([]);
		}
	});

	it('echoes a bad value shortened, never whole', () => {
		const { notices } = parse('kind=' + 'x'.repeat(5000));
		expect(notices[0].message.length).toBeLessThan(120);
		expect(notices[0].message).toContain('…');
	});

	it('writes notices in Welsh when asked', () => {
		const { notices } = parseDirectorySearch(new URLSearchParams('day=funday'), 'cy');
		expect(notices[0].message).toBe(
			'Nid yw “funday” yn ddiwrnod o’r wythnos, felly ni chafodd ei ddefnyddio.'
		);
	});

	it('does not complain about a distance sent without a place (the form always sends one)', () => {
		expect(codes('radius=5')).toEqual([]);
		expect(parse('radius=5').search.radiusKm).toBe(5);
	});

	// Issue 14, finding 5: each of these names as a parameter gave a 500 ("raw[key].push is not a
	// function"), since an ordinary object already has them.
	const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

	it.each(PROTOTYPE_NAMES)('ignores a parameter called %s, in English and Welsh', (name) => {
		for (const lang of ['en', 'cy'] as const) {
			const params = new URLSearchParams([
				[name, 'x'],
				[name, 'y'],
				['q', 'walk']
			]);
			const { search, notices } = parseDirectorySearch(params, lang);
			expect(notices).toEqual([]);
			expect(search.q).toBe('walk');
		}
	});

	it('ignores all of them at once, and in a plain object', () => {
		const query = PROTOTYPE_NAMES.map((name) => `${name}=x`).join('&') + '&kind=group';
		expect(parse(query)).toEqual(parse('kind=group'));
		const object = JSON.parse('{"__proto__": ["x"], "constructor": "x", "kind": "group"}');
		expect(parseDirectorySearch(object)).toEqual(parse('kind=group'));
	});

	it('never throws, whatever the values', () => {
		const hostile = [
			'%',
			'%00',
			'\u0000',
			'\uFFFF',
			'🙂'.repeat(3000),
			'1'.repeat(500),
			'-0',
			'0x10'
		];
		for (const value of hostile) {
			for (const name of [
				'q',
				'kind',
				'day',
				'age',
				'lat',
				'lon',
				'radius',
				'page',
				'postcode',
				'sort'
			]) {
				expect(() => parseDirectorySearch({ [name]: value, lat: value, lon: value })).not.toThrow();
			}
		}
	});
});
