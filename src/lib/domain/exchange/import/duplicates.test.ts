import { describe, expect, it } from 'vitest';
import { findPossibleDuplicates, normaliseName, type DuplicateItem } from './duplicates';

const item = (
	key: string,
	name: string,
	point: [number, number] | null,
	postcode: string | null = null
): DuplicateItem => ({ key, name, point, postcode });

describe('normaliseName', () => {
	it('ignores case, accents, punctuation, a leading "the", and writes & and saint one way', () => {
		expect(normaliseName("The St. Mary's Church  Hall")).toBe('st marys church hall');
		expect(normaliseName('Saint Marys Church & Hall')).toBe('st marys church and hall');
		expect(normaliseName('Café Cymraeg')).toBe('cafe cymraeg');
	});
});

describe('findPossibleDuplicates', () => {
	it('flags the same name within 100 metres, but not 200 metres away', () => {
		const pairs = findPossibleDuplicates(
			[item('new1', 'Sale Library', [-2.3184, 53.4246]), item('new2', 'Tea Club', [-2.3, 53.4])],
			[item('old1', 'sale library', [-2.319, 53.425]), item('old2', 'Tea club', [-2.3, 53.4018])]
		);
		expect(pairs).toEqual([
			{
				a: expect.objectContaining({ key: 'new1' }),
				b: expect.objectContaining({ key: 'old1' }),
				reason: 'the same name, 60 metres apart'
			}
		]);
	});

	it('flags a shared postcode only when one name contains the other', () => {
		const pairs = findPossibleDuplicates(
			[
				item('new1', 'Sale Library and Information Centre', null, 'M33 7ZF'),
				item('new2', 'Sale Judo Club', null, 'M33 7ZF')
			],
			[item('old1', 'Sale Library', null, 'M33 7ZF')]
		);
		expect(pairs.map((p) => [p.a.key, p.b.key, p.reason])).toEqual([
			['new1', 'old1', 'the same postcode (M33 7ZF) and one name contains the other']
		]);
	});

	it('flags pairs within the file, and never two stored assets', () => {
		const pairs = findPossibleDuplicates(
			[item('a', 'Hall', [0, 0]), item('b', 'Hall', [0, 0.0001])],
			[item('x', 'Park', [1, 1]), item('y', 'Park', [1, 1])]
		);
		expect(pairs.map((p) => [p.a.key, p.b.key])).toEqual([['a', 'b']]);
	});

	it('stays quick with a hostile file of one name at one place', () => {
		const many = Array.from({ length: 20_000 }, (_, i) => item(`k${i}`, 'Same', [0, 0], 'M1 1AA'));
		const pairs = findPossibleDuplicates(many, []);
		expect(pairs.length).toBeLessThanOrEqual(20_000 * 50);
		expect(pairs.length).toBeGreaterThan(0);
	});
});
