import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { contrastRatio } from './contrast';
import {
	DEMO_ATTRIBUTION,
	DEMO_BASE_COLOURS,
	DEMO_BASE_LAYERS,
	DEMO_BASE_SOURCE,
	demoBaseStyle
} from './basemap';
import { buildOverlay, KIND_COLOURS, LAYER_IDS, mergeOverlay } from './style';
import { northfield, places } from './test-fixtures';

const style = demoBaseStyle('/basemap/features.geojson');

describe('demoBaseStyle', () => {
	it('is a valid MapLibre style reading the GeoJSON this site serves, credited as invented', () => {
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.sources[DEMO_BASE_SOURCE]).toEqual({
			type: 'geojson',
			data: '/basemap/features.geojson',
			attribution: DEMO_ATTRIBUTION
		});
	});

	it('needs nothing from the internet: no glyphs, no sprite, no icons, no address elsewhere', () => {
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		const text = JSON.stringify(style);
		expect(text).not.toContain('icon-image');
		expect(text).not.toMatch(/https?:/);
	});

	it('draws every kind of feature the demo basemap holds', () => {
		const drawn = JSON.stringify(style.layers.map((l) => ('filter' in l ? l.filter : null)));
		for (const layer of DEMO_BASE_LAYERS) expect(drawn).toContain(`"${layer}"`);
	});

	it('goes under the areas and points, which stay on top', () => {
		const merged = mergeOverlay(style, buildOverlay(northfield, places, { cluster: true }));
		expect(validateStyleMin(merged)).toEqual([]);
		expect(merged.layers[0].id).toBe('pw-base-land');
		const ids = merged.layers.map((l) => l.id);
		expect(ids.indexOf(LAYER_IDS.areaFill)).toBeGreaterThan(ids.indexOf('pw-base-place-name'));
		expect(ids.at(-1)).toBe(LAYER_IDS.clusterCount);
	});
});

describe('demo basemap colours (muted, so points stand out)', () => {
	const c = DEMO_BASE_COLOURS;
	for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
		it(`${kind} points keep 3:1 against land, parks, water, streets and roads`, () => {
			for (const under of [c.land, c.park, c.water, c.river, c.street, c.road]) {
				expect(contrastRatio(colour, under), `${colour} on ${under}`).toBeGreaterThanOrEqual(3);
			}
		});
	}

	it('labels keep 4.5:1 against the land and their white halo', () => {
		for (const text of [c.placeText, c.parkText, c.waterText, c.roadText]) {
			for (const under of [c.land, c.halo, c.park]) {
				expect(contrastRatio(text, under), `${text} on ${under}`).toBeGreaterThanOrEqual(4.5);
			}
		}
	});
});
