import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '$lib/domain/bands';
import type { BoundingBox } from '$lib/domain/geometry';
import type { SmallAreaInput } from '$lib/domain/sizing/types';
import { estimate } from '$lib/components/sizing/test-estimates';
import {
	boxContains,
	boxOf,
	expandBox,
	LiveEstimator,
	type SmallAreasResponse
} from './live-estimator';

const square = (x: number, y: number, size = 1) => ({
	type: 'Polygon' as const,
	coordinates: [
		[
			[x, y],
			[x + size, y],
			[x + size, y + size],
			[x, y + size],
			[x, y]
		]
	]
});

const area = (code: string, population: number): SmallAreaInput => ({
	code,
	population,
	geometry: square(0, 0)
});

/** An engine that counts what it is asked to do and sums every prepared small area. */
function fakeEngine() {
	return {
		prepareSmallAreas: vi.fn((areas: SmallAreaInput[]) => areas),
		estimatePatch: vi.fn(
			(
				prepared: SmallAreaInput[],
				patch: { id: number | string; name: string },
				options: { method: string; withShares?: boolean }
			) =>
				estimate({
					id: patch.id,
					name: patch.name,
					method: options.method === 'centroid' ? 'centroid' : 'areal',
					areal: prepared.reduce((sum, a) => sum + a.population, 0)
				})
		)
	};
}

describe('boxes', () => {
	it('finds the box of a multipolygon', () => {
		expect(
			boxOf({
				type: 'MultiPolygon',
				coordinates: [square(0, 0).coordinates, square(3, -2).coordinates]
			})
		).toEqual({ minLon: 0, minLat: -2, maxLon: 4, maxLat: 1 });
	});

	it('grows a box by half, a quarter each side, never past the poles', () => {
		expect(expandBox({ minLon: 0, minLat: 0, maxLon: 2, maxLat: 1 })).toEqual({
			minLon: -0.5,
			minLat: -0.25,
			maxLon: 2.5,
			maxLat: 1.25
		});
		expect(expandBox({ minLon: 0, minLat: 80, maxLon: 1, maxLat: 90 }).maxLat).toBe(90);
	});

	it('knows when one box holds another', () => {
		const outer = { minLon: 0, minLat: 0, maxLon: 10, maxLat: 10 };
		expect(boxContains(outer, boxOf(square(1, 1)))).toBe(true);
		expect(boxContains(outer, boxOf(square(9.5, 1)))).toBe(false);
	});
});

describe('LiveEstimator', () => {
	const options = (fetchSmallAreas: (box: BoundingBox | null) => Promise<SmallAreasResponse>) => {
		const engine = fakeEngine();
		const estimator = new LiveEstimator({
			engine,
			fetchSmallAreas,
			limits: DEFAULT_LIMITS,
			patch: { id: 4, name: 'Fennick' }
		});
		return { engine, estimator };
	};

	it('estimates nothing before small areas arrive, or with nothing drawn', async () => {
		const { estimator } = options(async () => ({ complete: true, box: null, smallAreas: [] }));
		expect(estimator.estimate(square(0, 0))).toBeNull();
		await estimator.load(null);
		expect(estimator.estimate(null)).toBeNull();
	});

	it('fetches and prepares once for a small programme, then estimates every shape', async () => {
		const fetch = vi.fn(async () => ({
			complete: true,
			box: null,
			smallAreas: [area('A', 5000), area('B', 6001)]
		}));
		const { engine, estimator } = options(fetch);
		expect(await estimator.load(square(0, 0))).toBe(true);
		expect(await estimator.load(square(50, 50))).toBe(false);
		expect(fetch).toHaveBeenCalledTimes(1);
		expect(engine.prepareSmallAreas).toHaveBeenCalledTimes(1);
		const result = estimator.estimate(square(50, 50));
		expect(result).toMatchObject({ id: 4, name: 'Fennick', areal: 11_001, band: 'usual' });
		expect(engine.estimatePatch.mock.calls[0][2]).toMatchObject({
			method: 'areal',
			withShares: false
		});
	});

	it('fetches the area round a shape, and again when the shape leaves it', async () => {
		const boxes: (BoundingBox | null)[] = [];
		const { estimator } = options(async (box) => {
			boxes.push(box);
			return { complete: false, box, smallAreas: [area(`A${boxes.length}`, 100)] };
		});
		await estimator.load(square(0, 0, 2));
		expect(boxes[0]).toEqual({ minLon: -0.5, minLat: -0.5, maxLon: 2.5, maxLat: 2.5 });
		expect(estimator.covers(square(0.2, 0.2, 2))).toBe(true);
		expect(await estimator.load(square(0.2, 0.2, 2))).toBe(false);
		expect(estimator.covers(square(1, 1, 2))).toBe(false);
		expect(await estimator.load(square(1, 1, 2))).toBe(true);
		expect(boxes).toHaveLength(2);
		expect(estimator.smallAreas.map((a) => a.code)).toEqual(['A2']);
	});

	it('shares one request between changes that arrive while it is on its way', async () => {
		let answer: (value: SmallAreasResponse) => void = () => {};
		const fetch = vi.fn(() => new Promise<SmallAreasResponse>((resolve) => (answer = resolve)));
		const { engine, estimator } = options(fetch);
		const first = estimator.load(square(0, 0));
		const second = estimator.load(square(0, 0));
		answer({ complete: true, box: null, smallAreas: [] });
		await Promise.all([first, second]);
		expect(fetch).toHaveBeenCalledTimes(1);
		expect(engine.prepareSmallAreas).toHaveBeenCalledTimes(1);
	});
});

describe('LiveEstimator with the real engine', () => {
	it('counts a small area half inside the shape as half its people by areal weighting', async () => {
		const engine = await import('$lib/domain/sizing');
		const smallAreas: SmallAreaInput[] = [
			{ code: 'W', population: 6000, geometry: square(-2.96, 53.09, 0.01) },
			{ code: 'E', population: 8000, geometry: square(-2.95, 53.09, 0.01) }
		];
		const estimator = new LiveEstimator({
			engine,
			fetchSmallAreas: async () => ({ complete: true, box: null, smallAreas }),
			limits: DEFAULT_LIMITS,
			patch: { id: 'new', name: 'New patch' }
		});
		// All of W and the western half of E.
		const shape = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[-2.96, 53.09],
					[-2.945, 53.09],
					[-2.945, 53.1],
					[-2.96, 53.1],
					[-2.96, 53.09]
				]
			]
		};
		await estimator.load(shape);
		const result = estimator.estimate(shape);
		expect(result?.areal).toBeCloseTo(10_000, -1);
		expect(result?.band).toBe('usual');
		expect(result?.guidance.message).toBe('Within the usual size');
	});
});
