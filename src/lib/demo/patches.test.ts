import {
	area,
	booleanPointInPolygon,
	centroid,
	featureCollection,
	intersect,
	kinks
} from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bandFor } from '../domain/bands';
import { estimatePatch, prepareSmallAreas } from '../domain/sizing';
import { bandMargin } from './patches';
import { generatedDemo } from './test-fixture';

const demo = generatedDemo();
const patches = demo.patches.features as Feature<
	Polygon,
	(typeof demo.patches.features)[number]['properties']
>[];
const smallAreas = demo.smallAreas.features as Feature<
	Polygon,
	{ code: string; population: number }
>[];
// A small area's centroid says which patches hold it (the centroid method).
const points = smallAreas.map((f) => centroid(f));
const holders = points.map((p) =>
	patches.filter((patch) => booleanPointInPolygon(p, patch)).map((x) => x.properties.slug)
);
const population = (slug: string) =>
	smallAreas.reduce((s, f, i) => s + (holders[i].includes(slug) ? f.properties.population : 0), 0);

describe('bandMargin', () => {
	it('counts the people a population must gain or lose to change band', () => {
		expect(bandMargin(9000)).toBe(1000);
		expect(bandMargin(7700)).toBe(300);
		expect(bandMargin(8000)).toBe(1);
		expect(bandMargin(15300)).toBe(300);
		expect(bandMargin(12000)).toBe(1);
	});
});

describe('the demo patches', () => {
	it('are 8 active patches with unique slugs, at least one with a Welsh name', () => {
		expect(patches).toHaveLength(8);
		expect(new Set(patches.map((p) => p.properties.slug)).size).toBe(8);
		expect(patches.every((p) => p.properties.status === 'active')).toBe(true);
		expect(patches.some((p) => p.properties.nameCy)).toBe(true);
	});

	it('are each one simple polygon without holes', () => {
		for (const patch of patches) {
			expect(patch.geometry.type).toBe('Polygon');
			expect(patch.geometry.coordinates, patch.properties.slug).toHaveLength(1);
			expect(kinks(patch).features, patch.properties.slug).toHaveLength(0);
		}
	});

	it('are unions of whole small areas, but for the two that meet along a street, which cut some', () => {
		const cut: string[] = [];
		for (const patch of patches) {
			const inside = smallAreas.filter((_, i) => holders[i].includes(patch.properties.slug));
			const sum = inside.reduce((s, f) => s + area(f), 0);
			if (Math.abs(sum - area(patch)) / area(patch) >= 0.0001) cut.push(patch.properties.slug);
		}
		// Fennick Town Centre and Foxley End meet along Long Causeway (./street-boundary.ts).
		expect(cut.sort()).toEqual(['fennick-town-centre', 'foxley-end-and-ffrwd-ddu']);
	});

	it('have a patch in every band, each at least 300 people from a band edge', () => {
		const bands = new Set<string>();
		for (const patch of patches) {
			const people = population(patch.properties.slug);
			bands.add(bandFor(people));
			expect(bandMargin(people), `${patch.properties.slug}: ${people}`).toBeGreaterThanOrEqual(300);
		}
		expect([...bands].sort()).toEqual(['above_usual', 'over', 'small', 'under', 'usual']);
	});

	it('have exactly one overlapping pair, sharing 2 to 4 small areas', () => {
		const overlapping: string[] = [];
		for (let a = 0; a < patches.length; a++) {
			for (let b = a + 1; b < patches.length; b++) {
				const shared = intersect(featureCollection([patches[a], patches[b]]));
				if (shared && area(shared) > 1000) {
					overlapping.push(`${patches[a].properties.slug}+${patches[b].properties.slug}`);
				}
			}
		}
		expect(overlapping).toHaveLength(1);
		const twice = holders.filter((h) => h.length > 1).length;
		expect(twice).toBeGreaterThanOrEqual(2);
		expect(twice).toBeLessThanOrEqual(4);
	});

	it('leave a strip of 1,000 to 10,000 people in no patch', () => {
		const uncovered = smallAreas.reduce(
			(s, f, i) => s + (holders[i].length === 0 ? f.properties.population : 0),
			0
		);
		expect(uncovered).toBeGreaterThanOrEqual(1000);
		expect(uncovered).toBeLessThanOrEqual(10_000);
	});
});

describe('the demo patches by the sizing engine', () => {
	const prepared = prepareSmallAreas(
		demo.smallAreas.features.map((f) => ({
			code: f.properties.code,
			population: f.properties.population,
			geometry: f.geometry as Polygon
		}))
	);
	const estimates = patches.map((f) =>
		estimatePatch(prepared, {
			id: f.properties.slug,
			name: f.properties.name,
			geometry: f.geometry
		})
	);

	it('has a patch boundary along a street, where areal and centroid figures differ', () => {
		const differing = estimates.filter((e) => Math.abs(e.areal - e.centroid) >= 1);
		// The two patches that meet along the street; the other six follow small-area edges only.
		expect(differing.map((e) => e.id).sort()).toEqual([
			'fennick-town-centre',
			'foxley-end-and-ffrwd-ddu'
		]);
		// The street is on the basemap, as a road, and both its ends are corners of the patches.
		const road = demo.basemap.split('\n').find((line) => line.includes('"name":"Long Causeway"'));
		expect(road).toBeDefined();
		const [from, to] = (JSON.parse(road!.replace(/,$/, '')) as Feature<GeoJSON.LineString>).geometry
			.coordinates;
		const cornerOf = (p: number[]) =>
			differing.every((e) =>
				patches
					.find((f) => f.properties.slug === e.id)!
					.geometry.coordinates[0].some(([x, y]) => x === p[0] && y === p[1])
			);
		expect(cornerOf(from) && cornerOf(to)).toBe(true);
	});

	it('keeps every patch in the same band by both methods, at least 300 people from its edge', () => {
		for (const e of estimates) {
			expect(bandFor(e.areal), e.id as string).toBe(bandFor(e.centroid));
			expect(bandMargin(Math.round(e.areal)), e.id as string).toBeGreaterThanOrEqual(300);
		}
	});
});
