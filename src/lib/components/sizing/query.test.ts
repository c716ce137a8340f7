import { describe, expect, it } from 'vitest';
import { ariaSort, parseSizingQuery, sizingQueryString, sortHref } from './query';

const parse = (text: string) => parseSizingQuery(new URLSearchParams(text));

describe('parseSizingQuery', () => {
	it('gives the defaults for an empty query', () => {
		expect(parse('')).toEqual({ sort: 'name', dir: 'asc', method: 'areal', set: undefined });
	});

	it('reads every value it knows', () => {
		expect(parse('sort=density&dir=desc&method=centroid&set=3')).toEqual({
			sort: 'density',
			dir: 'desc',
			method: 'centroid',
			set: 3
		});
	});

	it('falls back to the default for each bad value, keeping the good ones', () => {
		expect(parse('sort=population;drop&dir=sideways&method=guess&set=-2')).toEqual({
			sort: 'name',
			dir: 'asc',
			method: 'areal',
			set: undefined
		});
		expect(parse('sort=band&set=1.5')).toMatchObject({ sort: 'band', set: undefined });
		expect(parse('set=abc&dir=desc')).toMatchObject({ dir: 'desc', set: undefined });
		expect(parse('set=99999999999999999999')).toMatchObject({ set: undefined });
	});

	it('uses the first of repeated keys', () => {
		expect(parse('sort=area&sort=name').sort).toBe('area');
	});
});

describe('sortHref and ariaSort', () => {
	const path = '/council/patches';

	it('sorts numbers biggest first and names A to Z on the first click', () => {
		const query = parse('');
		expect(sortHref(path, query, 'areal')).toBe('/council/patches?sort=areal&dir=desc');
		expect(sortHref(path, parse('sort=areal'), 'name')).toBe('/council/patches');
		expect(sortHref(path, query, 'band')).toBe('/council/patches?sort=band');
	});

	it('turns the current column round, keeping the method and set', () => {
		const query = parse('sort=areal&dir=desc&method=centroid&set=2');
		expect(sortHref(path, query, 'areal')).toBe(
			'/council/patches?sort=areal&method=centroid&set=2'
		);
		expect(sortHref(path, parse(''), 'name')).toBe('/council/patches?dir=desc');
	});

	it('marks only the sort column, in its direction', () => {
		const query = parse('sort=density&dir=desc');
		expect(ariaSort(query, 'density')).toBe('descending');
		expect(ariaSort(query, 'name')).toBe('none');
		expect(ariaSort(parse(''), 'name')).toBe('ascending');
	});

	it('leaves defaults out of the query string', () => {
		expect(sizingQueryString(parse(''))).toBe('');
		expect(sizingQueryString(parse('method=centroid'))).toBe('?method=centroid');
	});
});
