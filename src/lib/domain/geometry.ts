/** Small geometry facts every stored area needs: bounding box, area on the sphere, a point inside. */
import { area, bbox } from '@turf/turf';
import { interiorPoint } from './sizing/point';

export type AreaGeometry = GeoJSON.Polygon | GeoJSON.MultiPolygon;

export interface BoundingBox {
	minLon: number;
	minLat: number;
	maxLon: number;
	maxLat: number;
}

/**
 * The bounding box of a polygon or multipolygon.
 * @example boundingBoxOf({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 2], [0, 0]]] })
 * // { minLon: 0, minLat: 0, maxLon: 1, maxLat: 2 }
 */
export function boundingBoxOf(geometry: AreaGeometry): BoundingBox {
	const [minLon, minLat, maxLon, maxLat] = bbox(geometry);
	return { minLon, minLat, maxLon, maxLat };
}

/** Area in square metres, computed on the sphere (Turf). */
export function areaInSquareMetres(geometry: AreaGeometry): number {
	return area(geometry);
}

/**
 * A point strictly inside the area (unlike the centroid of a crescent, or Turf's pointOnFeature, which
 * can fall back to a corner on the boundary), as [lon, lat]. This is the "representative point" the
 * centroid method counts.
 */
export function representativePoint(geometry: AreaGeometry): [number, number] {
	return interiorPoint(geometry);
}

/** Whether two bounding boxes share any point. */
export function boxesIntersect(a: BoundingBox, b: BoundingBox): boolean {
	return (
		a.minLon <= b.maxLon && b.minLon <= a.maxLon && a.minLat <= b.maxLat && b.minLat <= a.maxLat
	);
}
