/**
 * The patch editor's request for the census small areas near the shape being drawn: the server's
 * small-areas endpoint, limited to a bounding box once the shape has one.
 */
import type { BoundingBox } from '$lib/domain/geometry';
import type { SmallAreasResponse } from './live-estimator';

/** `minLon,minLat,maxLon,maxLat` to 6 decimal places (about 10 cm), as the endpoint reads it. */
export function boxParam(box: BoundingBox): string {
	return [box.minLon, box.minLat, box.maxLon, box.maxLat].map((n) => n.toFixed(6)).join(',');
}

/** The small areas from `endpoint` (within `box` when given); throws on a failed response. */
export async function fetchSmallAreas(
	endpoint: string,
	box: BoundingBox | null
): Promise<SmallAreasResponse> {
	const url = new URL(endpoint, window.location.href);
	if (box) url.searchParams.set('bbox', boxParam(box));
	const response = await fetch(url, { headers: { accept: 'application/json' } });
	if (!response.ok) throw new Error(`Small areas could not be fetched (${response.status})`);
	return response.json();
}
