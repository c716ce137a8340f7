/**
 * Between Leaflet's nested latitude/longitude arrays and GeoJSON. Plain data only (no Leaflet
 * import), so it runs and is tested on the server.
 *
 * Leaflet lists [lat, lng] and leaves rings open; GeoJSON lists [lon, lat] and closes each ring by
 * repeating its first position.
 */
import type { AreaGeometry } from '$lib/domain/geometry';

/** What Leaflet's LatLng has that we need. */
export interface LatLngLike {
	lat: number;
	lng: number;
}

/** A polygon's rings (outer first) or a multipolygon's polygons, as `getLatLngs()` returns them. */
export type LatLngNest = LatLngLike | LatLngNest[];

/** Six decimal places of a degree: about 0.1 metres, finer than any boundary is drawn. */
const PRECISION = 1e6;
const round = (value: number) => Math.round(value * PRECISION) / PRECISION;

const isLatLng = (value: unknown): value is LatLngLike =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as LatLngLike).lat === 'number' &&
	typeof (value as LatLngLike).lng === 'number';

/** How many array levels sit above the LatLng objects (1 for a ring). 0 for an empty nest. */
function depthOf(nest: LatLngNest): number {
	let depth = 0;
	let node: LatLngNest = nest;
	while (Array.isArray(node)) {
		if (node.length === 0) return 0;
		node = node[0];
		depth += 1;
	}
	return isLatLng(node) ? depth : 0;
}

/** A GeoJSON ring: rounded, repeated points dropped, closed; null with fewer than 3 corners. */
function toRing(points: LatLngNest[]): GeoJSON.Position[] | null {
	const ring: GeoJSON.Position[] = [];
	for (const point of points) {
		if (!isLatLng(point)) return null;
		const position = [round(point.lng), round(point.lat)];
		const last = ring[ring.length - 1];
		if (!last || last[0] !== position[0] || last[1] !== position[1]) ring.push(position);
	}
	const [first] = ring;
	const last = ring[ring.length - 1];
	if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
	if (ring.length < 3) return null;
	return [...ring, [...first]];
}

/** Rings of one polygon; null when its outer ring has too few corners (holes that do are dropped). */
function toPolygon(rings: LatLngNest[]): GeoJSON.Position[][] | null {
	const [outer, ...holes] = rings.map((ring) => (Array.isArray(ring) ? toRing(ring) : null));
	if (!outer) return null;
	return [outer, ...holes.filter((hole): hole is GeoJSON.Position[] => hole !== null)];
}

/**
 * The GeoJSON geometry of a Leaflet polygon's `getLatLngs()`: a Polygon, or a MultiPolygon when it
 * has more than one part.
 * @returns null when there is no polygon with at least three corners (an empty or half-drawn shape)
 * @example latLngsToGeometry([[{ lat: 0, lng: 0 }, { lat: 0, lng: 1 }, { lat: 1, lng: 1 }]])
 * // { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }
 */
export function latLngsToGeometry(latlngs: LatLngNest): AreaGeometry | null {
	const depth = depthOf(latlngs);
	if (depth === 0 || !Array.isArray(latlngs)) return null;
	if (depth === 1) return latLngsToGeometry([latlngs]);
	if (depth === 2) {
		const coordinates = toPolygon(latlngs);
		return coordinates && { type: 'Polygon', coordinates };
	}
	if (depth > 3) return null;
	const parts = latlngs
		.map((part) => (Array.isArray(part) ? toPolygon(part) : null))
		.filter((part): part is GeoJSON.Position[][] => part !== null);
	if (parts.length === 0) return null;
	if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0] };
	return { type: 'MultiPolygon', coordinates: parts };
}

type LatLngTuple = [number, number];

function toLatLngRing(ring: GeoJSON.Position[]): LatLngTuple[] {
	const open = ring.map(([lon, lat]): LatLngTuple => [lat, lon]);
	const [first] = open;
	const last = open[open.length - 1];
	if (open.length > 1 && first[0] === last[0] && first[1] === last[1]) open.pop();
	return open;
}

/**
 * What `L.polygon()` takes for a GeoJSON geometry: rings of [lat, lng] without the closing repeat.
 * A MultiPolygon gives one more level of nesting, which Leaflet draws as one layer of several parts.
 */
export function geometryToLatLngs(geometry: AreaGeometry): LatLngTuple[][] | LatLngTuple[][][] {
	if (geometry.type === 'Polygon') return geometry.coordinates.map(toLatLngRing);
	return geometry.coordinates.map((polygon) => polygon.map(toLatLngRing));
}

/** How many corners a geometry has (closing repeats not counted): what the vertex cap counts. */
export function cornerCount(geometry: AreaGeometry): number {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.flat().reduce((sum, ring) => sum + Math.max(0, ring.length - 1), 0);
}
