/**
 * Problems with a patch boundary that a council officer should fix: edges that cross, slivers, and
 * parts that do not touch. Each comes with plain words and the points where it is.
 *
 * Thresholds (documented here because they are judgement calls):
 * - A sliver is a part or a hole under 100 m² (smaller than a house plot: a stray click), or one whose
 *   Polsby-Popper compactness 4πA/P² is under 0.01: a strip more than about 300 times longer than it
 *   is wide. Real neighbourhoods score 0.1 to 0.6, even with jagged edges; a 10 km by 300 m patch
 *   along a canal scores about 0.09.
 * - Crossings are looked for only up to maxVertices points (5,000 by default): Turf's kinks is
 *   quadratic. A sweep finds which parts have meeting edges first, and kinks runs only on those.
 */
import { booleanPointInPolygon, kinks, polygon as turfPolygon } from '@turf/turf';
import { formatDistance, formatNumber } from '../format';
import type { AreaGeometry } from '../geometry';
import type { GeometryProblem } from './types';
import { flatPolygons, type FlatPolygon } from './plane-flat';
import { scratchFloat64 } from './scratch';
import { sweepEdges, type Ring } from './segments';

export const SLIVER_MIN_AREA_M2 = 100;
export const SLIVER_MIN_COMPACTNESS = 0.01;
export const DEFAULT_MAX_VERTICES = 5000;

type Position = GeoJSON.Position;

/**
 * A ring as flat [lon0, lat0, lon1, lat1, …] without its closing point or repeated neighbouring
 * points (a view into scratch memory: valid until the next patch is checked).
 */
type CleanRing = Float64Array;

/** Cleans a flat ring into `into` at `at`; returns the clean ring (a view). */
function cleanRing(ring: ArrayLike<number>, into: Float64Array, at: number): CleanRing {
	let n = at;
	for (let i = 0; i + 1 < ring.length; i += 2) {
		const x = ring[i];
		const y = ring[i + 1];
		if (n === at || into[n - 2] !== x || into[n - 1] !== y) {
			into[n++] = x;
			into[n++] = y;
		}
	}
	while (n - at > 2 && into[at] === into[n - 2] && into[at + 1] === into[n - 1]) n -= 2;
	return into.subarray(at, n);
}

/** A clean ring as closed GeoJSON positions, for Turf. */
function closed(ring: CleanRing): Position[] {
	const positions: Position[] = [];
	for (let i = 0; i < ring.length; i += 2) positions.push([ring[i], ring[i + 1]]);
	positions.push([ring[0], ring[1]]);
	return positions;
}

/** Turf's Earth radius (its mean radius), so areas match turf.area. */
const RADIUS = 6371008.8;
const RADIANS = Math.PI / 180;

/**
 * Area of a clean ring in m², by Turf's own formula (the shoelace on longitude and sin(latitude))
 * without building a Turf polygon for every ring of every patch.
 */
function ringSquareMetres(ring: CleanRing): number {
	let sum = 0;
	const n = ring.length;
	// Each edge from the point before: one sine per point.
	let lastLon = ring[n - 2];
	let lastSin = Math.sin(ring[n - 1] * RADIANS);
	for (let i = 0; i < n; i += 2) {
		const lon = ring[i];
		const sin = Math.sin(ring[i + 1] * RADIANS);
		sum += (lon - lastLon) * (lastSin + sin);
		lastLon = lon;
		lastSin = sin;
	}
	return Math.abs((sum * RADIANS * RADIUS * RADIUS) / 2);
}

/** Perimeter of a clean ring in metres, flat at the ring's latitude (good to 0.1% over 10 km). */
function ringMetres(ring: CleanRing): number {
	let sum = 0;
	const n = ring.length;
	// One east-west scale per ring: a patch spans a fraction of a degree.
	const scale = Math.cos(ring[1] * RADIANS);
	for (let i = 0; i < n; i += 2) {
		const j = (i + 2) % n;
		const dx = (ring[j] - ring[i]) * scale;
		const dy = ring[j + 1] - ring[i + 1];
		sum += Math.sqrt(dx * dx + dy * dy);
	}
	return sum * RADIANS * RADIUS;
}

function pluralPoints(n: number): string {
	return n === 1 ? '1 point' : `${formatNumber(n)} points`;
}

function width(metres: number): string {
	if (metres < 1) return 'less than 1 metre';
	if (metres < 10) return `about ${Math.round(metres)} metres`;
	return `about ${formatDistance(metres)}`;
}

/** A sliver problem for one ring, or null. */
function sliver(ring: CleanRing, hole: boolean, holesArea = 0): GeometryProblem | null {
	const ringArea = ringSquareMetres(ring);
	const squareMetres = Math.max(0, ringArea - holesArea);
	const perimeter = ringMetres(ring);
	const compactness = perimeter > 0 ? (4 * Math.PI * ringArea) / (perimeter * perimeter) : 0;
	const what = hole ? 'A hole in the patch' : 'A part of the patch';
	const at: [number, number][] = [[ring[0], ring[1]]];
	if (squareMetres < SLIVER_MIN_AREA_M2) {
		return {
			kind: 'sliver',
			message: `${what} covers only ${formatNumber(squareMetres)} m², which is usually a stray point or a drawing mistake`,
			at
		};
	}
	if (compactness < SLIVER_MIN_COMPACTNESS) {
		return {
			kind: 'sliver',
			message: `${what} is a sliver ${width((2 * ringArea) / perimeter)} wide, which is usually a drawing mistake`,
			at
		};
	}
	return null;
}

/** Union-find over parts, for "parts that do not touch". */
function components(count: number, links: Iterable<[number, number]>): number[][] {
	const parent = Array.from({ length: count }, (_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	for (const [a, b] of links) parent[find(a)] = find(b);
	const groups = new Map<number, number[]>();
	for (let i = 0; i < count; i++) {
		const root = find(i);
		groups.set(root, [...(groups.get(root) ?? []), i]);
	}
	return [...groups.values()];
}

/**
 * Checks a patch boundary for self-intersections, slivers and parts that do not touch.
 * @param geometry a lon/lat Polygon or MultiPolygon
 * @returns problems in plain words, empty when the boundary is fine
 * @example validatePatchGeometry(bowTie)[0].message // 'The boundary crosses itself at 1 point'
 */
export function validatePatchGeometry(
	geometry: AreaGeometry,
	options: { maxVertices?: number } = {}
): GeometryProblem[] {
	if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') {
		throw new TypeError('A patch boundary must be a Polygon or MultiPolygon');
	}
	return validatePatchRings(flatPolygons(geometry), options);
}

/**
 * validatePatchGeometry for a boundary's rings as flat [lon0, lat0, lon1, lat1, …] arrays, polygon
 * by polygon (a packed patch's, read in place on a worker thread: no GeoJSON is made).
 */
export function validatePatchRings(
	flat: FlatPolygon[],
	{ maxVertices = DEFAULT_MAX_VERTICES }: { maxVertices?: number } = {}
): GeometryProblem[] {
	let values = 0;
	for (const polygon of flat) for (const ring of polygon) values += ring.length;
	const into = scratchFloat64('validate-rings', values);
	let used = 0;
	const polygons: CleanRing[][] = [];
	for (const polygon of flat) {
		const kept: CleanRing[] = [];
		for (const ring of polygon) {
			const clean = cleanRing(ring, into, used);
			used += clean.length;
			if (clean.length >= 6) kept.push(clean);
		}
		if (kept.length > 0) polygons.push(kept);
	}
	const problems: GeometryProblem[] = [];
	let vertices = 0;
	const rings: Ring[] = [];
	polygons.forEach((polygon, part) => {
		for (const coords of polygon) {
			vertices += coords.length / 2;
			rings.push({ part, coords });
		}
	});

	if (vertices > maxVertices) {
		problems.push({
			kind: 'too_many_vertices',
			message: `The boundary has ${formatNumber(vertices)} points, more than the ${formatNumber(maxVertices)} that can be checked for crossings: simplify it and check again`,
			at: [[polygons[0][0][0], polygons[0][0][1]]]
		});
	}
	// The sweep is near-linear on real boundaries, so it still links touching parts above the cap.
	const sweep = vertices > 20 * maxVertices ? null : sweepEdges(rings);

	// A part whose ring crosses itself has a meaningless area (Turf cancels the lobes): no sliver check.
	const crossed = new Set<number>();
	if (sweep && vertices <= maxVertices) {
		const points: [number, number][] = [];
		const seen = new Set<string>();
		for (const part of [...sweep.selfMeeting].sort((a, b) => a - b)) {
			const found = kinks(turfPolygon(polygons[part].map(closed)));
			if (found.features.length > 0) crossed.add(part);
			for (const feature of found.features) {
				const [lon, lat] = feature.geometry.coordinates;
				const key = `${lon.toFixed(9)},${lat.toFixed(9)}`;
				if (!seen.has(key)) {
					seen.add(key);
					points.push([lon, lat]);
				}
			}
		}
		if (points.length > 0) {
			problems.push({
				kind: 'self_intersection',
				message: `The boundary crosses itself at ${pluralPoints(points.length)}`,
				at: points
			});
		}
		if (sweep.partCrossings.length > 0) {
			problems.push({
				kind: 'self_intersection',
				message: `Parts of the patch overlap each other, crossing at ${pluralPoints(sweep.partCrossings.length)}`,
				at: sweep.partCrossings
			});
		}
	}

	polygons.forEach((polygon, part) => {
		if (crossed.has(part)) return;
		const holeProblems = polygon.slice(1).map((hole) => sliver(hole, true));
		const holesArea = polygon.slice(1).reduce((sum, hole) => sum + ringSquareMetres(hole), 0);
		const outer = sliver(polygon[0], false, holesArea);
		for (const problem of [outer, ...holeProblems]) if (problem) problems.push(problem);
	});

	if (polygons.length > 1 && sweep) problems.push(...partProblems(polygons, sweep.touching));
	return problems;
}

/** Parts that do not touch, and parts wholly inside another (which overlap without crossing). */
function partProblems(polygons: CleanRing[][], touching: Set<string>): GeometryProblem[] {
	const problems: GeometryProblem[] = [];
	const links: [number, number][] = [...touching].map(
		(key) => key.split(',').map(Number) as [number, number]
	);
	const shapes = polygons.map((polygon) => turfPolygon(polygon.map(closed)));
	const boxes = polygons.map(([outer]) => {
		const box = [Infinity, Infinity, -Infinity, -Infinity];
		for (let k = 0; k < outer.length; k += 2) {
			box[0] = Math.min(box[0], outer[k]);
			box[1] = Math.min(box[1], outer[k + 1]);
			box[2] = Math.max(box[2], outer[k]);
			box[3] = Math.max(box[3], outer[k + 1]);
		}
		return box;
	});
	const inside: [number, number][] = [];
	// A part with no edge meeting another part's may still lie inside it (an overlap) or in its hole.
	for (let i = 0; i < polygons.length; i++) {
		for (let j = 0; j < polygons.length; j++) {
			if (i === j || links.some(([a, b]) => (a === i && b === j) || (a === j && b === i))) continue;
			const corner = [polygons[j][0][0], polygons[j][0][1]];
			const [minX, minY, maxX, maxY] = boxes[i];
			if (corner[0] < minX || corner[0] > maxX || corner[1] < minY || corner[1] > maxY) continue;
			if (booleanPointInPolygon(corner, shapes[i], { ignoreBoundary: true })) {
				inside.push([corner[0], corner[1]]);
				links.push([i, j]);
			}
		}
	}
	if (inside.length > 0) {
		problems.push({
			kind: 'self_intersection',
			message:
				inside.length === 1
					? 'One part of the patch lies inside another part'
					: `${inside.length} parts of the patch lie inside other parts`,
			at: inside
		});
	}
	const groups = components(polygons.length, links);
	if (groups.length > 1) {
		problems.push({
			kind: 'disconnected_parts',
			message: `The patch is in ${formatNumber(groups.length)} pieces that do not touch each other`,
			at: groups.map((group) => [polygons[group[0]][0][0], polygons[group[0]][0][1]])
		});
	}
	return problems;
}
