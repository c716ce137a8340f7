import { describe, expect, it } from 'vitest';
import { windsOnce } from './simple-rings';

/** A flat ring from points. */
const ring = (...points: [number, number][]) => points.flat();
const square = (x0: number, y0: number, x1: number, y1: number, clockwise = false) =>
	clockwise
		? ring([x0, y0], [x0, y1], [x1, y1], [x1, y0])
		: ring([x0, y0], [x1, y0], [x1, y1], [x0, y1]);

describe('windsOnce', () => {
	it('accepts a square, a concave ring, a square with a hole, and two parts apart', () => {
		expect(windsOnce([square(0, 0, 10, 10)])).toBe(true);
		expect(windsOnce([ring([0, 0], [10, 0], [10, 10], [5, 3], [0, 10])])).toBe(true);
		expect(windsOnce([square(0, 0, 10, 10), square(2, 2, 8, 8, true)])).toBe(true);
		expect(windsOnce([square(0, 0, 10, 10), square(20, 0, 30, 10)])).toBe(true);
	});

	it('accepts a ring with many edges (checked by the sweep)', () => {
		const points: [number, number][] = [];
		for (let i = 0; i < 200; i++) {
			const angle = (i / 200) * 2 * Math.PI;
			const r = i % 2 === 0 ? 1000 : 800;
			points.push([Math.round(r * Math.cos(angle)), Math.round(r * Math.sin(angle))]);
		}
		expect(windsOnce([ring(...points)])).toBe(true);
		// The same with one point pulled across the ring: it crosses itself.
		points[50] = [0, -1100];
		expect(windsOnce([ring(...points)])).toBe(false);
	});

	it('refuses a bow-tie, a spike, a ring touching itself and a clockwise ring alone', () => {
		expect(windsOnce([ring([0, 0], [10, 10], [10, 0], [0, 10])])).toBe(false);
		expect(windsOnce([ring([0, 0], [10, 0], [10, 10], [10, 20], [10, 10], [0, 10])])).toBe(false);
		expect(windsOnce([ring([0, 0], [10, 0], [5, 5], [10, 10], [0, 10], [5, 5])])).toBe(false);
		expect(windsOnce([square(0, 0, 10, 10, true)])).toBe(false);
	});

	it('refuses parts that overlap or nest, a hole outside its ring, and a hole touching it', () => {
		expect(windsOnce([square(0, 0, 10, 10), square(5, 0, 15, 10)])).toBe(false);
		expect(windsOnce([square(0, 0, 10, 10), square(2, 2, 8, 8)])).toBe(false);
		expect(windsOnce([square(0, 0, 10, 10), square(20, 0, 30, 10, true)])).toBe(false);
		expect(windsOnce([square(0, 0, 10, 10), square(0, 2, 8, 8, true)])).toBe(false);
	});

	it('is exact on coordinates whose products pass 2^53', () => {
		const far = 4e9;
		expect(windsOnce([square(far, far, far + 3e9, far + 3e9)])).toBe(true);
		expect(
			windsOnce([ring([far, far], [far + 3e9, far + 3e9], [far + 3e9, far], [far, far + 3e9])])
		).toBe(false);
	});
});
