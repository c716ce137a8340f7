/** Which small area a click on the map landed in, for "click a small area to move it". */
import { booleanPointInPolygon } from '@turf/turf';
import type { AreaGeometry } from '../geometry';

/**
 * The code of the first small area containing the point, or null.
 * @example smallAreaAt([-2.325, 53.443], areas) // 'c0-0'
 */
export function smallAreaAt(
	point: [number, number],
	areas: readonly { code: string; geometry: AreaGeometry }[]
): string | null {
	for (const area of areas) if (booleanPointInPolygon(point, area.geometry)) return area.code;
	return null;
}
