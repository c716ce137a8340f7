/**
 * Draws a Leaflet map's basemap (chosen by leafletBase in leaflet-basemap.ts): raster tiles, the
 * demo's GeoJSON basemap, or a PMTiles file through protomaps-leaflet. protomaps-leaflet and the
 * PMTiles reader are imported only for a PMTiles basemap, when the map is drawn. Browser only.
 *
 * The shapes and points on the map work without it: a basemap that fails to load leaves the plain
 * ground (the promise rejects; callers ignore it).
 */
import type * as Leaflet from 'leaflet';
import type { Feature, FeatureCollection } from 'geojson';
import type { Lang } from '$lib/domain/sessions';
import { DEMO_ATTRIBUTION, OSM_ATTRIBUTION } from './basemap';
import {
	LEAFLET_BASE_PANE,
	LEAFLET_BASE_PANE_Z,
	leafletBaseStyle,
	type LeafletBase
} from './leaflet-basemap';
import './leaflet-base.css';

/** Kept out of the patch editor's drawing tools: no snapping to streets, no editing the basemap. */
const IGNORED_BY_EDITOR = { pmIgnore: true, snapIgnore: true } as Leaflet.GeoJSONOptions;

/** The GeoJSON basemap: cased lines and fills in two passes, then place names. */
async function drawGeojson(L: typeof Leaflet, map: Leaflet.Map, url: string): Promise<void> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`The basemap answered ${response.status}`);
	const data = (await response.json()) as FeatureCollection;
	map.createPane(LEAFLET_BASE_PANE).style.zIndex = String(LEAFLET_BASE_PANE_Z);
	const layerOf = (f?: Feature) => String(f?.properties?.layer ?? '');
	for (const pass of [0, 1] as const) {
		L.geoJSON(data, {
			...IGNORED_BY_EDITOR,
			pane: LEAFLET_BASE_PANE,
			interactive: false,
			attribution: pass === 0 ? DEMO_ATTRIBUTION : undefined,
			filter: (f) => leafletBaseStyle(layerOf(f), pass) !== null,
			style: (f) => leafletBaseStyle(layerOf(f), pass) ?? {}
		}).addTo(map);
	}
	for (const f of data.features) {
		if (layerOf(f) !== 'place' || f.geometry.type !== 'Point') continue;
		const [lon, lat] = f.geometry.coordinates;
		L.tooltip({
			permanent: true,
			direction: 'center',
			interactive: false,
			className: `pw-base-place pw-base-place--${f.properties?.rank === 1 ? 'town' : 'area'}`
		})
			.setLatLng([lat, lon])
			.setContent(String(f.properties?.name ?? ''))
			.addTo(map);
	}
}

/** The PMTiles basemap, drawn with Protomaps' "light" layers as on the MapLibre maps. */
async function drawPmtiles(
	L: typeof Leaflet,
	map: Leaflet.Map,
	url: string,
	lang: Lang
): Promise<void> {
	// protomaps-leaflet extends the global L rather than importing Leaflet: it must exist first.
	const scope = globalThis as unknown as { L?: typeof Leaflet };
	scope.L ??= L;
	const [{ leafletLayer }, { PMTiles }] = await Promise.all([
		import('protomaps-leaflet'),
		import('pmtiles')
	]);
	leafletLayer({
		// One reader (the pmtiles version MapLibre uses), fetching ranges of the file Patchwork serves.
		url: new PMTiles(new URL(url, location.href).href),
		flavor: 'light',
		lang,
		attribution: OSM_ATTRIBUTION,
		maxDataZoom: 15
	}).addTo(map);
}

/** Draws `base` under everything else on `map`. */
export async function addLeafletBase(
	L: typeof Leaflet,
	map: Leaflet.Map,
	base: LeafletBase,
	lang: Lang = 'en'
): Promise<void> {
	if (base.kind === 'tiles') {
		L.tileLayer(base.url, { attribution: base.attribution, maxZoom: 19 }).addTo(map);
	} else if (base.kind === 'geojson') {
		await drawGeojson(L, map, base.url);
	} else {
		await drawPmtiles(L, map, base.url, lang);
	}
}
