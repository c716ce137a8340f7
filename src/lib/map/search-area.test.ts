import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { contrastRatio } from './contrast';
import { DEMO_BASE_COLOURS } from './basemap';
import {
	circleRing,
	SEARCH_AREA_COLOUR,
	SEARCH_AREA_LAYERS,
	searchAreaFeatures
} from './search-area';
import { buildOfflineStyle, buildOverlay, LAYER_IDS } from './style';
import { northfield, places } from './test-fixtures';

const ids = (layers: LayerSpecification[]) => layers.map((l) => l.id);

/** Great-circle distance in metres (haversine), independent of circleRing's own formula. */
function metresBetween([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
	const rad = Math.PI / 180;
	const a =
		Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
		Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
	return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

describe('circleRing', () => {
	it('is a closed ring whose every point is the radius away from the centre', () => {
		const centre: [number, number] = [-2.95, 53.05];
		const ring = circleRing(centre, 2000);
		expect(ring[0]).toEqual(ring.at(-1));
		for (const point of ring) expect(metresBetween(centre, point)).toBeCloseTo(2000, -1);
	});
});

describe('search area on the map', () => {
	const area = { centre: [-2.95, 53.05] as [number, number], radiusMetres: 1500 };

	it('draws the circle and the centre under the points', () => {
		const overlay = buildOverlay(northfield, places, { cluster: true, searchArea: area });
		const layerIds = ids(overlay.layers);
		expect(layerIds.indexOf(SEARCH_AREA_LAYERS.ring)).toBeLessThan(
			layerIds.indexOf(LAYER_IDS.points)
		);
		expect(layerIds).toContain(SEARCH_AREA_LAYERS.centre);
		expect(validateStyleMin(buildOfflineStyle(overlay))).toEqual([]);
		const parts = searchAreaFeatures(area).features.map((f) => f.properties?.part);
		expect(parts).toEqual(['area', 'centre']);
	});

	it('keeps empty layers for a later search, and none when not asked', () => {
		expect(searchAreaFeatures(null).features).toEqual([]);
		expect(ids(buildOverlay(northfield, places, { searchArea: null }).layers)).toContain(
			SEARCH_AREA_LAYERS.ring
		);
		expect(ids(buildOverlay(northfield, places).layers)).not.toContain(SEARCH_AREA_LAYERS.ring);
	});

	it('stands out (3:1) from the demo basemap and the plain background', () => {
		for (const colour of [DEMO_BASE_COLOURS.land, DEMO_BASE_COLOURS.park, '#f8f8f6']) {
			expect(contrastRatio(SEARCH_AREA_COLOUR, colour)).toBeGreaterThanOrEqual(3);
		}
	});
});
