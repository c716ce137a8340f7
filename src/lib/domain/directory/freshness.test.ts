import { describe, expect, it } from 'vitest';
import { isStale } from '../format';
import { staleCutoff } from './freshness';

function addDays(iso: string, days: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

describe('staleCutoff', () => {
	it('is the same day a year earlier, kept inside shorter months', () => {
		expect(staleCutoff('2026-11-25')).toBe('2025-11-25');
		expect(staleCutoff('2028-02-29')).toBe('2027-02-28');
		expect(staleCutoff('2026-03-31', 1)).toBe('2026-02-28');
	});

	it('agrees with isStale for every day around the cutoff, over two years of todays', () => {
		for (let t = 0; t < 730; t += 7) {
			const today = addDays('2025-01-01', t);
			const cutoff = staleCutoff(today);
			for (let k = -3; k <= 3; k++) {
				const checked = addDays(cutoff, k);
				expect(checked < cutoff).toBe(isStale(checked, today));
			}
		}
	});
});
