/**
 * The style for a PMTiles basemap that Patchwork serves itself (BASEMAP_PMTILES): Protomaps' own
 * basemap layers (npm @protomaps/basemaps), in their muted "light" flavour, read through the
 * `pmtiles://` protocol. Imported only by the map component, and only when such a basemap is set.
 *
 * It ships no sprite and no glyphs URL: layers that need icons are left out, and MapLibre draws the
 * labels with the browser's fonts, so nothing comes from the internet.
 */
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { OSM_ATTRIBUTION } from './basemap';

export const PROTOMAPS_SOURCE = 'protomaps';

/**
 * Layers left out: points of interest (which would compete with Patchwork's own points), road shields
 * and one-way arrows (icons only).
 */
export const LEFT_OUT = ['pois', 'roads_shields', 'roads_oneway'];

/** A symbol layer without its icon: the sprite is not shipped, but the text still draws. */
function withoutIcon(layer: LayerSpecification): LayerSpecification {
	if (layer.type !== 'symbol' || !layer.layout) return layer;
	const layout = Object.fromEntries(
		Object.entries(layer.layout).filter(([key]) => !key.startsWith('icon-'))
	);
	const paint = Object.fromEntries(
		Object.entries(layer.paint ?? {}).filter(([key]) => !key.startsWith('icon-'))
	);
	return { ...layer, layout, paint };
}

/**
 * The basemap style for the PMTiles file at `fileUrl` (an absolute URL on this site, e.g.
 * https://patchwork.example.org/basemap/tiles.pmtiles), with labels in `lang` where the data has them.
 */
export function pmtilesBaseStyle(fileUrl: string, lang: 'en' | 'cy'): StyleSpecification {
	const layers = (
		protomapsLayers(PROTOMAPS_SOURCE, namedFlavor('light'), { lang }) as LayerSpecification[]
	)
		.filter((layer) => !LEFT_OUT.includes(layer.id))
		.map(withoutIcon);
	return {
		version: 8,
		name: 'Patchwork PMTiles basemap',
		sources: {
			[PROTOMAPS_SOURCE]: {
				type: 'vector',
				url: `pmtiles://${fileUrl}`,
				attribution: OSM_ATTRIBUTION
			}
		},
		layers
	};
}
