import { describe, expect, it } from 'vitest';
import { ImportError } from '../../import/errors';
import { decodeAssetBytes, decodeWindows1252 } from './decode';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeAssetBytes', () => {
	it('reads UTF-8, with or without a byte order mark, and says which', () => {
		expect(decodeAssetBytes(utf8('name\nCafé'), 'a.csv')).toMatchObject({
			text: 'name\nCafé',
			encoding: 'utf-8',
			note: 'Read as UTF-8.'
		});
		const withBom = decodeAssetBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('name')), 'a.csv');
		expect(withBom).toMatchObject({
			text: 'name',
			note: 'Read as UTF-8 (the file starts with a byte order mark).'
		});
	});

	it('reads a file that is not UTF-8 as Windows-1252, curly quotes and pound signs included', () => {
		const result = decodeAssetBytes(
			bytes(0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0xa3, 0x35, 0x20, 0x96, 0x20, 0x80),
			'a.csv'
		);
		expect(result.text).toBe('“Café” £5 – €');
		expect(result.encoding).toBe('windows-1252');
	});

	it('reads a file mixing the two line by line, naming the Windows-1252 lines', () => {
		const text = new Uint8Array([
			...utf8('a\nCafé\n'),
			0x43,
			0x61,
			0x66,
			0xe9,
			0x0a,
			...utf8('Crèche')
		]);
		const result = decodeAssetBytes(text, 'a.csv');
		expect(result.text).toBe('a\nCafé\nCafé\nCrèche');
		expect(result.windows1252Lines).toEqual([3]);
		expect(result.note).toContain('line 3 is not');
	});

	it.each([
		[new Uint8Array(0), 'a.csv is empty.'],
		[utf8('  \n\t '), 'a.csv is empty.'],
		[bytes(0x50, 0x4b, 0x03, 0x04, 0, 0), 'a.csv is a zip file'],
		[bytes(0x1f, 0x8b, 8, 0), 'a.csv is compressed (gzip)'],
		[bytes(0xff, 0xfe, 0x6e, 0x00), 'a.csv is saved as UTF-16'],
		[bytes(0x6e, 0x00, 0x61, 0x00), 'a.csv is not a text file.']
	])('refuses %o', (input, message) => {
		expect(() => decodeAssetBytes(input, 'a.csv')).toThrow(ImportError);
		expect(() => decodeAssetBytes(input, 'a.csv')).toThrow(message);
	});

	it('decodes every Windows-1252 byte as the WHATWG index does', () => {
		expect(decodeWindows1252(bytes(0x81, 0x8d, 0x9f, 0xff, 0x41))).toBe('\u0081\u008dŸÿA');
	});
});
