/**
 * The geometry operations behind scenario edits, with Turf: add or take away a small area's polygon,
 * join two patches, and cut a patch in two along a drawn line. Each returns null for "nothing left".
 */
import { bbox, difference, featureCollection, intersect, kinks, polygon, union } from '@turf/turf';
import type { AreaGeometry } from '../geometry';

const feature = (geometry: AreaGeometry) => ({
	type: 'Feature' as const,
	properties: {},
	geometry
});

/** Below this (square degrees, about 0.01 m² in England) a piece is rounding noise, not a shape. */
const NOISE = 1e-12;

/** Drops the specks clipping can leave where two edges nearly meet; null when nothing is left. */
function tidy(geometry: AreaGeometry | undefined | null): AreaGeometry | null {
	if (!geometry) return null;
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const kept = polygons.filter((rings) => Math.abs(ringArea(rings[0])) > NOISE);
	if (kept.length === 0) return null;
	return kept.length === 1
		? { type: 'Polygon', coordinates: kept[0] }
		: { type: 'MultiPolygon', coordinates: kept };
}

function ringArea(ring: GeoJSON.Position[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	}
	return sum / 2;
}

/** Whether two shapes' bounding boxes share a point: the cheap test before clipping. */
export function boxesMeet(a: AreaGeometry, b: AreaGeometry): boolean {
	const [aw, as, ae, an] = bbox(a);
	const [bw, bs, be, bn] = bbox(b);
	return aw <= be && bw <= ae && as <= bn && bs <= an;
}

/** a ∪ b. */
export function joinShapes(a: AreaGeometry, b: AreaGeometry): AreaGeometry {
	const joined = tidy(union(featureCollection([feature(a), feature(b)]))?.geometry);
	if (!joined) throw new Error('Joining two shapes left nothing');
	return joined;
}

/** a − b, or null when nothing of a is left. */
export function cutAway(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
	if (!boxesMeet(a, b)) return a;
	return tidy(difference(featureCollection([feature(a), feature(b)]))?.geometry);
}

/** a ∩ b, or null when they do not meet. */
export function overlapOf(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
	if (!boxesMeet(a, b)) return null;
	return tidy(intersect(featureCollection([feature(a), feature(b)]))?.geometry);
}

/**
 * The two sides of a shape along a line drawn across it. The line is carried on well past the shape
 * at both ends and closed round on its left, making a cutter polygon: the left side is shape ∩
 * cutter, the right side shape − cutter.
 * @returns null when the line does not cut the shape in two (or turns back on itself)
 * @example splitShape(square, { type: 'LineString', coordinates: [[0.5, -1], [0.5, 2]] })
 */
export function splitShape(
	shape: AreaGeometry,
	line: GeoJSON.LineString
): { left: AreaGeometry; right: AreaGeometry } | null {
	const points = line.coordinates;
	if (points.length < 2) return null;
	const [w, s, e, n] = bbox(shape);
	const far = 4 * Math.hypot(e - w, n - s) + 1;
	const unit = (from: GeoJSON.Position, to: GeoJSON.Position) => {
		const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
		return length === 0 ? null : [(to[0] - from[0]) / length, (to[1] - from[1]) / length];
	};
	const first = unit(points[0], points[1]);
	const last = unit(points[points.length - 2], points[points.length - 1]);
	if (!first || !last) return null;
	const start = [points[0][0] - first[0] * far, points[0][1] - first[1] * far];
	const end = [
		points[points.length - 1][0] + last[0] * far,
		points[points.length - 1][1] + last[1] * far
	];
	// Left of a direction (dx, dy) is (-dy, dx).
	const endLeft = [end[0] - last[1] * far, end[1] + last[0] * far];
	const startLeft = [start[0] - first[1] * far, start[1] + first[0] * far];
	const ring = [start, ...points.map((p) => [p[0], p[1]]), end, endLeft, startLeft, start];
	const cutter = polygon([ring]);
	if (kinks(cutter).features.length > 0) return null;
	const left = overlapOf(shape, cutter.geometry);
	const right = cutAway(shape, cutter.geometry);
	if (!left || !right) return null;
	return { left, right };
}
