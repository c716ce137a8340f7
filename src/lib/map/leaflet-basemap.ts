/**
 * The basemap under the Leaflet maps (asset page, entry editor, patch editor): the same one as the
 * MapLibre maps draw, where Leaflet can draw it. The demo's GeoJSON basemap is drawn in the same muted
 * colours as on the MapLibre maps (basemap.ts): lines twice for a cased street (the edge pass first,
 * then the street), place names as plain text labels. A PMTiles basemap is drawn by protomaps-leaflet
 * with Protomaps' "light" layers, as MapLibre draws it (leaflet-base-layers.ts loads it). The address
 * stays the main way to a place; the map only adds to it.
 */
import type { PathOptions } from 'leaflet';
import { DEMO_BASE_COLOURS as C, type Basemap } from './basemap';

/** What a Leaflet map draws under its shapes and points. */
export type LeafletBase =
	| { kind: 'tiles'; url: string; attribution: string }
	| { kind: 'geojson'; url: string }
	| { kind: 'pmtiles'; url: string };

/**
 * The background for a Leaflet map: raster tiles when a tile URL is set (BASEMAP_TILE_URL), else the
 * site's own basemap file (PMTiles or GeoJSON). A MapLibre style from elsewhere (BASEMAP_STYLE_URL)
 * is not something Leaflet can draw: those maps keep their plain background (null).
 */
export function leafletBase(
	basemap: Basemap | null,
	tileUrl: string | null = null,
	tileAttribution = ''
): LeafletBase | null {
	if (tileUrl) return { kind: 'tiles', url: tileUrl, attribution: tileAttribution };
	if (basemap?.kind === 'pmtiles') return { kind: 'pmtiles', url: basemap.url };
	if (basemap?.kind === 'geojson') return { kind: 'geojson', url: basemap.url };
	return null;
}

/** Leaflet's pane for the basemap: under the overlay pane (400), where the dot is. */
export const LEAFLET_BASE_PANE = 'pw-base';
export const LEAFLET_BASE_PANE_Z = 250;

/**
 * How a feature of one layer is drawn in each pass (0: edges, 1: fills and lines); null leaves it
 * out of that pass. Widths are for the small maps' zooms (13 to 18).
 */
export function leafletBaseStyle(layer: string, pass: 0 | 1): PathOptions | null {
	const none = { stroke: false, fill: false } as const;
	if (pass === 0) {
		if (layer === 'lane') return { ...none, stroke: true, color: C.streetCasing, weight: 5 };
		if (layer === 'street') return { ...none, stroke: true, color: C.streetCasing, weight: 7 };
		if (layer === 'road') return { ...none, stroke: true, color: C.roadCasing, weight: 11 };
		return null;
	}
	switch (layer) {
		case 'park':
			return { stroke: false, fill: true, fillColor: C.park, fillOpacity: 1 };
		case 'water':
			return { stroke: false, fill: true, fillColor: C.water, fillOpacity: 1 };
		case 'river':
			return { ...none, stroke: true, color: C.river, weight: 10, lineCap: 'round' };
		case 'lane':
			return { ...none, stroke: true, color: C.street, weight: 3, lineCap: 'round' };
		case 'street':
			return { ...none, stroke: true, color: C.street, weight: 5, lineCap: 'round' };
		case 'road':
			return { ...none, stroke: true, color: C.road, weight: 8, lineCap: 'round' };
		default:
			return null;
	}
}
