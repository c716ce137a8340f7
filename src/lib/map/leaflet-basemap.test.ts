import { describe, expect, it } from 'vitest';
import { DEMO_BASE_COLOURS, DEMO_BASE_LAYERS } from './basemap';
import { leafletBase, leafletBaseStyle } from './leaflet-basemap';

describe('leafletBase', () => {
	const pmtiles = { kind: 'pmtiles', url: '/basemap/tiles.pmtiles' } as const;
	const geojson = { kind: 'geojson', url: '/basemap/features.geojson' } as const;

	it("draws a council's PMTiles file, the same one the MapLibre maps draw", () => {
		expect(leafletBase(pmtiles)).toEqual({ kind: 'pmtiles', url: '/basemap/tiles.pmtiles' });
	});

	it("draws the demo's GeoJSON basemap", () => {
		expect(leafletBase(geojson)).toEqual({ kind: 'geojson', url: '/basemap/features.geojson' });
	});

	it('prefers raster tiles when a tile URL is set, with their credit', () => {
		expect(leafletBase(pmtiles, 'https://tiles.example.org/{z}/{x}/{y}.png', '© Example')).toEqual({
			kind: 'tiles',
			url: 'https://tiles.example.org/{z}/{x}/{y}.png',
			attribution: '© Example'
		});
	});

	it('keeps the plain background for a MapLibre style from elsewhere, or no basemap', () => {
		expect(leafletBase({ kind: 'style', url: 'https://example.org/style.json' })).toBeNull();
		expect(leafletBase(null)).toBeNull();
		expect(leafletBase(null, '')).toBeNull();
	});
});

describe('leafletBaseStyle', () => {
	it('draws every shape of the demo basemap in the same colours as MapLibre does', () => {
		for (const layer of DEMO_BASE_LAYERS.filter((l) => l !== 'place')) {
			expect(leafletBaseStyle(layer, 1), layer).not.toBeNull();
		}
		expect(leafletBaseStyle('park', 1)?.fillColor).toBe(DEMO_BASE_COLOURS.park);
		expect(leafletBaseStyle('road', 1)?.color).toBe(DEMO_BASE_COLOURS.road);
	});

	it('cases streets and roads with a wider edge drawn first', () => {
		for (const layer of ['lane', 'street', 'road']) {
			const edge = leafletBaseStyle(layer, 0);
			const line = leafletBaseStyle(layer, 1);
			expect(edge?.weight).toBeGreaterThan(line?.weight ?? Infinity);
		}
		expect(leafletBaseStyle('park', 0)).toBeNull();
	});

	it('leaves place names to text labels', () => {
		expect(leafletBaseStyle('place', 1)).toBeNull();
	});
});
