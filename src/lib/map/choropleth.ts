/**
 * The gap choropleth's classes, colours and MapLibre style: each small area coloured by the
 * straight-line distance from its representative point to the nearest entry of one category, against
 * the threshold. Plain data, so it is tested without a browser; the key says every class in words.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { BACKGROUND_COLOUR, AREA_OUTLINE_COLOUR, SMALL_AREA_OUTLINE_COLOUR } from './style';

export const GAP_CLASSES = ['within', 'beyond', 'far', 'none'] as const;
export type GapClass = (typeof GAP_CLASSES)[number];

/** Sequential light-to-dark (ColorBrewer RdBu ends), readable by people with colour-blindness. */
export const GAP_COLOURS: Record<GapClass, string> = {
	within: '#d1e5f0',
	beyond: '#f4a582',
	far: '#b2182b',
	none: '#505a5f'
};

/** The class of a distance: within the threshold, up to twice it, farther, or no entry at all. */
export function gapClass(metres: number | null, thresholdMetres: number): GapClass {
	if (metres === null || !Number.isFinite(metres)) return 'none';
	if (metres <= thresholdMetres) return 'within';
	return metres <= 2 * thresholdMetres ? 'beyond' : 'far';
}

/** The key's words for each class. */
export function gapClassLabels(thresholdMetres: number): Record<GapClass, string> {
	const m = (value: number) => `${value.toLocaleString('en-GB')} m`;
	return {
		within: `Within ${m(thresholdMetres)}`,
		beyond: `${m(thresholdMetres)} to ${m(2 * thresholdMetres)}`,
		far: `Over ${m(2 * thresholdMetres)}`,
		none: 'No entry in this category'
	};
}

export interface ChoroplethSources {
	/** Small areas, each with a `gap_class` property. */
	areas: GeoJSON.FeatureCollection;
	/** Patch boundaries, outlined on top. */
	patches: GeoJSON.FeatureCollection;
}

/** An offline style: plain background, small areas filled by class, patches outlined. */
export function choroplethStyle({ areas, patches }: ChoroplethSources): StyleSpecification {
	return {
		version: 8,
		name: 'Patchwork gaps',
		sources: {
			'gap-areas': { type: 'geojson', data: areas },
			'gap-patches': { type: 'geojson', data: patches }
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } },
			{
				id: 'gap-area-fill',
				type: 'fill',
				source: 'gap-areas',
				paint: {
					'fill-color': [
						'match',
						['get', 'gap_class'],
						'within',
						GAP_COLOURS.within,
						'beyond',
						GAP_COLOURS.beyond,
						'far',
						GAP_COLOURS.far,
						GAP_COLOURS.none
					],
					'fill-opacity': 0.8
				}
			},
			{
				id: 'gap-area-line',
				type: 'line',
				source: 'gap-areas',
				paint: { 'line-color': SMALL_AREA_OUTLINE_COLOUR, 'line-width': 0.3 }
			},
			{
				id: 'gap-patch-line',
				type: 'line',
				source: 'gap-patches',
				paint: { 'line-color': AREA_OUTLINE_COLOUR, 'line-width': 2.5 }
			}
		]
	};
}

/** Adds each small area's class for one category to a copy of the download's features. */
export function classifyAreas(
	collection: GeoJSON.FeatureCollection,
	categoryId: string,
	thresholdMetres: number
): GeoJSON.FeatureCollection {
	return {
		...collection,
		features: collection.features.map((feature) => {
			const metres = feature.properties?.[`nearest_${categoryId}_m`];
			return {
				...feature,
				properties: {
					...feature.properties,
					gap_class: gapClass(typeof metres === 'number' ? metres : null, thresholdMetres)
				}
			};
		})
	};
}
