/**
 * Where a refused boundary crosses itself, in words a person can find in a GIS: each crossing's
 * latitude and longitude, and the edges that meet there, numbered by the points of the ring as the
 * file lists them ("the outer ring's edge from point 1 to point 2").
 */
import type { AreaGeometry } from '../geometry';
import type { GeometryProblem } from '../sizing/types';

/** Crossings named in full; the rest are counted. */
const SHOWN = 3;

/** How far (in degrees, about 1 cm) a crossing may be from an edge and still be on it. */
const ON_EDGE = 1e-7;

type Position = number[];

function distanceToSegment([x, y]: Position, [ax, ay]: Position, [bx, by]: Position): number {
	const dx = bx - ax;
	const dy = by - ay;
	const length2 = dx * dx + dy * dy;
	const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
	return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function ringName(part: number, ring: number, parts: number): string {
	const which = ring === 0 ? 'outer ring' : `hole ${ring}`;
	return parts > 1 ? `part ${part + 1}'s ${which}` : `the ${which}`;
}

/** The edges that pass through a point, as "the outer ring's edge from point 1 to point 2". */
export function edgesThrough(geometry: AreaGeometry, point: [number, number]): string[] {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const found: string[] = [];
	polygons.forEach((polygon, part) => {
		polygon.forEach((ring, r) => {
			for (let i = 0; i + 1 < ring.length; i++) {
				if (distanceToSegment(point, ring[i], ring[i + 1]) > ON_EDGE) continue;
				const to = i + 2 === ring.length ? 1 : i + 2;
				found.push(
					`${ringName(part, r, polygons.length)}'s edge from point ${i + 1} to point ${to}`
				);
			}
		});
	});
	return found;
}

/** A latitude and longitude to 5 decimal places (about 1 m), as other maps take them. */
const place = ([lon, lat]: [number, number]) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`;

/**
 * Where the crossings are, to follow the problem's message.
 * @example whereItCrosses(bowTie, problem) // ': near 53.45250, -2.29500 (latitude, longitude), where the outer ring's edge from point 1 to point 2 and the outer ring's edge from point 3 to point 4 cross'
 */
export function whereItCrosses(geometry: AreaGeometry, problem: GeometryProblem): string {
	if (problem.at.length === 0) return '';
	const places = problem.at.slice(0, SHOWN).map((point) => {
		const edges = edgesThrough(geometry, point);
		// A crossing at a shared vertex touches four edges: naming them helps less than the place.
		const where = edges.length === 2 ? `, where ${edges[0]} and ${edges[1]} cross` : '';
		return `near ${place(point)} (latitude, longitude)${where}`;
	});
	const more = problem.at.length - places.length;
	return `: ${places.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
