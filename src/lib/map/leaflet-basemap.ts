/**
 * The demo's GeoJSON basemap on the small Leaflet maps (asset page, entry editor), in the same muted
 * colours as on the MapLibre maps (basemap.ts). Leaflet draws lines twice for a cased street: the
 * edge pass first, then the street. Place names are plain text labels. A PMTiles basemap is not drawn
 * here: those maps keep their plain background, and the address stays the main way to the place.
 */
import type { PathOptions } from 'leaflet';
import { DEMO_BASE_COLOURS as C } from './basemap';

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
