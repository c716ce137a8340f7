import { describe, expect, it } from 'vitest';
import { mapWords } from './words';

describe('mapWords', () => {
	it('is English by default', () => {
		expect(mapWords()).toBe(mapWords('en'));
		expect(mapWords().key).toBe('Map key');
	});

	it('has every word in Welsh too, none of them copied from the English', () => {
		const en = mapWords('en');
		const cy = mapWords('cy');
		const { maplibre: enMapLibre, ...enWords } = en;
		const { maplibre: cyMapLibre, ...cyWords } = cy;
		expect(Object.keys(cyWords).sort()).toEqual(Object.keys(enWords).sort());
		expect(Object.keys(cyMapLibre).sort()).toEqual(Object.keys(enMapLibre).sort());
		const copied = [
			...Object.entries(enWords).filter(
				([key, text]) => cyWords[key as keyof typeof cyWords] === text
			),
			...Object.entries(enMapLibre).filter(([key, text]) => cyMapLibre[key] === text)
		];
		expect(copied).toEqual([]);
	});
});
