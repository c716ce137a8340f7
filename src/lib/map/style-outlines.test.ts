import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { blend, contrastRatio } from './contrast';
import {
	BACKGROUND_COLOUR,
	BAND_COLOURS,
	BAND_FILL_OPACITY,
	buildOfflineStyle,
	buildOverlay,
	LAYER_IDS,
	SMALL_AREA_OUTLINE_COLOUR,
	SOURCE_IDS
} from './style';
import { northfield, places } from './test-fixtures';
import { emptyCollection } from './geojson';

const ids = (layers: LayerSpecification[]) => layers.map((l) => l.id);

describe('small-area outlines (the patch-sizing map)', () => {
	const smallAreas = northfield;
	const style = buildOfflineStyle(
		buildOverlay(northfield, emptyCollection(), { outlines: smallAreas })
	);

	it('is still a valid offline style', () => {
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.sources[SOURCE_IDS.outlines]).toEqual({ type: 'geojson', data: smallAreas });
	});

	it('draws them as lines over the band colours and under the patch outlines', () => {
		expect(ids(style.layers)).toEqual([
			LAYER_IDS.background,
			LAYER_IDS.areaFill,
			LAYER_IDS.outlines,
			LAYER_IDS.areaOutline,
			LAYER_IDS.points
		]);
		const layer = style.layers.find((l) => l.id === LAYER_IDS.outlines);
		expect(layer).toMatchObject({ type: 'line', source: SOURCE_IDS.outlines });
	});

	it('adds nothing when there are none', () => {
		const overlay = buildOverlay(northfield, places);
		expect(ids(overlay.layers)).not.toContain(LAYER_IDS.outlines);
		expect(Object.keys(overlay.sources)).not.toContain(SOURCE_IDS.outlines);
	});

	it('can be seen (3:1) on the background and on every band colour', () => {
		expect(contrastRatio(SMALL_AREA_OUTLINE_COLOUR, BACKGROUND_COLOUR)).toBeGreaterThanOrEqual(3);
		for (const colour of Object.values(BAND_COLOURS)) {
			const inside = blend(colour, BACKGROUND_COLOUR, BAND_FILL_OPACITY);
			expect(contrastRatio(SMALL_AREA_OUTLINE_COLOUR, inside)).toBeGreaterThanOrEqual(3);
		}
	});
});
