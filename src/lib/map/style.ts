/**
 * The map's style: an offline base (a plain background, no remote sources) and the overlay of areas
 * and points, which also goes on top of a configured basemap.
 */
import type {
	ExpressionSpecification,
	LayerSpecification,
	SourceSpecification,
	StyleSpecification
} from 'maplibre-gl';
import type { AssetKind } from '$lib/domain/vocabulary';
import {
	SEARCH_AREA_SOURCE,
	searchAreaLayers,
	searchAreaSource,
	type SearchArea
} from './search-area';
import { AREA_BANDS, type AreaBand, type AreaCollection, type PointCollection } from './types';

export const BACKGROUND_COLOUR = '#f8f8f6';

/**
 * Okabe-Ito colours, safe for the common colour-vision deficiencies. Bluish green is darkened
 * (#009E73 to #007A5A) and black replaces reddish purple, so every kind has 3:1 contrast against the
 * background, the tinted inside of an area and the white ring round each point (WCAG 1.4.11).
 */
export const KIND_COLOURS: Record<AssetKind, string> = {
	group: '#0072B2',
	venue: '#D55E00',
	informal_support: '#007A5A',
	service: '#000000'
};

/** Diverging Okabe-Ito colours: blues below the usual size, green usual, orange and red above. */
export const BAND_COLOURS: Record<AreaBand, string> = {
	under: '#0072B2',
	small: '#56B4E9',
	usual: '#009E73',
	above_usual: '#E69F00',
	over: '#D55E00'
};

export const AREA_FILL_COLOUR = '#1d70b8';
export const AREA_FILL_OPACITY = 0.1;
export const BAND_FILL_OPACITY = 0.35;
export const AREA_OUTLINE_COLOUR = '#003078';
/** Thin grey lines under the patches: census small areas on the patch-sizing map. */
export const SMALL_AREA_OUTLINE_COLOUR = '#505a5f';
export const POINT_STROKE_COLOUR = '#ffffff';
/** Clusters are rings (white inside, dark edge), so they never look like a point of one kind. */
export const CLUSTER_FILL_COLOUR = '#ffffff';
export const CLUSTER_STROKE_COLOUR = '#0b0c0c';

/** Source and layer ids, prefixed so they never clash with a basemap's own. */
export const SOURCE_IDS = {
	areas: 'pw-areas',
	points: 'pw-points',
	outlines: 'pw-outlines'
} as const;
export const LAYER_IDS = {
	background: 'pw-background',
	areaFill: 'pw-area-fill',
	areaOutline: 'pw-area-outline',
	outlines: 'pw-outline-lines',
	clusters: 'pw-clusters',
	points: 'pw-point-circles',
	highlightHalo: 'pw-highlight-halo',
	highlight: 'pw-highlight',
	clusterCount: 'pw-cluster-count'
} as const;

/** Cluster radius in pixels grows with the number of places it stands for. */
export const CLUSTER_RADII = { small: 14, medium: 19, large: 25 } as const;
export const CLUSTER_STEPS = { medium: 10, large: 50 } as const;
/** The number inside each cluster ring, in the ring's dark edge colour on its white inside. */
export const CLUSTER_COUNT_FONT = ['Noto Sans Bold'];
export const POINT_RADIUS = 7;

/**
 * The highlight of a result's point or cluster (the list item under the pointer or focus): drawn
 * bigger, inside a yellow band with a dark edge, like the site's focus outline.
 */
export const HIGHLIGHT_COLOUR = '#ffdd00';
export const HIGHLIGHT_EDGE_COLOUR = '#0b0c0c';
/** How much bigger the highlighted circle is, and how far the yellow band reaches beyond it. */
export const HIGHLIGHT_GROWTH = 3;
export const HIGHLIGHT_BAND = 4;
/** The highlighted circle's own edge: white round a point, dark round a cluster (as unhighlighted). */
const HIGHLIGHT_STROKE = { point: 2, cluster: 4 } as const;

export interface OverlayOptions {
	/** Group nearby points into rings sized by how many they hold. */
	cluster?: boolean;
	/** Shapes drawn as thin lines only, under the areas' outlines (small areas). */
	outlines?: AreaCollection;
	/**
	 * The search's centre and radius, drawn under the points; null draws nothing yet but keeps the
	 * layers (a later search fills them), undefined leaves them out.
	 */
	searchArea?: SearchArea | null;
	/** Add the layers that highlight one point or cluster (see highlight.ts); they start empty. */
	highlight?: boolean;
}

/** The sources and layers Patchwork draws, whatever base they sit on. */
export interface Overlay {
	sources: Record<string, SourceSpecification>;
	layers: LayerSpecification[];
}

/** A `match` from a colour table; the spec's tuple type cannot express a spread of pairs. */
function matchColour(
	input: ExpressionSpecification,
	colours: Record<string, string>,
	fallback: string
): ExpressionSpecification {
	const pairs = Object.entries(colours).flat();
	return ['match', input, ...pairs, fallback] as unknown as ExpressionSpecification;
}

function kindColourExpression(): ExpressionSpecification {
	return matchColour(['get', 'kind'], KIND_COLOURS, '#0b0c0c');
}

function areaFillColourExpression(): ExpressionSpecification {
	return matchColour(['coalesce', ['get', 'band'], ''], BAND_COLOURS, AREA_FILL_COLOUR);
}

/** A cluster's radius, growing with the number of places it holds. */
function clusterRadiusExpression(extra = 0): ExpressionSpecification {
	return [
		'step',
		['get', 'point_count'],
		CLUSTER_RADII.small + extra,
		CLUSTER_STEPS.medium,
		CLUSTER_RADII.medium + extra,
		CLUSTER_STEPS.large,
		CLUSTER_RADII.large + extra
	];
}

/** The radius of a cluster or (on a clustered source) a point, each plus its own extra pixels. */
function circleRadiusExpression(clusterExtra: number, pointExtra: number): ExpressionSpecification {
	return [
		'case',
		['has', 'point_count'],
		clusterRadiusExpression(clusterExtra),
		POINT_RADIUS + pointExtra
	];
}

/**
 * Two circles over the points: a yellow band with a dark edge, then the point (or cluster ring) again,
 * bigger. Their filter matches nothing until highlight.ts sets it to one feature.
 */
function highlightLayers(): LayerSpecification[] {
	return [
		{
			id: LAYER_IDS.highlightHalo,
			type: 'circle',
			source: SOURCE_IDS.points,
			filter: false,
			paint: {
				'circle-color': HIGHLIGHT_COLOUR,
				// Circle strokes are drawn outside the radius: the band starts beyond the circle's edge.
				'circle-radius': circleRadiusExpression(
					HIGHLIGHT_GROWTH + HIGHLIGHT_STROKE.cluster + HIGHLIGHT_BAND,
					HIGHLIGHT_GROWTH + HIGHLIGHT_STROKE.point + HIGHLIGHT_BAND
				),
				'circle-stroke-color': HIGHLIGHT_EDGE_COLOUR,
				'circle-stroke-width': 2
			}
		},
		{
			id: LAYER_IDS.highlight,
			type: 'circle',
			source: SOURCE_IDS.points,
			filter: false,
			paint: {
				'circle-color': [
					'case',
					['has', 'point_count'],
					CLUSTER_FILL_COLOUR,
					kindColourExpression()
				],
				'circle-radius': circleRadiusExpression(HIGHLIGHT_GROWTH, HIGHLIGHT_GROWTH),
				'circle-stroke-color': [
					'case',
					['has', 'point_count'],
					CLUSTER_STROKE_COLOUR,
					POINT_STROKE_COLOUR
				],
				'circle-stroke-width': [
					'case',
					['has', 'point_count'],
					HIGHLIGHT_STROKE.cluster,
					HIGHLIGHT_STROKE.point
				]
			}
		}
	];
}

/**
 * How many places each cluster holds, written in the ring. Styles here have no glyphs URL, so MapLibre
 * draws the digits with the browser's fonts (on a basemap with its own glyphs, from those).
 */
function clusterCountLayer(): LayerSpecification {
	return {
		id: LAYER_IDS.clusterCount,
		type: 'symbol',
		source: SOURCE_IDS.points,
		filter: ['has', 'point_count'],
		layout: {
			'text-field': ['get', 'point_count_abbreviated'],
			'text-font': CLUSTER_COUNT_FONT,
			'text-size': ['step', ['get', 'point_count'], 13, CLUSTER_STEPS.large, 15],
			'text-allow-overlap': true,
			'text-ignore-placement': true
		},
		paint: { 'text-color': CLUSTER_STROKE_COLOUR }
	};
}

function outlineLayer(): LayerSpecification {
	return {
		id: LAYER_IDS.outlines,
		type: 'line',
		source: SOURCE_IDS.outlines,
		layout: { 'line-join': 'round' },
		paint: { 'line-color': SMALL_AREA_OUTLINE_COLOUR, 'line-width': 0.75, 'line-opacity': 0.8 }
	};
}

/** Layers for areas and points, bottom to top. */
export function overlayLayers({
	cluster = false,
	outlines,
	searchArea,
	highlight = false
}: OverlayOptions = {}): LayerSpecification[] {
	const layers: LayerSpecification[] = [
		{
			id: LAYER_IDS.areaFill,
			type: 'fill',
			source: SOURCE_IDS.areas,
			paint: {
				'fill-color': areaFillColourExpression(),
				'fill-opacity': [
					'case',
					['in', ['coalesce', ['get', 'band'], ''], ['literal', [...AREA_BANDS]]],
					BAND_FILL_OPACITY,
					AREA_FILL_OPACITY
				]
			}
		},
		...(outlines ? [outlineLayer()] : []),
		{
			id: LAYER_IDS.areaOutline,
			type: 'line',
			source: SOURCE_IDS.areas,
			layout: { 'line-join': 'round' },
			paint: { 'line-color': AREA_OUTLINE_COLOUR, 'line-width': 2 }
		}
	];
	if (searchArea !== undefined) layers.push(...searchAreaLayers());
	if (cluster) {
		layers.push({
			id: LAYER_IDS.clusters,
			type: 'circle',
			source: SOURCE_IDS.points,
			filter: ['has', 'point_count'],
			paint: {
				'circle-color': CLUSTER_FILL_COLOUR,
				'circle-stroke-color': CLUSTER_STROKE_COLOUR,
				'circle-stroke-width': 3,
				'circle-radius': clusterRadiusExpression()
			}
		});
	}
	layers.push({
		id: LAYER_IDS.points,
		type: 'circle',
		source: SOURCE_IDS.points,
		...(cluster ? { filter: ['!', ['has', 'point_count']] as ExpressionSpecification } : {}),
		paint: {
			'circle-color': kindColourExpression(),
			'circle-radius': POINT_RADIUS,
			'circle-stroke-color': POINT_STROKE_COLOUR,
			'circle-stroke-width': 1.5
		}
	});
	if (highlight) layers.push(...highlightLayers());
	// Last, so a highlighted (bigger) ring still shows its number.
	if (cluster) layers.push(clusterCountLayer());
	return layers;
}

/** GeoJSON sources holding the areas and points (clustered if asked). */
export function overlaySources(
	areas: AreaCollection,
	points: PointCollection,
	{ cluster = false, outlines, searchArea }: OverlayOptions = {}
): Record<string, SourceSpecification> {
	return {
		...(searchArea !== undefined ? { [SEARCH_AREA_SOURCE]: searchAreaSource(searchArea) } : {}),
		...(outlines ? { [SOURCE_IDS.outlines]: { type: 'geojson', data: outlines } as const } : {}),
		[SOURCE_IDS.areas]: { type: 'geojson', data: areas },
		[SOURCE_IDS.points]: {
			type: 'geojson',
			data: points,
			...(cluster ? { cluster: true, clusterRadius: 40, clusterMaxZoom: 15 } : {})
		}
	};
}

/** Sources and layers together. */
export function buildOverlay(
	areas: AreaCollection,
	points: PointCollection,
	options: OverlayOptions = {}
): Overlay {
	return { sources: overlaySources(areas, points, options), layers: overlayLayers(options) };
}

/**
 * Put the overlay on top of a base style. Safe to apply twice: sources and layers with the
 * overlay's ids are replaced, not doubled (MapLibre reuses a style transform on later setStyle calls).
 */
export function mergeOverlay(base: StyleSpecification, overlay: Overlay): StyleSpecification {
	const ours = new Set(overlay.layers.map((l) => l.id));
	return {
		...base,
		sources: { ...base.sources, ...overlay.sources },
		layers: [...base.layers.filter((l) => !ours.has(l.id)), ...overlay.layers]
	};
}

/**
 * A style that needs no network: a plain background with the overlay on it. It has no glyphs URL or
 * sprite: MapLibre draws its only text (cluster counts) with the browser's fonts, and it has no icons.
 */
export function buildOfflineStyle(overlay?: Overlay): StyleSpecification {
	const base: StyleSpecification = {
		version: 8,
		name: 'Patchwork offline',
		sources: {},
		layers: [
			{
				id: LAYER_IDS.background,
				type: 'background',
				paint: { 'background-color': BACKGROUND_COLOUR }
			}
		]
	};
	return overlay ? mergeOverlay(base, overlay) : base;
}
