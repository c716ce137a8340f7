import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generatedDemo } from './test-fixture';

const demo = generatedDemo();
const borough: Feature<Polygon> = {
	type: 'Feature',
	properties: {},
	geometry: demo.programme.boundary as Polygon
};

describe('postcodes.csv', () => {
	it('has the ONS pcds,lat,long header and unique postcodes in the fictional FV area', () => {
		expect(demo.files.postcodes.startsWith('pcds,lat,long\n')).toBe(true);
		const codes = demo.postcodes.map((r) => r.pcds);
		expect(new Set(codes).size).toBe(codes.length);
		for (const code of codes) expect(code).toMatch(/^FV\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$/);
	});

	it('has every postcode an asset uses, at least one per small area, all inside the borough', () => {
		const codes = new Set(demo.postcodes.map((r) => r.pcds));
		for (const asset of demo.assets)
			if (asset.postcode) expect(codes.has(asset.postcode), asset.postcode).toBe(true);
		expect(codes.size).toBeGreaterThanOrEqual(demo.smallAreas.features.length);
		for (const row of demo.postcodes) {
			expect(booleanPointInPolygon(point([row.long, row.lat]), borough), row.pcds).toBe(true);
		}
	});

	it('places a venue’s postcode at the venue', () => {
		const rows = new Map(demo.postcodes.map((r) => [r.pcds, r]));
		for (const venue of demo.assets.filter((a) => a.kind === 'venue')) {
			const row = rows.get(venue.postcode!);
			expect([row?.long, row?.lat]).toEqual(venue.point);
		}
	});
});
