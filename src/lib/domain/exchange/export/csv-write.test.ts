import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../csv';
import { neutraliseFormula, toCsv } from './csv-write';

describe('neutraliseFormula', () => {
	it('puts a quote before anything a spreadsheet would run', () => {
		for (const text of ['=1+1', '+44 161', '-2', '@SUM(A1)', '\tx', '\rx']) {
			expect(neutraliseFormula(text)).toBe(`'${text}`);
		}
	});

	it('leaves ordinary text alone', () => {
		for (const text of ['Knit and natter', '01632 960001', '', ' =not at the start', "'quoted"]) {
			expect(neutraliseFormula(text)).toBe(text);
		}
	});
});

describe('toCsv', () => {
	it('quotes what needs quoting, writes numbers as numbers, and reads back the same', () => {
		const text = toCsv(
			['name', 'note', 'lon'],
			[
				['Tea, cake', 'She said "hello"\nthen left', -2.906],
				['=cmd', null, Number.NaN]
			]
		);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(parseCsvRecords(text).map((r) => r.fields)).toEqual([
			['name', 'note', 'lon'],
			['Tea, cake', 'She said "hello"\nthen left', '-2.906'],
			["'=cmd", '', '']
		]);
	});
});
