import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../demo/random';
import { windingNumbers } from './batch-winding';
import { preparePatch, pointInPatch } from './patch';
import { prepareSmallAreas } from './prepare';
import { gridAreas, gridPatch } from './test/grid';

describe('windingNumbers', () => {
	it('agrees with pointInPatch, points on edges and corners included', () => {
		const prepared = prepareSmallAreas(gridAreas(1, 1));
		const random = mulberry32(3);
		for (let trial = 0; trial < 50; trial++) {
			const count = 4 + Math.floor(random() * 12);
			// Star-ish rings (some crossing themselves) on a coarse lattice, so points land on edges.
			const ring = Array.from({ length: count }, (_, k) => {
				const angle = (2 * Math.PI * (k + 2 * random())) / count;
				const r = 0.002 + 0.006 * random();
				return [
					-2.325 + Math.round(r * Math.cos(angle) * 2000) / 2000,
					53.443 + Math.round(r * Math.sin(angle) * 2000) / 2000
				];
			});
			const patch = preparePatch(
				prepared,
				gridPatch(1, 'Random', { type: 'Polygon', coordinates: [[...ring, ring[0]]] })
			);
			const points: [number, number][] = [];
			for (let i = 0; i < 200; i++) {
				const corner = patch.shape.rings[0];
				const k = 2 * Math.floor(random() * (corner.length / 2));
				points.push(
					i % 4 === 0
						? [corner[k], corner[k + 1]]
						: [
								Math.round(patch.shape.minX + random() * (patch.shape.maxX - patch.shape.minX)),
								Math.round(patch.shape.minY + random() * (patch.shape.maxY - patch.shape.minY))
							]
				);
			}
			const xs = Float64Array.from(points, (p) => p[0]);
			const ys = Float64Array.from(points, (p) => p[1]);
			const winding = windingNumbers(patch.shape.rings, xs, ys, points.length);
			points.forEach(([x, y], i) => {
				expect(winding[i] !== 0, `trial ${trial}, point ${i}`).toBe(pointInPatch(patch, x, y));
			});
		}
	});
});
