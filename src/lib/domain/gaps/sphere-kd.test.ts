import { describe, expect, it } from 'vitest';
import { haversine } from './point-index';
import { sphereFrame, sphereKd, toFrame, type SphereFrame } from './sphere-kd';

/** A deterministic scatter of [lon, lat] points in a box. */
function scatter(count: number, seed: number, box = [-2.5, 53.35, 0.4, 0.15]): number[] {
	let s = seed;
	const next = () => {
		s = (s * 16807) % 2_147_483_647;
		return s / 2_147_483_647;
	};
	return Array.from({ length: count }, () => [
		box[0] + next() * box[2],
		box[1] + next() * box[3]
	]).flat();
}

const vectorsOf = (frame: SphereFrame, lonLat: number[]) => {
	const out = new Float64Array(lonLat.length * 1.5);
	for (let i = 0; i < lonLat.length / 2; i++)
		toFrame(frame, lonLat[i * 2], lonLat[i * 2 + 1], out, i);
	return out;
};

/** The position of the nearest point by haversine over every point; ties to the first. */
function bruteNearest(points: number[], lon: number, lat: number): number {
	let best = -1;
	let bestMetres = Infinity;
	for (let i = 0; i < points.length / 2; i++) {
		const metres = haversine(lon, lat, points[i * 2], points[i * 2 + 1]);
		if (metres < bestMetres) [best, bestMetres] = [i, metres];
	}
	return best;
}

/** Every query's nearest point (position in `points`) through the index, with nearestAll. */
function throughIndex(points: number[], queries: number[], frame = sphereFrame(points)): number[] {
	const index = sphereKd(vectorsOf(frame, points));
	const found = new Int32Array(queries.length / 2);
	index.nearestAll(vectorsOf(frame, queries), found);
	return Array.from(found, (k) => (k < 0 ? -1 : index.ids[k]));
}

describe('sphereKd', () => {
	const points = scatter(600, 7);
	const queries = scatter(400, 11);
	const brute = Array.from({ length: 200 }, (_, q) =>
		bruteNearest(points, queries[q * 2], queries[q * 2 + 1])
	);

	it('finds the same nearest point as a haversine scan of every point', () => {
		expect(throughIndex(points, queries).slice(0, 200)).toEqual(brute);
	});

	it('gives the same answer from any starting point', () => {
		const frame = sphereFrame(points);
		const index = sphereKd(vectorsOf(frame, points));
		const q = vectorsOf(frame, queries);
		for (let i = 0; i < 50; i++) {
			const plain = index.nearest(q, i, -1);
			expect(index.ids[plain]).toBe(brute[i]);
			for (const hint of [0, i % points.length, points.length / 2 - 1]) {
				expect(index.nearest(q, i, hint)).toBe(plain);
			}
		}
	});

	it('answers a query along a curve of neighbours exactly, even where it skips the search', () => {
		// Queries 27 m apart in a line: most answers stand from the one before, some must change.
		const line = Array.from({ length: 1000 }, (_, i) => [-2.5 + i * 0.0004, 53.42]).flat();
		const expected = Array.from({ length: 1000 }, (_, i) =>
			bruteNearest(points, line[i * 2], line[i * 2 + 1])
		);
		expect(new Set(expected).size).toBeGreaterThan(10);
		expect(throughIndex(points, line)).toEqual(expected);
	});

	it('gives a tie to the point given first (entries at one address), wherever the copies are', () => {
		const same = [-2.3, 53.4, -2.31, 53.41, -2.3, 53.4, -2.3, 53.4];
		expect(throughIndex(same, [-2.3001, 53.4001, -2.31, 53.4101])).toEqual([0, 1]);
		// Thirty copies among scattered points, so they fall on both sides of many splits.
		const mixed = scatter(60, 5);
		const copies = Array.from({ length: 30 }, (_, i) => 17 + i * 2);
		for (const i of copies) [mixed[i * 2], mixed[i * 2 + 1]] = [-2.3, 53.4];
		expect(throughIndex(mixed, [-2.3, 53.4, -2.29, 53.39])).toEqual([17, 17]);
	});

	it('is exact far from the frame: across the date line and near a pole', () => {
		const spread = [179.9, -16.5, -179.95, -16.6, 10, 89.9, -170, 89.95, 0, 0];
		const far = [-179.99, -16.58, 100, 89.99, 0.1, 0.1];
		const frame = sphereFrame(scatter(50, 3));
		expect(throughIndex(spread, far, frame)).toEqual([1, 3, 4]);
		expect(throughIndex(spread, far)).toEqual([1, 3, 4]);
	});

	it('answers -1 when it has no points', () => {
		expect(throughIndex([], [0, 0])).toEqual([-1]);
	});
});
