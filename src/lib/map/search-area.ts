/**
 * The search's centre (a postcode or a clicked point) and the circle it searched within, drawn on the
 * search results map under the results' points: a dashed ring with a faint fill, and a dot at the
 * centre. The same words go in the map's key (legend.ts).
 */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

export interface SearchArea {
	/** [lon, lat] of the search's centre. */
	centre: [number, number];
	radiusMetres: number;
}

export const SEARCH_AREA_SOURCE = 'pw-search-area';
export const SEARCH_AREA_LAYERS = {
	fill: 'pw-search-area-fill',
	ring: 'pw-search-area-ring',
	centre: 'pw-search-centre'
} as const;

/** GOV.UK purple: no kind of place uses it, and it keeps 3:1 on every basemap colour. */
export const SEARCH_AREA_COLOUR = '#4c2c92';
export const SEARCH_AREA_FILL_OPACITY = 0.06;
export const SEARCH_CENTRE_RADIUS = 6;

const EARTH_RADIUS_METRES = 6_371_008.8;
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * A circle of `radiusMetres` round `centre` on the sphere, as a closed ring of `steps` + 1 points
 * (the point at the given bearing, distance along a great circle).
 */
export function circleRing(
	[lon, lat]: [number, number],
	radiusMetres: number,
	steps = 72
): [number, number][] {
	const φ1 = (lat * Math.PI) / 180;
	const λ1 = (lon * Math.PI) / 180;
	const δ = radiusMetres / EARTH_RADIUS_METRES;
	const ring: [number, number][] = [];
	for (let i = 0; i < steps; i++) {
		const θ = (2 * Math.PI * i) / steps;
		const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
		const λ2 =
			λ1 +
			Math.atan2(
				Math.sin(θ) * Math.sin(δ) * Math.cos(φ1),
				Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2)
			);
		ring.push([round6((λ2 * 180) / Math.PI), round6((φ2 * 180) / Math.PI)]);
	}
	ring.push(ring[0]);
	return ring;
}

/** The circle and its centre as GeoJSON; empty when there is no search area. */
export function searchAreaFeatures(
	area: SearchArea | null | undefined
): FeatureCollection<Polygon | Point> {
	if (!area) return { type: 'FeatureCollection', features: [] };
	const circle: Feature<Polygon> = {
		type: 'Feature',
		properties: { part: 'area' },
		geometry: { type: 'Polygon', coordinates: [circleRing(area.centre, area.radiusMetres)] }
	};
	const centre: Feature<Point> = {
		type: 'Feature',
		properties: { part: 'centre' },
		geometry: { type: 'Point', coordinates: area.centre }
	};
	return { type: 'FeatureCollection', features: [circle, centre] };
}

export function searchAreaSource(area: SearchArea | null | undefined): SourceSpecification {
	return { type: 'geojson', data: searchAreaFeatures(area) };
}

/** The ring's fill and dashed edge, and the centre dot (white edge, like the points). */
export function searchAreaLayers(): LayerSpecification[] {
	return [
		{
			id: SEARCH_AREA_LAYERS.fill,
			type: 'fill',
			source: SEARCH_AREA_SOURCE,
			filter: ['==', ['get', 'part'], 'area'],
			paint: { 'fill-color': SEARCH_AREA_COLOUR, 'fill-opacity': SEARCH_AREA_FILL_OPACITY }
		},
		{
			id: SEARCH_AREA_LAYERS.ring,
			type: 'line',
			source: SEARCH_AREA_SOURCE,
			filter: ['==', ['get', 'part'], 'area'],
			paint: { 'line-color': SEARCH_AREA_COLOUR, 'line-width': 2, 'line-dasharray': [3, 2] }
		},
		{
			id: SEARCH_AREA_LAYERS.centre,
			type: 'circle',
			source: SEARCH_AREA_SOURCE,
			filter: ['==', ['get', 'part'], 'centre'],
			paint: {
				'circle-color': SEARCH_AREA_COLOUR,
				'circle-radius': SEARCH_CENTRE_RADIUS,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		}
	];
}
