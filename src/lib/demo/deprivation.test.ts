import { describe, expect, it } from 'vitest';
import { demoDeprivation } from './deprivation';

describe('demo deprivation deciles', () => {
	it('gives neighbouring areas their group decile, the same every time, about a fifth in deciles 1-2', () => {
		const deciles = Array.from({ length: 800 }, (_, i) => demoDeprivation(i));
		expect(deciles[0]).toEqual(demoDeprivation(0));
		expect(deciles[0].lsoaCode).toBe(deciles[7].lsoaCode);
		expect(deciles[7].lsoaCode).not.toBe(deciles[8].lsoaCode);
		expect(deciles.every((d) => d.decile >= 1 && d.decile <= 10)).toBe(true);
		const deprived = deciles.filter((d) => d.decile <= 2).length / deciles.length;
		expect(deprived).toBeGreaterThan(0.1);
		expect(deprived).toBeLessThan(0.3);
	});
});
