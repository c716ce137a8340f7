import { describe, expect, it } from 'vitest';
import { haversineMetres } from '../directory/distance';
import { hilbertOrder } from './hilbert';
import { haversine, pointIndex } from './point-index';

/** A deterministic scatter of points around Trafford. */
function scatter(count: number, seed: number): [number, number][] {
	let s = seed;
	const next = () => {
		s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
		return s / 2_147_483_648;
	};
	return Array.from({ length: count }, () => [-2.5 + next() * 0.4, 53.35 + next() * 0.15]);
}

describe('pointIndex', () => {
	const assets = scatter(500, 7);
	const index = pointIndex(assets);
	const queries = scatter(300, 11);

	it('finds the same nearest point and distance as a scan of every point', () => {
		for (const [lon, lat] of queries) {
			const brute = Math.min(...assets.map((a) => haversineMetres([lon, lat], a)));
			const found = index.nearest(lon, lat)!;
			expect(found.metres).toBeCloseTo(brute, 6);
			expect(haversineMetres([lon, lat], assets[found.item])).toBeCloseTo(brute, 6);
		}
	});

	it('gives the same nearest from any starting point, near or far', () => {
		queries.forEach(([lon, lat], q) => {
			const found = index.nearest(lon, lat)!;
			for (const hint of [0, q % assets.length, found.item]) {
				expect(index.nearestFrom(lon, lat, hint)).toEqual(found);
			}
		});
	});

	it('visits points along a Hilbert curve: every point once, neighbours close together', () => {
		const order = hilbertOrder(queries);
		expect([...order].sort((a, b) => a - b)).toEqual(queries.map((_, i) => i));
		const step = (list: ArrayLike<number>) => {
			let total = 0;
			for (let i = 1; i < list.length; i++)
				total += haversineMetres(queries[list[i - 1]], queries[list[i]]);
			return total;
		};
		// Walking the curve is far shorter than walking the points in the order given.
		expect(step(order)).toBeLessThan(step(queries.map((_, i) => i)) / 4);
	});

	it('finds every point within a distance, and no other', () => {
		for (const [lon, lat] of queries.slice(0, 50)) {
			const brute = assets.flatMap((a, i) => (haversineMetres([lon, lat], a) <= 1500 ? [i] : []));
			expect(index.within(lon, lat, 1500).sort((a, b) => a - b)).toEqual(brute);
		}
	});

	it('is exact where longitude scaling could mislead a planar index (far north and south)', () => {
		const spread: [number, number][] = [
			[0, 50],
			[0.05, 58],
			[-0.3, 54]
		];
		const far = pointIndex(spread);
		expect(far.nearest(0.2, 57.5)!.item).toBe(1);
		expect(far.nearest(0, 50.1)!.item).toBe(0);
	});

	it('answers null and nothing when empty', () => {
		expect(pointIndex([]).nearest(0, 0)).toBeNull();
		expect(pointIndex([]).within(0, 0, 100)).toEqual([]);
	});

	it('agrees with the directory haversine', () => {
		expect(haversine(-0.1276, 51.5072, -2.2426, 53.4808)).toBeCloseTo(
			haversineMetres([-0.1276, 51.5072], [-2.2426, 53.4808]),
			6
		);
	});
});
