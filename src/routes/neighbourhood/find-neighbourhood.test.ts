import { describe, expect, it } from 'vitest';
import { readNeighbourhoodQuery } from './find-neighbourhood';

const read = (query: string) => readNeighbourhoodQuery(new URLSearchParams(query));

describe('readNeighbourhoodQuery', () => {
	it('normalises a postcode typed any way', () => {
		expect(read('postcode=fv10lw')).toEqual({ kind: 'postcode', postcode: 'FV1 0LW' });
	});
	it('tells a non-postcode apart, shortened for echoing', () => {
		expect(read(`postcode=${'x'.repeat(500)}`)).toEqual({
			kind: 'not-postcode',
			text: 'x'.repeat(40)
		});
	});
	it('reads a point, and rejects one off the globe or not a number', () => {
		expect(read('lat=53.06&lon=-2.94')).toEqual({ kind: 'point', point: [-2.94, 53.06] });
		expect(read('lat=91&lon=0')).toEqual({ kind: 'off-globe' });
		expect(read('lat=1e3&lon=0')).toEqual({ kind: 'off-globe' });
		expect(read('lat=53')).toEqual({ kind: 'off-globe' });
	});
	it('is nothing without a question', () => {
		expect(read('')).toEqual({ kind: 'none' });
	});
});
