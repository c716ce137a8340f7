/**
 * Distances on the sphere for "near me" searches: great-circle metres (haversine) and the bounding
 * box that holds every point within a radius, for an R*Tree to narrow candidates before the exact test.
 */
import type { BoundingBox } from '../geometry';

/** Mean Earth radius in metres (IUGG), the value Turf uses. The SQL distance uses the same. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** Whether [lon, lat] is a real place on Earth. */
export function isOnGlobe([lon, lat]: readonly [number, number]): boolean {
	return (
		Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90
	);
}

/**
 * Great-circle distance in metres between two [lon, lat] points.
 * @example haversineMetres([-0.1276, 51.5072], [-2.2426, 53.4808]) // about 262,000 (London to Manchester)
 */
export function haversineMetres(
	[lon1, lat1]: readonly [number, number],
	[lon2, lat2]: readonly [number, number]
): number {
	const h =
		Math.sin(toRadians(lat2 - lat1) / 2) ** 2 +
		Math.cos(toRadians(lat1)) *
			Math.cos(toRadians(lat2)) *
			Math.sin(toRadians(lon2 - lon1) / 2) ** 2;
	return EARTH_RADIUS_METRES * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The smallest longitude/latitude box holding every point within `metres` of [lon, lat]. Near a pole,
 * or where the circle crosses the 180th meridian, the box spans every longitude (a safe superset).
 * @example boxAround([-1.5, 52.6], 5000) // about ±0.045° latitude, ±0.074° longitude
 */
export function boxAround([lon, lat]: readonly [number, number], metres: number): BoundingBox {
	if (!isOnGlobe([lon, lat])) throw new RangeError(`Not a place on Earth: ${lon}, ${lat}`);
	if (!Number.isFinite(metres) || metres < 0) throw new RangeError(`Not a distance: ${metres}`);
	const angle = metres / EARTH_RADIUS_METRES;
	const minLat = lat - toDegrees(angle);
	const maxLat = lat + toDegrees(angle);
	if (minLat <= -90 || maxLat >= 90 || angle >= Math.PI / 2) {
		return {
			minLon: -180,
			maxLon: 180,
			minLat: Math.max(-90, minLat),
			maxLat: Math.min(90, maxLat)
		};
	}
	// The circle's widest longitude is not at its centre's latitude, hence asin(sin/cos).
	const halfWidth = toDegrees(Math.asin(Math.min(1, Math.sin(angle) / Math.cos(toRadians(lat)))));
	if (lon - halfWidth < -180 || lon + halfWidth > 180) {
		return { minLon: -180, maxLon: 180, minLat, maxLat };
	}
	return { minLon: lon - halfWidth, maxLon: lon + halfWidth, minLat, maxLat };
}
