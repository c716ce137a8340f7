import { describe, expect, it } from 'vitest';
import {
	parseReferenceDate,
	populationImportOptionsSchema,
	smallAreaImportOptionsSchema
} from './options';
import { slugify } from './slug';

describe('parseReferenceDate', () => {
	it.each([
		['2022-06-30', '2022-06-30'],
		['30 6 2022', '2022-06-30'],
		['30/06/2022', '2022-06-30'],
		['30 June 2022', '2022-06-30'],
		['21 mar 2021', '2021-03-21']
	])('reads %s', (text, iso) => expect(parseReferenceDate(text)).toBe(iso));

	it.each(['2022-02-30', '31 4 2022', 'June 2022', '30 Foo 2022', ''])('refuses %s', (text) =>
		expect(parseReferenceDate(text)).toBeNull()
	);
});

describe('import option schemas', () => {
	it('treats blank text as not given', () => {
		expect(
			populationImportOptionsSchema.parse({ name: '  ', referenceDate: '', makeDefault: false })
		).toEqual({ makeDefault: false, strict: false });
	});

	it('gives GOV.UK-style messages', () => {
		const result = populationImportOptionsSchema.safeParse({ referenceDate: '31 February 2022' });
		expect(result.error?.issues[0].message).toBe(
			'Enter the reference date as a real date, like 30 6 2022 or 2022-06-30'
		);
		const kind = smallAreaImportOptionsSchema.safeParse({ kind: 'msoa' });
		expect(kind.error?.issues[0].message).toBe('Choose Output Areas (OA) or LSOAs (LSOA)');
		expect(smallAreaImportOptionsSchema.parse({ kind: 'lsoa' })).toEqual({ kind: 'LSOA' });
	});
});

describe('slugify', () => {
	it('makes web addresses from names', () => {
		expect(slugify('Gorse Hill & Cornbrook')).toBe('gorse-hill-and-cornbrook');
		expect(slugify("St John's, Llanfair Pwllgwyngyll")).toBe('st-johns-llanfair-pwllgwyngyll');
		expect(slugify('Côte-d’Or  ')).toBe('cote-dor');
		expect(slugify('!!!')).toBe('');
	});
});
