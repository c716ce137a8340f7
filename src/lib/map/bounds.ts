/** Bounding boxes of what the map shows, so it opens framed on the data. */
import type { FeatureCollection, Geometry, Position } from 'geojson';

/** [[west, south], [east, north]] in WGS84 degrees: the shape MapLibre's fitBounds takes. */
export type Bounds = [[number, number], [number, number]];

/** England and Wales, for a map with nothing to show. */
export const ENGLAND_AND_WALES: Bounds = [
	[-5.8, 49.9],
	[1.8, 55.9]
];

function eachPosition(geometry: Geometry | null, visit: (p: Position) => void): void {
	if (!geometry) return;
	switch (geometry.type) {
		case 'Point':
			visit(geometry.coordinates);
			return;
		case 'MultiPoint':
		case 'LineString':
			geometry.coordinates.forEach(visit);
			return;
		case 'MultiLineString':
		case 'Polygon':
			geometry.coordinates.forEach((ring) => ring.forEach(visit));
			return;
		case 'MultiPolygon':
			geometry.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(visit)));
			return;
		case 'GeometryCollection':
			geometry.geometries.forEach((g) => eachPosition(g, visit));
	}
}

/**
 * The bounding box of every coordinate in the collections.
 * @returns the box, or null when there is nothing drawable (no features, or only null geometries)
 */
export function boundsOf(
	collections: readonly (FeatureCollection | null | undefined)[]
): Bounds | null {
	let west = Infinity;
	let south = Infinity;
	let east = -Infinity;
	let north = -Infinity;
	for (const fc of collections) {
		for (const feature of fc?.features ?? []) {
			eachPosition(feature.geometry, ([lon, lat]) => {
				// Skip broken coordinates rather than framing the map on NaN.
				if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
				west = Math.min(west, lon);
				east = Math.max(east, lon);
				south = Math.min(south, lat);
				north = Math.max(north, lat);
			});
		}
	}
	return west === Infinity
		? null
		: [
				[west, south],
				[east, north]
			];
}

export interface PadOptions {
	/** Share of the box's width and height added on each side. Default 0.05. */
	fraction?: number;
	/**
	 * Smallest width and height in degrees, so a single point (a box of no size) opens at street
	 * level rather than MapLibre's maximum zoom. Default 0.01 (about 1 kilometre north to south).
	 */
	minSpan?: number;
}

/** A box grown by a share of its size on every side, and to at least a minimum span. */
export function padBounds(
	bounds: Bounds,
	{ fraction = 0.05, minSpan = 0.01 }: PadOptions = {}
): Bounds {
	const [[west, south], [east, north]] = bounds;
	const width = Math.max(east - west, minSpan);
	const height = Math.max(north - south, minSpan);
	const midLon = (west + east) / 2;
	const midLat = (south + north) / 2;
	const halfW = (width * (1 + 2 * fraction)) / 2;
	const halfH = (height * (1 + 2 * fraction)) / 2;
	return [
		[Math.max(-180, midLon - halfW), Math.max(-85, midLat - halfH)],
		[Math.min(180, midLon + halfW), Math.min(85, midLat + halfH)]
	];
}

/**
 * Where the map should open: the padded box of the data, or England and Wales when there is none.
 * @example fitTarget([patchAreas, assetPoints])
 */
export function fitTarget(
	collections: readonly (FeatureCollection | null | undefined)[],
	options?: PadOptions
): Bounds {
	const bounds = boundsOf(collections);
	return bounds ? padBounds(bounds, options) : ENGLAND_AND_WALES;
}
