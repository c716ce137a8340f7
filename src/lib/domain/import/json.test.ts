import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { lineAndColumn, parseJsonText } from './json';

function messageOf(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(ImportError);
		return (error as Error).message;
	}
	throw new Error('expected an ImportError');
}

describe('parseJsonText', () => {
	it('parses JSON, with or without a byte order mark', () => {
		expect(parseJsonText('\ufeff{"a": 1}', 'a.json')).toEqual({ a: 1 });
	});

	it('says where broken JSON goes wrong, by line and column', () => {
		const text = '{\n  "type": "FeatureCollection"\n  "features": []\n}';
		expect(messageOf(() => parseJsonText(text, 'a.geojson'))).toBe(
			"a.geojson is not valid JSON: line 3, column 3: Expected ',' or '}' after property value."
		);
	});

	it('says when the file stops too soon', () => {
		expect(messageOf(() => parseJsonText('{"type": "Feat', 'a.geojson'))).toMatch(
			/^a\.geojson is not valid JSON: line 1, column 15: /
		);
	});

	it('calls an empty or blank file empty', () => {
		expect(messageOf(() => parseJsonText('  \n', 'a.geojson'))).toBe('a.geojson is empty.');
	});

	it('counts lines and columns from 1', () => {
		expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
	});
});
