/** The key below the map: only what the map is showing. */
import { kindLabel } from '$lib/components/labels';
import type { Lang } from '$lib/domain/sessions';
import { ASSET_KINDS } from '$lib/domain/vocabulary';
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
import { SEARCH_AREA_COLOUR, SEARCH_AREA_FILL_OPACITY } from './search-area';
import { AREA_BANDS, type AreaCollection, type PointCollection } from './types';
import { mapWords } from './words';

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
 * services last; bands smallest first), and for cluster rings when points may be grouped. Kinds and
 * clusters are named in `lang`; bands only show on staff pages, which are in English.
 */
export function legendItems(
	points: PointCollection,
	areas: AreaCollection,
	{
		cluster = false,
		lang = 'en',
		searchArea = false
	}: { cluster?: boolean; lang?: Lang; searchArea?: boolean } = {}
): LegendItem[] {
	const kinds = new Set(points.features.map((f) => f.properties?.kind));
	const bands = new Set(areas.features.map((f) => f.properties?.band));
	const items: LegendItem[] = [];
	for (const kind of ASSET_KINDS) {
		if (!kinds.has(kind)) continue;
		items.push({
			key: `kind-${kind}`,
			label: kindLabel(kind, lang, true),
			colour: KIND_COLOURS[kind],
			shape: 'dot'
		});
	}
	if (cluster && points.features.length > 1) {
		items.push({
			key: 'cluster',
			label: mapWords(lang).cluster,
			colour: CLUSTER_FILL_COLOUR,
			edge: CLUSTER_STROKE_COLOUR,
			shape: 'ring'
		});
	}
	if (searchArea) {
		const words = mapWords(lang);
		items.push(
			{
				key: 'search-centre',
				label: words.searchCentre,
				colour: SEARCH_AREA_COLOUR,
				shape: 'dot'
			},
			{
				key: 'search-area',
				label: words.searchArea,
				colour: blend(SEARCH_AREA_COLOUR, BACKGROUND_COLOUR, SEARCH_AREA_FILL_OPACITY),
				edge: SEARCH_AREA_COLOUR,
				shape: 'ring'
			}
		);
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
