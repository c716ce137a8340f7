import { Clipper, FillRule, type Paths64 } from 'clipper2-ts';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../demo/random';
import { clipRingsToBox } from './box-clip';

const square = (l: number, t: number, r: number, b: number) => [
	{ x: l, y: t },
	{ x: r, y: t },
	{ x: r, y: b },
	{ x: l, y: b }
];
const flat = (path: { x: number; y: number }[]) => path.flatMap((p) => [p.x, p.y]);
const areaWithin = (paths: Paths64, box: Paths64) =>
	Clipper.areaPaths(Clipper.intersect(box, paths, FillRule.NonZero));

describe('clipRingsToBox', () => {
	// An edge enters the box through its bottom and leaves through its left side; the ring goes round
	// outside. The whole box but a corner is inside the ring.
	const ring = [
		{ x: 150, y: 150 },
		{ x: -50, y: 60 },
		{ x: -60, y: -200 },
		{ x: 300, y: -200 }
	];
	const rect = { left: 0, top: 0, right: 100, bottom: 100 };

	it("keeps the box corner that clipper2-ts 2.0.1's rectClip drops", () => {
		// By hand: the edge cuts the box's side y = 100 at x = 38.9 and x = 0 at y = 82.5, taking a
		// triangle of 340.3 from the corner (0, 100); the rest, 9,659.7, is inside the ring.
		const exact = 10_000 - (38.89 * 17.5) / 2;
		// The library's rectangle clip loses the corner (100, 100): this documents why box-clip.ts exists.
		expect(Math.abs(Clipper.areaPaths(Clipper.rectClip(rect, [ring])))).toBeLessThan(exact - 1000);
		const ours = clipRingsToBox([flat(ring)], { minX: 0, minY: 0, maxX: 100, maxY: 100 });
		// Within the rounding of the two cut points to whole units.
		expect(Math.abs(Math.abs(Clipper.areaPaths(ours)) - exact)).toBeLessThan(30);
	});

	it('gives the same area as a full clip inside the box, for random rings and boxes', () => {
		const random = mulberry32(7);
		for (let i = 0; i < 200; i++) {
			const count = 5 + Math.floor(random() * 30);
			const points = Array.from({ length: count }, (_, k) => {
				const angle = (2 * Math.PI * (k + random())) / count;
				const r = 200_000 + 800_000 * random();
				return { x: Math.round(r * Math.cos(angle)), y: Math.round(r * Math.sin(angle)) };
			});
			const [x, y] = [Math.round(random() * 1.6e6 - 8e5), Math.round(random() * 1.6e6 - 8e5)];
			const box = { minX: x, minY: y, maxX: x + 300_000, maxY: y + 200_000 };
			const boxPath = [square(box.minX, box.minY, box.maxX, box.maxY)];
			const ours = clipRingsToBox([flat(points)], box);
			// Rounding a cut point to whole units moves at most half a unit times the box's size; a
			// lost corner would be thousands of times more.
			const error = Math.abs(areaWithin(ours, boxPath) - areaWithin([points], boxPath));
			expect(error, `ring ${i}`).toBeLessThan(1e-5 * 300_000 * 200_000);
		}
	});

	it('leaves out rings that cannot reach the box, and keeps the box when a ring surrounds it', () => {
		const far = flat(square(1000, 1000, 1100, 1100));
		expect(clipRingsToBox([far], { minX: 0, minY: 0, maxX: 10, maxY: 10 })).toEqual([]);
		const around = clipRingsToBox([flat(square(-50, -50, 50, 50))], {
			minX: 0,
			minY: 0,
			maxX: 10,
			maxY: 10
		});
		expect(Math.abs(Clipper.areaPaths(around))).toBe(100);
	});
});
