/**
 * The basemaps a map can draw under Patchwork's areas and points, and the style of the small GeoJSON
 * basemap Patchwork makes for its demo borough (streets, a river, parks and place names; see
 * src/lib/demo/basemap.ts). The PMTiles style is in protomaps.ts, loaded only when one is configured.
 *
 * No style here has a `glyphs` URL: MapLibre then draws every label with the browser's own fonts, so
 * text needs nothing from the network (the font names below are tried first, then sans-serif).
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

/**
 * Where the background comes from: a MapLibre style URL from elsewhere (BASEMAP_STYLE_URL), a
 * PMTiles file Patchwork serves (BASEMAP_PMTILES) or a GeoJSON basemap it serves (BASEMAP_GEOJSON).
 */
export interface Basemap {
	kind: 'style' | 'pmtiles' | 'geojson';
	url: string;
}

/** OpenStreetMap's required credit, shown on every map drawn from its data. */
export const OSM_ATTRIBUTION =
	'<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a>';
/** The demo basemap is invented: its credit says so. */
export const DEMO_ATTRIBUTION = 'Fennick Vale is fictional: an invented demo map';

export const DEMO_BASE_SOURCE = 'pw-base-demo';
export const REGULAR_FONT = ['Noto Sans Regular'];
export const BOLD_FONT = ['Noto Sans Bold'];
export const ITALIC_FONT = ['Noto Sans Italic'];

/**
 * Muted colours, so patches and points stand out: every kind's colour keeps 3:1 against each of
 * them, and label text 4.5:1 against land (basemap.test.ts checks both).
 */
export const DEMO_BASE_COLOURS = {
	land: '#f3f1ec',
	park: '#dde9d5',
	water: '#dbe9f1',
	river: '#d6e6ef',
	street: '#ffffff',
	streetCasing: '#dcd8cf',
	road: '#fbf3dc',
	roadCasing: '#d4c9a8',
	placeText: '#3b3f42',
	parkText: '#35592c',
	waterText: '#2a5a78',
	roadText: '#4f5558',
	halo: '#ffffff'
} as const;

/** The kinds of feature in the demo basemap's GeoJSON, in its `layer` property. */
export const DEMO_BASE_LAYERS = [
	'park',
	'water',
	'river',
	'lane',
	'street',
	'road',
	'place'
] as const;
export type DemoBaseLayer = (typeof DEMO_BASE_LAYERS)[number];

const of = (layer: DemoBaseLayer) =>
	['==', ['get', 'layer'], layer] as ['==', ['get', string], string];

const byZoom = (pairs: [number, number][]) =>
	['interpolate', ['linear'], ['zoom'], ...pairs.flat()] as unknown as number;

/** The demo basemap's layers, bottom to top, on a GeoJSON source holding every feature. */
export function demoBaseLayers(): LayerSpecification[] {
	const c = DEMO_BASE_COLOURS;
	const halo = { 'text-halo-color': c.halo, 'text-halo-width': 1.5 };
	return [
		{ id: 'pw-base-land', type: 'background', paint: { 'background-color': c.land } },
		{
			id: 'pw-base-park',
			type: 'fill',
			source: DEMO_BASE_SOURCE,
			filter: of('park'),
			paint: { 'fill-color': c.park }
		},
		{
			id: 'pw-base-water',
			type: 'fill',
			source: DEMO_BASE_SOURCE,
			filter: of('water'),
			paint: { 'fill-color': c.water }
		},
		{
			id: 'pw-base-river',
			type: 'line',
			source: DEMO_BASE_SOURCE,
			filter: of('river'),
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': c.river,
				'line-width': byZoom([
					[10, 2],
					[13, 5],
					[16, 14]
				])
			}
		},
		{
			id: 'pw-base-lane-casing',
			type: 'line',
			source: DEMO_BASE_SOURCE,
			filter: of('lane'),
			minzoom: 14,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': c.streetCasing,
				'line-width': byZoom([
					[14, 2],
					[17, 9]
				])
			}
		},
		{
			id: 'pw-base-lane',
			type: 'line',
			source: DEMO_BASE_SOURCE,
			filter: of('lane'),
			minzoom: 14,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': c.street,
				'line-width': byZoom([
					[14, 1],
					[17, 7]
				])
			}
		},
		{
			id: 'pw-base-street-casing',
			type: 'line',
			source: DEMO_BASE_SOURCE,
			filter: of('street'),
			minzoom: 12,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': c.streetCasing,
				'line-width': byZoom([
					[12, 1.5],
					[14, 4],
					[17, 12]
				])
			}
		},
		{
			id: 'pw-base-street',
			type: 'line',
			source: DEMO_BASE_SOURCE,
			filter: of('street'),
			minzoom: 12,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': c.street,
				'line-width': byZoom([
					[12, 0.5],
					[14, 2.5],
					[17, 10]
				])
			}
		},
		{
			id: 'pw-base-road-casing',
			type: 'line',
			source: DEMO_BASE_SOURCE,
			filter: of('road'),
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': c.roadCasing,
				'line-width': byZoom([
					[9, 2],
					[13, 6],
					[17, 18]
				])
			}
		},
		{
			id: 'pw-base-road',
			type: 'line',
			source: DEMO_BASE_SOURCE,
			filter: of('road'),
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': c.road,
				'line-width': byZoom([
					[9, 1],
					[13, 4],
					[17, 15]
				])
			}
		},
		{
			id: 'pw-base-road-name',
			type: 'symbol',
			source: DEMO_BASE_SOURCE,
			filter: ['all', of('road'), ['has', 'name']],
			minzoom: 13,
			layout: {
				'symbol-placement': 'line',
				'text-field': ['get', 'name'],
				'text-font': REGULAR_FONT,
				'text-size': 12
			},
			paint: { 'text-color': c.roadText, ...halo }
		},
		{
			id: 'pw-base-water-name',
			type: 'symbol',
			source: DEMO_BASE_SOURCE,
			filter: ['all', of('river'), ['has', 'name']],
			minzoom: 12,
			layout: {
				'symbol-placement': 'line',
				'text-field': ['get', 'name'],
				'text-font': ITALIC_FONT,
				'text-size': 12
			},
			paint: { 'text-color': c.waterText, ...halo }
		},
		{
			id: 'pw-base-park-name',
			type: 'symbol',
			source: DEMO_BASE_SOURCE,
			filter: ['all', of('park'), ['has', 'name']],
			minzoom: 14,
			layout: { 'text-field': ['get', 'name'], 'text-font': REGULAR_FONT, 'text-size': 11 },
			paint: { 'text-color': c.parkText, ...halo }
		},
		{
			id: 'pw-base-place-name',
			type: 'symbol',
			source: DEMO_BASE_SOURCE,
			filter: of('place'),
			layout: {
				'text-field': ['get', 'name'],
				// Towns (rank 1) bigger and bold; neighbourhoods smaller, and only from zoom 12.
				'text-font': [
					'step',
					['get', 'rank'],
					['literal', BOLD_FONT],
					2,
					['literal', REGULAR_FONT]
				],
				'text-size': ['step', ['get', 'rank'], 16, 2, 13],
				'text-max-width': 8,
				'text-padding': 4
			},
			paint: {
				'text-color': c.placeText,
				...halo,
				'text-opacity': ['step', ['zoom'], ['step', ['get', 'rank'], 1, 2, 0], 12, 1]
			}
		}
	];
}

/** The demo basemap as a whole style: the GeoJSON at `url` (served by Patchwork) and its layers. */
export function demoBaseStyle(url: string): StyleSpecification {
	return {
		version: 8,
		name: 'Patchwork demo basemap',
		sources: {
			[DEMO_BASE_SOURCE]: { type: 'geojson', data: url, attribution: DEMO_ATTRIBUTION }
		},
		layers: demoBaseLayers()
	};
}
