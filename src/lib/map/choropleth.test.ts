import { describe, expect, it } from 'vitest';
import { choroplethStyle, classifyAreas, gapClass, gapClassLabels } from './choropleth';

describe('gap choropleth', () => {
	it('classes distances against the threshold, and no entry apart from any distance', () => {
		expect(gapClass(0, 800)).toBe('within');
		expect(gapClass(800, 800)).toBe('within');
		expect(gapClass(801, 800)).toBe('beyond');
		expect(gapClass(1600, 800)).toBe('beyond');
		expect(gapClass(1601, 800)).toBe('far');
		expect(gapClass(null, 800)).toBe('none');
		expect(gapClass(Infinity, 800)).toBe('none');
	});

	it('says each class in words', () => {
		expect(gapClassLabels(800)).toEqual({
			within: 'Within 800 m',
			beyond: '800 m to 1,600 m',
			far: 'Over 1,600 m',
			none: 'No entry in this category'
		});
	});

	it('classifies the download features for one category without changing them', () => {
		const areas: GeoJSON.FeatureCollection = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					geometry: null as never,
					properties: { code: 'A', nearest_food_m: 900 }
				},
				{
					type: 'Feature',
					geometry: null as never,
					properties: { code: 'B', nearest_food_m: null }
				}
			]
		};
		const classed = classifyAreas(areas, 'food', 800);
		expect(classed.features.map((f) => f.properties!.gap_class)).toEqual(['beyond', 'none']);
		expect(areas.features[0].properties).not.toHaveProperty('gap_class');
	});

	it('needs nothing from the network', () => {
		const style = choroplethStyle({
			areas: { type: 'FeatureCollection', features: [] },
			patches: { type: 'FeatureCollection', features: [] }
		});
		expect(style.glyphs).toBeUndefined();
		expect(style.layers.map((l) => l.id)).toEqual([
			'background',
			'gap-area-fill',
			'gap-area-line',
			'gap-patch-line'
		]);
	});
});
