import { describe, expect, it } from 'vitest';
import { DEMO_BASE_COLOURS, DEMO_BASE_LAYERS } from './basemap';
import { leafletBaseStyle } from './leaflet-basemap';

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
