import { describe, expect, it } from 'vitest';
import { readRange } from './byte-range';

describe('readRange', () => {
	it('sends the whole file without a Range header', () => {
		expect(readRange(null, 1000)).toEqual({ kind: 'whole' });
	});

	it('reads a closed range, an open range and a suffix', () => {
		expect(readRange('bytes=0-126', 1000)).toEqual({ kind: 'part', start: 0, end: 126 });
		expect(readRange('bytes=900-', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
		expect(readRange('bytes=-100', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
	});

	it('stops a range that runs past the end at the last byte', () => {
		expect(readRange('bytes=990-16383', 1000)).toEqual({ kind: 'part', start: 990, end: 999 });
		expect(readRange('bytes=-5000', 1000)).toEqual({ kind: 'part', start: 0, end: 999 });
	});

	it('cannot satisfy a range that starts past the end', () => {
		expect(readRange('bytes=1000-1100', 1000)).toEqual({ kind: 'unsatisfiable' });
		expect(readRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
		expect(readRange('bytes=0-10', 0)).toEqual({ kind: 'unsatisfiable' });
	});

	it('ignores what it does not serve: other units, several ranges, nonsense', () => {
		for (const header of ['items=0-5', 'bytes=0-5,10-20', 'bytes=abc', 'bytes=-', 'bytes=9-3']) {
			expect(readRange(header, 1000), header).toEqual({ kind: 'whole' });
		}
	});
});
