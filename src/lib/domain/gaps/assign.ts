/**
 * Which patches each entry at a place belongs to: those whose boundary holds its point (several where
 * patches overlap), as DESIGN.md says. A bounding-box index narrows the patches before the exact test.
 */
import Flatbush from 'flatbush';
import { boundingBoxOf, type AreaGeometry } from '../geometry';
import { pointInArea } from '../point-in-area';

export interface PatchShape {
	id: number;
	geometry: AreaGeometry;
}

/**
 * A function from a point to the ids of the patches holding it, in the order the patches were given.
 * @example patchFinder([{ id: 1, geometry: square }])([0.5, 0.5]) // [1]
 */
export function patchFinder(patches: readonly PatchShape[]): (point: [number, number]) => number[] {
	if (patches.length === 0) return () => [];
	const index = new Flatbush(patches.length);
	for (const patch of patches) {
		const box = boundingBoxOf(patch.geometry);
		index.add(box.minLon, box.minLat, box.maxLon, box.maxLat);
	}
	index.finish();
	return ([lon, lat]) =>
		index
			.search(lon, lat, lon, lat)
			.sort((a, b) => a - b)
			.filter((i) => pointInArea([lon, lat], patches[i].geometry))
			.map((i) => patches[i].id);
}
