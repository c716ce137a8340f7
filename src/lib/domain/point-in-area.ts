/** Whether a point lies in a polygon or multipolygon, with a bounding-box rejection first. */
import { booleanPointInPolygon } from '@turf/turf';
import type { AreaGeometry } from './geometry';

/**
 * True when [lon, lat] is inside the area (points on the edge count as inside).
 * @example pointInArea([0.5, 0.5], { type: 'Polygon', coordinates: [[[0,0],[1,0],[1,1],[0,1],[0,0]]] }) // true
 */
export function pointInArea(point: [number, number], area: AreaGeometry): boolean {
	return booleanPointInPolygon(point, area);
}
