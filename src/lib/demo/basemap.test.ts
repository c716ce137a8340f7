import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, LineString, Point, Polygon } from 'geojson';
import { DEMO_BASE_LAYERS } from '$lib/map/basemap';
import type { DemoBasemap } from './basemap';
import { TOWN_NAMES } from './names';
import { generatedDemo } from './test-fixture';

const demo = generatedDemo();
const basemap = JSON.parse(demo.basemap) as DemoBasemap;
const ofLayer = <G extends Feature['geometry']>(layer: string) =>
	basemap.features.filter((f) => f.properties.layer === layer) as unknown as Feature<
		G,
		{ name?: string; rank?: number }
	>[];
const boundary = {
	type: 'Feature',
	properties: {},
	geometry: demo.programme.boundary
} as Feature<Polygon>;

describe('the demo basemap (data/demo/basemap.geojson)', () => {
	it('matches the committed file (run `npm run generate:demo` after changing the generator)', () => {
		const committed = readFileSync(
			new URL('../../../data/demo/basemap.geojson', import.meta.url),
			'utf8'
		);
		expect(committed === demo.basemap, 'data/demo/basemap.geojson is out of date').toBe(true);
	});

	it('is small (well under 1 MB) and every coordinate has at most 6 decimals', () => {
		expect(Buffer.byteLength(demo.basemap)).toBeLessThan(250_000);
		const decimals = demo.basemap.match(/-?\d+\.\d+/g)?.map((n) => n.split('.')[1].length);
		expect(Math.max(...(decimals ?? [99]))).toBeLessThanOrEqual(6);
	});

	it('holds only what the map style draws, with a street network and a river', () => {
		const layers = new Set(basemap.features.map((f) => f.properties.layer));
		expect([...layers].every((l) => (DEMO_BASE_LAYERS as readonly string[]).includes(l))).toBe(
			true
		);
		expect(layers).toEqual(new Set(DEMO_BASE_LAYERS));
		const streets = ofLayer('street')[0].geometry;
		expect(streets.type === 'MultiLineString' && streets.coordinates.length).toBeGreaterThan(300);
		expect(ofLayer<LineString>('river')[0].properties.name).toBe('River Fenn');
	});

	it('names each town inside the borough, and each neighbourhood the patches are named after', () => {
		const places = ofLayer<Point>('place');
		for (const town of TOWN_NAMES) {
			const label = places.find((p) => p.properties.name === town.name);
			expect(label?.properties.rank, town.name).toBe(1);
			expect(booleanPointInPolygon(label!.geometry.coordinates, boundary), town.name).toBe(true);
		}
		const names = places.map((p) => p.properties.name ?? '');
		for (const patch of demo.patches.features) {
			expect(
				names.some((name) => patch.properties.name.includes(name)),
				patch.properties.name
			).toBe(true);
		}
	});

	it('joins the towns by main roads that start and end at the towns', () => {
		const roads = ofLayer<LineString>('road');
		expect(roads.map((r) => r.properties.name)).toContain('Aldermoor Road');
		const [straight, main] = [
			roads.filter((r) => r.properties.name === 'Long Causeway'),
			roads.filter((r) => r.properties.name !== 'Long Causeway')
		];
		for (const road of main) expect(road.geometry.coordinates.length).toBeGreaterThan(3);
		// The street two patches meet along (../street-boundary.ts): straight, not along area edges.
		expect(straight.map((r) => r.geometry.coordinates.length)).toEqual([2]);
	});

	it('puts no place with a point inside a park or the mill pond', () => {
		const open = [...ofLayer<Polygon>('park'), ...ofLayer<Polygon>('water')];
		const places = demo.assets.filter((a) => a.point !== undefined);
		expect(places.length).toBeGreaterThan(10);
		for (const place of places) {
			const inside = open.find((p) => booleanPointInPolygon(place.point!, p));
			expect(inside?.properties.name, place.name).toBeUndefined();
		}
	});
});
