/**
 * What the Leaflet maps that draw shapes share (the patch editor, and the scenario page's map for
 * drawing a line or a new patch): loading Leaflet in the browser, a map on a plain background with
 * no tiles, its first view, the line styles, and census small areas drawn thin on one canvas.
 * Import only from a component's mount effect: Leaflet touches `window` (STACK.md trap 7).
 */
import type * as Leaflet from 'leaflet';
import { ENGLAND_AND_WALES } from '../bounds';
import type { LeafletBase } from '../leaflet-basemap';
import { addLeafletBase } from '../leaflet-base-layers';

/** The shape being drawn or edited. */
export const SHAPE_STYLE = { color: '#003078', weight: 3, fillColor: '#1d70b8', fillOpacity: 0.15 };
/** Other patches: dashed grey outlines. */
export const OTHER_STYLE = { color: '#505a5f', weight: 2, fill: false, dashArray: '6 4' };
/** Census small areas: thin grey lines. */
export const SMALL_AREA_STYLE = { color: '#8a9499', weight: 0.75, fill: false };
/** Where a boundary crosses itself. */
export const PROBLEM_STYLE = {
	color: '#c0251d',
	weight: 3,
	fillColor: '#c0251d',
	fillOpacity: 0.3
};

/** Rings in red each place ([lon, lat]) where a boundary has a problem, replacing those in `layer`. */
export function markPlaces(
	L: typeof Leaflet,
	layer: Leaflet.LayerGroup,
	points: [number, number][]
): void {
	layer.clearLayers();
	for (const [lon, lat] of points) {
		const options = { ...PROBLEM_STYLE, radius: 9, interactive: false };
		L.circleMarker([lat, lon], { ...options, pmIgnore: true, snapIgnore: true }).addTo(layer);
	}
}

/**
 * Leaflet, and Leaflet-Geoman when asked for (it extends the global L, which must exist first).
 * @returns the Leaflet namespace
 */
export async function loadLeaflet({ geoman = false } = {}): Promise<typeof Leaflet> {
	const leaflet = await import('leaflet');
	const lib = (leaflet.default ?? leaflet) as typeof Leaflet;
	(globalThis as unknown as { L: typeof Leaflet }).L = lib;
	if (geoman) await import('@geoman-io/leaflet-geoman-free');
	return lib;
}

/**
 * A map in `container` on the site's basemap `base` (none: a plain background), showing `frame` (or
 * England and Wales when it has no bounds).
 * The view is set before any layer is added: Leaflet's renderer has no bounds until then.
 */
export function plainMap(
	L: typeof Leaflet,
	container: HTMLElement,
	frame: Leaflet.LatLngBounds | null,
	base: LeafletBase | null = null
): Leaflet.Map {
	const map = L.map(container, {
		attributionControl: base !== null,
		// Leaflet's default, said here because drawing from the keyboard needs it: with the map
		// focused, the arrow keys move it and + and − zoom (keyboard-binding.ts adds the rest).
		keyboard: true,
		zoomSnap: 0.25,
		// No tiles: zooming far in or out shows nothing more.
		minZoom: 5,
		maxZoom: 19
	});
	if (frame?.isValid()) map.fitBounds(frame, { padding: [24, 24] });
	else
		map.fitBounds(ENGLAND_AND_WALES.map(([lon, lat]) => [lat, lon]) as Leaflet.LatLngBoundsLiteral);
	// Drawing works without it: a failed basemap leaves the plain ground.
	if (base) addLeafletBase(L, map, base).catch(() => undefined);
	return map;
}

/**
 * Shapes drawn as thin lines on one canvas (thousands draw fast), not clickable, ignored by Geoman,
 * under everything else.
 */
export function outlineLayer(
	L: typeof Leaflet,
	geometries: readonly GeoJSON.Geometry[],
	style: Leaflet.PathOptions = SMALL_AREA_STYLE
): Leaflet.GeoJSON {
	const features = geometries.map((geometry) => ({
		type: 'Feature' as const,
		geometry,
		properties: {}
	}));
	// Leaflet passes these options to each polygon it makes.
	return L.geoJSON(
		{ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection,
		{
			style,
			interactive: false,
			pmIgnore: true,
			snapIgnore: true,
			renderer: L.canvas({ padding: 0.5 })
		} as Leaflet.GeoJSONOptions & Leaflet.PathOptions
	);
}
