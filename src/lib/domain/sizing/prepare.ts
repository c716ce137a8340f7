/**
 * Small areas made ready for sizing: built once, reused for every patch (the editor recomputes one
 * patch on every drag). Holds each area's projected rings, planar area, representative point and two
 * flatbush indexes, one of bounding boxes and one of points. A small area without a point gets one
 * strictly inside it (see point.ts: Turf's pointOnFeature can return a point on the boundary).
 */
import Flatbush from 'flatbush';
import type { SmallAreaInput } from './types';
import {
	assertLonLat,
	coordinateCount,
	createArena,
	planeOrigin,
	projectPoint,
	projectShape,
	type PlaneOrigin,
	type PlaneShape
} from './plane';
import { interiorPoint } from './point';

export interface PreparedSmallAreas {
	readonly count: number;
	readonly codes: readonly string[];
	readonly population: Float64Array;
	readonly totalPopulation: number;
	/** The middle of the small areas' extent; patches are projected about it too. */
	readonly origin: PlaneOrigin;
	readonly shapes: readonly PlaneShape[];
	/** Representative points in the plane, [x0, y0, x1, y1, …]. */
	readonly points: Float64Array;
	/** Representative points as [lon, lat] pairs, for maps and messages. */
	readonly lonLatPoints: Float64Array;
	/** Bounding boxes in the plane; null when there are no small areas. */
	readonly boxIndex: Flatbush | null;
	/** Representative points in the plane; null when there are no small areas. */
	readonly pointIndex: Flatbush | null;
	/**
	 * Per small area: 0 not yet known, 1 its rings wind 0 or 1 everywhere (simple-rings.ts), 2 not.
	 * Filled as checks need it (shares.ts), in shared memory where the platform has it, so a pool's
	 * worker threads fill one copy and keep it from one check to the next.
	 */
	readonly simple: Uint8Array;
}

function describe(area: SmallAreaInput, index: number): string {
	return typeof area?.code === 'string' && area.code !== ''
		? `Small area ${area.code}`
		: `Small area number ${index + 1}`;
}

/** The middle of all the areas' longitudes and latitudes. */
function originOf(areas: SmallAreaInput[]): PlaneOrigin {
	let minLon = Infinity;
	let minLat = Infinity;
	let maxLon = -Infinity;
	let maxLat = -Infinity;
	for (const area of areas) {
		const polygons =
			area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
		for (const polygon of polygons) {
			// Outer rings bound the area; holes lie inside them.
			for (const position of polygon[0] ?? []) {
				const lon = position[0];
				const lat = position[1];
				if (lon < minLon) minLon = lon;
				if (lon > maxLon) maxLon = lon;
				if (lat < minLat) minLat = lat;
				if (lat > maxLat) maxLat = lat;
			}
		}
	}
	if (!Number.isFinite(minLon)) return planeOrigin(0, 0);
	return planeOrigin((minLon + maxLon) / 2, (minLat + maxLat) / 2);
}

/**
 * Checks and indexes small areas for sizing. Throws, naming the area, on a geometry that is not a
 * lon/lat polygon, a population that is not a number from 0 up, or a code used twice.
 * @param areas small areas with populations from one population set
 * @returns an object to pass to estimatePatch and checkProgramme, as many times as needed
 */
export function prepareSmallAreas(areas: SmallAreaInput[]): PreparedSmallAreas {
	const seen = new Set<string>();
	areas.forEach((area, index) => {
		const what = describe(area, index);
		if (typeof area?.code !== 'string' || area.code === '')
			throw new TypeError(`${what} has no code`);
		if (seen.has(area.code)) throw new RangeError(`${what} appears more than once`);
		seen.add(area.code);
		if (!Number.isFinite(area.population) || area.population < 0) {
			throw new RangeError(
				`${what} has a population that is not a number from 0 up: ${area.population}`
			);
		}
		assertLonLat(area.geometry, what);
		if (area.point) assertPoint(area.point, what);
	});
	const origin = originOf(areas);
	const count = areas.length;
	const population = new Float64Array(count);
	const points = new Float64Array(count * 2);
	const lonLatPoints = new Float64Array(count * 2);
	const shapes: PlaneShape[] = new Array(count);
	const boxIndex = count > 0 ? new Flatbush(count) : null;
	const pointIndex = count > 0 ? new Flatbush(count) : null;
	let totalPopulation = 0;
	// Every ring lives in one Float64Array: 189,000 separate ones cost memory and collector time.
	const arena = createArena(areas.reduce((sum, area) => sum + coordinateCount(area.geometry), 0));
	for (let i = 0; i < count; i++) {
		const area = areas[i];
		population[i] = area.population;
		totalPopulation += area.population;
		const shape = projectShape(area.geometry, origin, arena);
		shapes[i] = shape;
		const [lon, lat] = area.point ?? interiorPoint(area.geometry);
		lonLatPoints[i * 2] = lon;
		lonLatPoints[i * 2 + 1] = lat;
		const [x, y] = projectPoint(lon, lat, origin);
		points[i * 2] = x;
		points[i * 2 + 1] = y;
		if (shape.rings.length > 0) boxIndex!.add(shape.minX, shape.minY, shape.maxX, shape.maxY);
		else boxIndex!.add(x, y, x, y);
		pointIndex!.add(x, y, x, y);
	}
	boxIndex?.finish();
	pointIndex?.finish();
	return {
		count,
		codes: areas.map((area) => area.code),
		population,
		totalPopulation,
		origin,
		shapes,
		points,
		lonLatPoints,
		boxIndex,
		pointIndex,
		simple:
			typeof SharedArrayBuffer === 'function'
				? new Uint8Array(new SharedArrayBuffer(count))
				: new Uint8Array(count)
	};
}

function assertPoint(point: [number, number], what: string): void {
	const [lon, lat] = point;
	if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
		throw new RangeError(
			`${what} has a representative point (${lon}, ${lat}) that is not a longitude and latitude`
		);
	}
}
