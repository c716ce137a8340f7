import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv';

describe('parseCsvRecords', () => {
	it('reads quoted fields with commas, doubled quotes and line breaks', () => {
		const records = parseCsvRecords('a,b\n"Smith, J","He said ""hi"""\n"two\nlines",x\n');
		expect(records).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['Smith, J', 'He said "hi"'] },
			{ line: 3, fields: ['two\nlines', 'x'] }
		]);
	});

	it('accepts CRLF, a byte order mark and no final line break', () => {
		expect(parseCsvRecords('\ufeffpcds,lat\r\nFV1 1AA,53.1')).toEqual([
			{ line: 1, fields: ['pcds', 'lat'] },
			{ line: 2, fields: ['FV1 1AA', '53.1'] }
		]);
	});

	it('skips blank lines but keeps counting them', () => {
		expect(parseCsvRecords('a\n\nb\n').map((r) => r.line)).toEqual([1, 3]);
	});

	it('names the line of an unclosed quote', () => {
		expect(() => parseCsvRecords('a\n"open,b\nc')).toThrow('starts on line 2');
	});
});

describe('parseCsv', () => {
	it('keys rows by trimmed header names and fills missing cells with empty strings', () => {
		const table = parseCsv(' code ,value\nE00000001,12\nE00000002\n');
		expect(table.header).toEqual(['code', 'value']);
		expect(table.rows).toEqual([
			{ line: 2, values: { code: 'E00000001', value: '12' } },
			{ line: 3, values: { code: 'E00000002', value: '' } }
		]);
	});

	it('returns no header and no rows for an empty file', () => {
		expect(parseCsv('')).toEqual({ header: [], rows: [] });
	});
});
