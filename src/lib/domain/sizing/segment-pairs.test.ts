import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../demo/random';
import { forEachEdgePair } from './segment-pairs';

/** Edges of closed rings (random walks that come back to their start), and which follow another. */
function walks(rings: number, steps: number, seed: number, step = 1) {
	const random = mulberry32(seed);
	const edges: number[] = [];
	const follows: number[] = [];
	for (let r = 0; r < rings; r++) {
		const points: [number, number][] = [[random() * 20, random() * 20]];
		for (let i = 1; i < steps; i++) {
			const [x, y] = points[i - 1];
			points.push([x + (random() - 0.5) * step, y + (random() - 0.5) * step]);
		}
		points.forEach(([x, y], i) => {
			const [nx, ny] = points[(i + 1) % points.length];
			edges.push(x, y, nx, ny);
			follows.push(i === 0 ? 0 : 1);
		});
	}
	return { edges: Float64Array.from(edges), follows: Int32Array.from(follows) };
}

/** Every pair a < b whose boxes, grown by slack, meet: the answer by brute force. */
function bruteForce(edges: ArrayLike<number>, slack: number, skip?: ArrayLike<number>): string[] {
	const box = (e: number) => [
		Math.min(edges[e * 4], edges[e * 4 + 2]) - slack,
		Math.min(edges[e * 4 + 1], edges[e * 4 + 3]) - slack,
		Math.max(edges[e * 4], edges[e * 4 + 2]) + slack,
		Math.max(edges[e * 4 + 1], edges[e * 4 + 3]) + slack
	];
	const pairs: string[] = [];
	const count = edges.length / 4;
	for (let a = 0; a < count; a++) {
		const [ax0, ay0, ax1, ay1] = box(a);
		for (let b = a + 1; b < count; b++) {
			if (skip && b === a + 1 && skip[b] === 1) continue;
			const [bx0, by0, bx1, by1] = box(b);
			if (bx1 < ax0 || bx0 > ax1 || by1 < ay0 || by0 > ay1) continue;
			pairs.push(`${a},${b}`);
		}
	}
	return pairs.sort();
}

function found(edges: ArrayLike<number>, slack: number, follows?: ArrayLike<number>): string[] {
	const pairs: string[] = [];
	forEachEdgePair(edges, (a, b) => pairs.push(`${a},${b}`), slack, follows);
	return pairs.sort();
}

describe('forEachEdgePair', () => {
	it('reports each pair of edges whose boxes meet, once, a before b', () => {
		for (const seed of [1, 2, 3]) {
			const { edges } = walks(4, 120, seed);
			const expected = bruteForce(edges, 0);
			expect(expected.length).toBeGreaterThan(500);
			expect(found(edges, 0)).toEqual(expected);
			expect(found(edges, 0.01)).toEqual(bruteForce(edges, 0.01));
		}
	});

	it('leaves out edges that follow one another in a ring when told which they are', () => {
		const { edges, follows } = walks(3, 200, 9);
		const all = found(edges, 0);
		const without = found(edges, 0, follows);
		expect(without).toEqual(bruteForce(edges, 0, follows));
		// One fewer pair per edge that follows another (a ring's last and first edges still count).
		expect(all.length - without.length).toBe(3 * 199);
	});

	it('finds the same pairs when many runs start at the same x, or very nearly', () => {
		// Vertical zigzags side by side: hundreds of runs share a left edge to within 1e-12.
		const edges: number[] = [];
		for (let column = 0; column < 40; column++) {
			for (let i = 0; i < 64; i++) {
				const x = column * 1e-12 + (i % 2) * 1e-13;
				edges.push(x, i, x + (i % 3) * 1e-13, i + 1);
			}
		}
		expect(found(edges, 0)).toEqual(bruteForce(edges, 0));
	});

	it('still reports every pair once when a coordinate is not a number', () => {
		const { edges } = walks(1, 60, 4);
		edges[40] = NaN;
		const pairs = found(edges, 0);
		expect(new Set(pairs).size).toBe(pairs.length);
		// Every pair of the other edges is still found (edge 10 starts at the broken point).
		const others = bruteForce(edges, 0).filter((pair) => !pair.split(',').includes('10'));
		expect(others.length).toBeGreaterThan(100);
		expect(pairs).toEqual(expect.arrayContaining(others));
	});
});
