/** The key below the map: only what the map is showing. */
import { ASSET_KIND_LABELS, ASSET_KINDS } from '$lib/domain/vocabulary';
import { blend } from './contrast';
import { BAND_LABELS } from './popup';
import {
	AREA_OUTLINE_COLOUR,
	BACKGROUND_COLOUR,
	BAND_COLOURS,
	BAND_FILL_OPACITY,
	CLUSTER_FILL_COLOUR,
	CLUSTER_STROKE_COLOUR,
	KIND_COLOURS
} from './style';
import { AREA_BANDS, type AreaCollection, type PointCollection } from './types';

export interface LegendItem {
	key: string;
	label: string;
	/** The colour as seen on the map (band fills are translucent, so blended with the background). */
	colour: string;
	/** Edge colour for shapes that need one to be seen. */
	edge?: string;
	shape: 'dot' | 'area' | 'ring';
}

/**
 * Key entries for the kinds and bands present, in the vocabulary's order (community first,
 * services last; bands smallest first), and for cluster rings when points may be grouped.
 */
export function legendItems(
	points: PointCollection,
	areas: AreaCollection,
	{ cluster = false }: { cluster?: boolean } = {}
): LegendItem[] {
	const kinds = new Set(points.features.map((f) => f.properties?.kind));
	const bands = new Set(areas.features.map((f) => f.properties?.band));
	const items: LegendItem[] = [];
	for (const kind of ASSET_KINDS) {
		if (!kinds.has(kind)) continue;
		items.push({
			key: `kind-${kind}`,
			label: ASSET_KIND_LABELS[kind].many,
			colour: KIND_COLOURS[kind],
			shape: 'dot'
		});
	}
	if (cluster && points.features.length > 1) {
		items.push({
			key: 'cluster',
			label: 'Several places close together (select to zoom in)',
			colour: CLUSTER_FILL_COLOUR,
			edge: CLUSTER_STROKE_COLOUR,
			shape: 'ring'
		});
	}
	for (const band of AREA_BANDS) {
		if (!bands.has(band)) continue;
		items.push({
			key: `band-${band}`,
			label: BAND_LABELS[band],
			colour: blend(BAND_COLOURS[band], BACKGROUND_COLOUR, BAND_FILL_OPACITY),
			edge: AREA_OUTLINE_COLOUR,
			shape: 'area'
		});
	}
	return items;
}
