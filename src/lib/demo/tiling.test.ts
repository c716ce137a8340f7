import { area, featureCollection, intersect, kinks, union } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generatedDemo } from './test-fixture';

const demo = generatedDemo();
const smallAreas = demo.smallAreas.features as Feature<
	Polygon,
	{ code: string; population: number }
>[];
const borough: Feature<Polygon> = {
	type: 'Feature',
	properties: {},
	geometry: demo.programme.boundary as Polygon
};

describe('small areas', () => {
	it('hold 80,000 to 100,000 people in 250 or more areas of 100 to 650 people', () => {
		const people = smallAreas.reduce((s, f) => s + f.properties.population, 0);
		expect(people).toBeGreaterThanOrEqual(80_000);
		expect(people).toBeLessThanOrEqual(100_000);
		expect(smallAreas.length).toBeGreaterThanOrEqual(250);
		for (const f of smallAreas) {
			expect(f.properties.population, f.properties.code).toBeGreaterThanOrEqual(100);
			expect(f.properties.population, f.properties.code).toBeLessThanOrEqual(650);
		}
	});

	it('have unique codes in the fictional FV series', () => {
		const codes = smallAreas.map((f) => f.properties.code);
		expect(new Set(codes).size).toBe(codes.length);
		for (const code of codes) expect(code).toMatch(/^FV\d{6}$/);
	});

	it('are valid polygons of believable Output Area sizes (0.01 to 3 km²), smaller in town', () => {
		const sizes = smallAreas.map((f) => area(f) / 1e6);
		for (const f of smallAreas) {
			expect(f.geometry.coordinates, f.properties.code).toHaveLength(1);
			expect(kinks(f).features, f.properties.code).toHaveLength(0);
		}
		expect(Math.min(...sizes)).toBeGreaterThan(0.01);
		expect(Math.max(...sizes)).toBeLessThan(3);
		expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(10);
	});

	it('add up to the area of the borough within 0.01%', () => {
		const sum = smallAreas.reduce((s, f) => s + area(f), 0);
		expect(Math.abs(sum - area(borough)) / area(borough)).toBeLessThan(0.0001);
	});

	it('tile the borough with no gaps: their union is one ring with the borough’s area', () => {
		const merged = union(featureCollection(smallAreas));
		expect(merged?.geometry.type).toBe('Polygon');
		expect((merged?.geometry as Polygon).coordinates).toHaveLength(1);
		expect(Math.abs(area(merged!) - area(borough)) / area(borough)).toBeLessThan(0.0001);
	});

	it('do not overlap: no two areas that share a vertex share any area', () => {
		const byVertex = new Map<string, number[]>();
		smallAreas.forEach((f, i) => {
			for (const p of f.geometry.coordinates[0].slice(0, -1)) {
				const key = p.join(',');
				byVertex.set(key, [...(byVertex.get(key) ?? []), i]);
			}
		});
		const pairs = new Set<string>();
		for (const ids of byVertex.values()) {
			for (const a of ids) for (const b of ids) if (a < b) pairs.add(`${a},${b}`);
		}
		expect(pairs.size).toBeGreaterThan(smallAreas.length);
		let largest = 0;
		for (const pair of pairs) {
			const [a, b] = pair.split(',').map(Number);
			const shared = intersect(featureCollection([smallAreas[a], smallAreas[b]]));
			if (shared) largest = Math.max(largest, area(shared));
		}
		expect(largest).toBeLessThan(1);
	});
});
