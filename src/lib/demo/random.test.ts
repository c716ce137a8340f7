import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, Random } from './random';

describe('mulberry32', () => {
	it('gives the same sequence for the same seed', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const first = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(first);
	});

	it('gives a known first value, so a change to the algorithm is noticed', () => {
		expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 15);
	});

	it('stays in [0, 1) and spreads evenly', () => {
		const next = mulberry32(7);
		const values = Array.from({ length: 10_000 }, () => next());
		expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...values)).toBeLessThan(1);
		const mean = values.reduce((s, v) => s + v, 0) / values.length;
		expect(mean).toBeGreaterThan(0.48);
		expect(mean).toBeLessThan(0.52);
	});
});

describe('deriveSeed', () => {
	it('gives different streams for different labels and the same for the same label', () => {
		expect(deriveSeed(1, 'tiling')).toBe(deriveSeed(1, 'tiling'));
		expect(deriveSeed(1, 'tiling')).not.toBe(deriveSeed(1, 'assets'));
		expect(deriveSeed(1, 'tiling')).not.toBe(deriveSeed(2, 'tiling'));
	});
});

describe('Random', () => {
	it('int includes both ends and nothing outside', () => {
		const rng = new Random(3);
		const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 4)));
		expect([...seen].sort()).toEqual([1, 2, 3, 4]);
	});

	it('shuffle keeps every item and leaves the input alone', () => {
		const input = [1, 2, 3, 4, 5, 6];
		const out = new Random(9).shuffle(input);
		expect([...out].sort()).toEqual(input);
		expect(input).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('weighted never picks an item of weight 0', () => {
		const rng = new Random(5);
		const picks = Array.from({ length: 200 }, () =>
			rng.weighted(['a', 'b', 'c'], (x) => (x === 'b' ? 0 : 1))
		);
		expect(picks).not.toContain('b');
	});

	it('pick refuses an empty list', () => {
		expect(() => new Random(1).pick([])).toThrow('empty');
	});
});
