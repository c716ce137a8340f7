import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { OSM_ATTRIBUTION } from './basemap';
import { LEFT_OUT, pmtilesBaseStyle, PROTOMAPS_SOURCE } from './protomaps';
import { buildOverlay, LAYER_IDS, mergeOverlay } from './style';
import { northfield, places } from './test-fixtures';

const url = 'https://patchwork.example.org/basemap/tiles.pmtiles';

describe('pmtilesBaseStyle', () => {
	const style = pmtilesBaseStyle(url, 'en');

	it('is a valid style reading the PMTiles file through the pmtiles protocol', () => {
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.sources[PROTOMAPS_SOURCE]).toEqual({
			type: 'vector',
			url: `pmtiles://${url}`,
			attribution: OSM_ATTRIBUTION
		});
	});

	it('credits OpenStreetMap', () => {
		expect(OSM_ATTRIBUTION).toContain('OpenStreetMap contributors');
		expect(OSM_ATTRIBUTION).toContain('https://www.openstreetmap.org/copyright');
	});

	it('needs no sprite or glyph server: no icons, but town and street names are kept', () => {
		expect(style.sprite).toBeUndefined();
		expect(style.glyphs).toBeUndefined();
		expect(JSON.stringify(style.layers)).not.toContain('icon-');
		const ids = style.layers.map((l) => l.id);
		for (const id of LEFT_OUT) expect(ids).not.toContain(id);
		expect(ids).toContain('places_locality');
		expect(ids).toContain('roads_labels_minor');
	});

	it('writes names in Welsh on a Welsh page where the data has them', () => {
		expect(JSON.stringify(pmtilesBaseStyle(url, 'cy').layers)).toContain('name:cy');
	});

	it('goes under the areas and points', () => {
		const merged = mergeOverlay(style, buildOverlay(northfield, places));
		expect(validateStyleMin(merged)).toEqual([]);
		expect(merged.layers.at(-1)?.id).toBe(LAYER_IDS.points);
	});
});
