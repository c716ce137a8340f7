/**
 * The representative point of a small area for the centroid method: a point strictly inside it.
 *
 * Turf's pointOnFeature returns the middle of the bounding box when that is inside, and otherwise
 * falls back to a vertex: a point ON the boundary. On Trafford's Output Areas that put three L-shaped
 * areas' points on their MSOA's border, where the neighbouring MSOA counted them (off by up to 607
 * people). So when Turf's point is not strictly inside, this takes the middle of the widest stretch
 * of the area along a horizontal line through its middle (as PostGIS's ST_PointOnSurface does).
 */
import { area, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { AreaGeometry } from '../geometry';

type Position = GeoJSON.Position;

/** The middle of the widest interior stretch along a horizontal line through the polygon's middle. */
function scanlinePoint(rings: Position[][]): [number, number] | null {
	let minY = Infinity;
	let maxY = -Infinity;
	for (const [, y] of rings[0]) {
		minY = Math.min(minY, y);
		maxY = Math.max(maxY, y);
	}
	const middle = (minY + maxY) / 2;
	// Between the nearest vertex heights either side of the middle, so the line misses every vertex.
	let below = minY;
	let above = maxY;
	for (const ring of rings) {
		for (const [, y] of ring) {
			if (y <= middle && y > below) below = y;
			if (y > middle && y < above) above = y;
		}
	}
	const scanY = (below + above) / 2;
	const xs: number[] = [];
	for (const ring of rings) {
		for (let i = 0; i < ring.length - 1; i++) {
			const [x1, y1] = ring[i];
			const [x2, y2] = ring[i + 1];
			if (y1 > scanY !== y2 > scanY) xs.push(x1 + ((scanY - y1) * (x2 - x1)) / (y2 - y1));
		}
	}
	xs.sort((a, b) => a - b);
	let best: [number, number] | null = null;
	let widest = 0;
	for (let i = 0; i + 1 < xs.length; i += 2) {
		if (xs[i + 1] - xs[i] > widest) {
			widest = xs[i + 1] - xs[i];
			best = [(xs[i] + xs[i + 1]) / 2, scanY];
		}
	}
	return best;
}

/**
 * Whether a point is strictly inside one polygon's rings (even-odd; holes are holes); null when it
 * lies on an edge, so the caller asks Turf.
 */
function strictlyInside(rings: Position[][], x: number, y: number): boolean | null {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const xi = ring[i][0];
			const yi = ring[i][1];
			const xj = ring[j][0];
			const yj = ring[j][1];
			const cross = (xj - xi) * (y - yi) - (x - xi) * (yj - yi);
			const within =
				Math.min(xi, xj) <= x &&
				x <= Math.max(xi, xj) &&
				Math.min(yi, yj) <= y &&
				y <= Math.max(yi, yj);
			if (cross === 0 && within) return null;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

/**
 * The middle of the bounding box when it is strictly inside: what Turf's pointOnFeature returns
 * then, found without Turf's feature wrapping (this runs once per small area, 189,000 times).
 */
function boxMiddle(geometry: AreaGeometry): [number, number] | null {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const polygon of polygons) {
		for (const ring of polygon) {
			for (const position of ring) {
				const x = position[0];
				const y = position[1];
				if (x < minX) minX = x;
				if (x > maxX) maxX = x;
				if (y < minY) minY = y;
				if (y > maxY) maxY = y;
			}
		}
	}
	const x = (minX + maxX) / 2;
	const y = (minY + maxY) / 2;
	for (const polygon of polygons) {
		const inside = strictlyInside(polygon, x, y);
		if (inside === null) return null;
		if (inside) return [x, y];
	}
	return null;
}

/**
 * A point strictly inside a polygon or multipolygon (in its largest part), as [lon, lat].
 * @example interiorPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // [1, 1]
 */
export function interiorPoint(geometry: AreaGeometry): [number, number] {
	const middle = boxMiddle(geometry);
	if (middle) return middle;
	const [lon, lat] = pointOnFeature(geometry).geometry.coordinates;
	if (booleanPointInPolygon([lon, lat], geometry, { ignoreBoundary: true })) return [lon, lat];
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const largest = polygons.reduce((a, b) =>
		area({ type: 'Polygon', coordinates: b }) > area({ type: 'Polygon', coordinates: a }) ? b : a
	);
	return scanlinePoint(largest) ?? [lon, lat];
}
