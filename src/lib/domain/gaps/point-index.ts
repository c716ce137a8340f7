/**
 * A spatial index of points answering "which is nearest?" and "which are within d metres?" exactly on
 * the sphere (haversine), never by scanning every point. Flatbush holds the points with longitude
 * scaled by the cosine of their mean latitude, so its planar nearest is almost always the true one;
 * the answer is then made exact by checking every point in the box that holds the circle through it.
 */
import Flatbush from 'flatbush';
import { EARTH_RADIUS_METRES } from '../directory/distance';

const RAD = Math.PI / 180;

/** Great-circle metres between two points given as numbers (no arrays: this runs millions of times). */
export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
	const h =
		Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 +
		Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
	return EARTH_RADIUS_METRES * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Nearest {
	/** Position of the point in the list the index was built from. */
	item: number;
	metres: number;
}

export interface PointIndex {
	readonly size: number;
	/** The nearest point and its distance, or null when the index is empty. */
	nearest(lon: number, lat: number): Nearest | null;
	/** Every point within `metres` (inclusive), in no particular order. */
	within(lon: number, lat: number, metres: number): number[];
	/**
	 * The nearest point, given a point of the index believed near (e.g. the answer for a neighbouring
	 * query): only the box around the circle through that point is searched. Same answer as nearest().
	 */
	nearestFrom(lon: number, lat: number, hint: number): Nearest | null;
}

/**
 * Builds the index.
 * @param points [lon, lat] of each point
 * @example pointIndex([[-2.35, 53.39]]).nearest(-2.34, 53.39) // { item: 0, metres: 664.7… }
 */
export function pointIndex(points: readonly (readonly [number, number])[]): PointIndex {
	const size = points.length;
	const lons = new Float64Array(size);
	const lats = new Float64Array(size);
	let latSum = 0;
	points.forEach(([lon, lat], i) => {
		lons[i] = lon;
		lats[i] = lat;
		latSum += lat;
	});
	if (size === 0) return { size, nearest: () => null, within: () => [], nearestFrom: () => null };
	const scale = Math.cos((latSum / size) * RAD);
	const index = new Flatbush(size, 16);
	for (let i = 0; i < size; i++) index.add(lons[i] * scale, lats[i], lons[i] * scale, lats[i]);
	index.finish();

	/** The box (in index coordinates) holding every point within `metres` of [lon, lat]. */
	const boxAround = (
		lon: number,
		lat: number,
		metres: number
	): [number, number, number, number] => {
		const angle = metres / EARTH_RADIUS_METRES;
		const dLat = angle / RAD;
		// The circle's widest longitude is not at its centre's latitude, hence asin(sin/cos).
		const dLon = Math.asin(Math.min(1, Math.sin(angle) / Math.cos(lat * RAD))) / RAD;
		const wide = !Number.isFinite(dLon) || Math.abs(lat) + dLat >= 90;
		return [
			wide ? -Infinity : (lon - dLon) * scale,
			lat - dLat,
			wide ? Infinity : (lon + dLon) * scale,
			lat + dLat
		];
	};

	const within = (lon: number, lat: number, metres: number): number[] => {
		const [minX, minY, maxX, maxY] = boxAround(lon, lat, metres);
		return index.search(
			minX,
			minY,
			maxX,
			maxY,
			(i) => haversine(lon, lat, lons[i], lats[i]) <= metres
		);
	};

	const nearestFrom = (lon: number, lat: number, guess: number): Nearest => {
		let item = guess;
		let best = haversine(lon, lat, lons[guess], lats[guess]);
		// Anything nearer on the sphere lies in the box around the circle through the planar nearest.
		const [minX, minY, maxX, maxY] = boxAround(lon, lat, best);
		for (const i of index.search(minX, minY, maxX, maxY)) {
			const metres = haversine(lon, lat, lons[i], lats[i]);
			if (metres < best || (metres === best && i < item)) {
				best = metres;
				item = i;
			}
		}
		return { item, metres: best };
	};

	const nearest = (lon: number, lat: number): Nearest =>
		nearestFrom(lon, lat, index.neighbors(lon * scale, lat, 1)[0]);

	return { size, nearest, within, nearestFrom };
}
