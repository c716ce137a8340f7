/**
 * A patch that covers no small area at all: drawn in the wrong place, or in coordinates that landed
 * elsewhere. Its population is 0 by either method, which reads as "add about 10,000 people" unless it
 * is named as a problem of its own.
 */
import { candidatesFor } from './estimate';
import type { PreparedPatch } from './patch';
import type { PreparedSmallAreas } from './prepare';
import { shareOf } from './shares';
import type { GeometryProblem } from './types';

/** Whether any small area lies partly in the patch, or has its representative point there. */
export function coversAnySmallArea(prepared: PreparedSmallAreas, patch: PreparedPatch): boolean {
	for (const i of candidatesFor(prepared, patch)) {
		const { share, pointInside } = shareOf(prepared, i, patch);
		if (share > 0 || pointInside) return true;
	}
	return false;
}

/** The problem listed for such a patch, placed at its first point so the map can show it. */
export function noSmallAreaProblem(patch: PreparedPatch): GeometryProblem {
	const geometry = patch.input.geometry;
	const first =
		geometry.type === 'Polygon' ? geometry.coordinates[0]?.[0] : geometry.coordinates[0]?.[0]?.[0];
	return {
		kind: 'no_small_area',
		message: 'The patch covers no small area of the programme, so it counts 0 people',
		at: first ? [[first[0], first[1]]] : []
	};
}
