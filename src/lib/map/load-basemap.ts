/**
 * Turns the configured basemap into what MapLibre opens: a style URL from elsewhere as it is, or a
 * style object for the files Patchwork serves (the PMTiles protocol and Protomaps' layers are loaded
 * only then, so a site without a PMTiles basemap never downloads them). Browser only: it reads
 * `location` to make the file's URL absolute (MapLibre's worker cannot resolve a relative one).
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { Lang } from '$lib/domain/sessions';
import { demoBaseStyle, type Basemap } from './basemap';

type MapLibre = typeof import('maplibre-gl');

let pmtilesRegistered = false;

/** The base style for `basemap`; null for none (the offline plain style). */
export async function loadBaseStyle(
	maplibre: MapLibre,
	basemap: Basemap | null,
	lang: Lang
): Promise<StyleSpecification | string | null> {
	if (!basemap) return null;
	if (basemap.kind === 'style') return basemap.url;
	const url = new URL(basemap.url, location.href).href;
	if (basemap.kind === 'geojson') return demoBaseStyle(url);
	const [{ Protocol }, { pmtilesBaseStyle }] = await Promise.all([
		import('pmtiles'),
		import('./protomaps')
	]);
	if (!pmtilesRegistered) {
		maplibre.addProtocol('pmtiles', new Protocol().tile);
		pmtilesRegistered = true;
	}
	return pmtilesBaseStyle(url, lang);
}
