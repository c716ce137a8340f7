/**
 * An England-sized set of synthetic small areas for the benchmark: Voronoi cells of a jittered grid,
 * squeezed around a few "towns" so sizes vary like real Output Areas (small in towns, large in the
 * country), with every edge cut into 4-9 wiggling pieces, so most cells have 20-60 vertices. Each
 * shared edge is cut once and used by both neighbours, so the cells tile exactly.
 * Deterministic for a seed. About 300 people each.
 */
import { Delaunay } from 'd3-delaunay';
import { Random, deriveSeed } from '../../lib/demo/random';
import type { SmallAreaInput } from '../../lib/domain/sizing/types';

/** Average Output Area in England: about 130,000 km² over 189,000 areas. */
const KM2_PER_AREA = 0.69;
export const CENTRE = { lon: -1.5, lat: 52.6 };
const KM_PER_LAT = 111.2;
const KM_PER_LON = 111.32 * Math.cos((CENTRE.lat * Math.PI) / 180);

export interface SyntheticAreas {
	/** The small areas as GeoJSON, built on first use and then kept. */
	readonly areas: SmallAreaInput[];
	/**
	 * The same small areas, each building its GeoJSON afresh whenever read, so that 189,000 polygons
	 * never sit in memory at once (for work that reads them a few times and is not timed).
	 */
	lazyAreas(): SmallAreaInput[];
	/** Vertex ids of each area's ring (anticlockwise, unclosed), for building patches by union. */
	rings: Int32Array[];
	/** The same rings end to end (rings are views of it) and where each starts, and populations. */
	flat: FlatAreas;
	/** Small areas that share an edge, by area number. */
	neighbours: Int32Array[];
	/** Vertex positions in km east and north of the centre, [x0, y0, x1, y1, …]. */
	xy: Float64Array;
	/** Grid column and row of each area (before squeezing), for spreading patch seeds. */
	cell: Int32Array;
	cols: number;
	rows: number;
	/** [lon, lat] of each vertex id, shared by every ring that uses it. */
	position: (id: number) => [number, number];
	toLonLat: (x: number, y: number) => [number, number];
}

/** The synthetic areas as a few flat arrays: what lazyAreasOf needs to build their GeoJSON. */
export interface FlatAreas {
	/** Every area's ring (vertex ids), end to end; area i's is ringIds[ringStart[i] … ringStart[i + 1]). */
	ringIds: Int32Array;
	ringStart: Int32Array;
	/** Vertex positions in km east and north of the centre, [x0, y0, x1, y1, …]. */
	xy: Float64Array;
	population: Int32Array;
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
const areaCode = (i: number) => `B${String(i + 1).padStart(6, '0')}`;

/**
 * The small areas from flat arrays as GeoJSON, built now and kept, each vertex one [lon, lat] array
 * shared by the areas around it (the same as SyntheticAreas.areas).
 */
export function areasOf({ ringIds, ringStart, xy, population }: FlatAreas): SmallAreaInput[] {
	const positions: ([number, number] | undefined)[] = new Array(xy.length / 2);
	const at = (id: number) => (positions[id] ??= toLonLat(xy[id * 2], xy[id * 2 + 1]));
	return Array.from(population, (people, i) => {
		const coordinates = Array.from(ringIds.subarray(ringStart[i], ringStart[i + 1]), at);
		coordinates.push(coordinates[0]);
		return {
			code: areaCode(i),
			population: people,
			geometry: { type: 'Polygon', coordinates: [coordinates] }
		};
	});
}

/**
 * The small areas from flat arrays, each building its GeoJSON afresh whenever read, so that 189,000
 * polygons never sit in memory at once (for work that reads them a few times and is not timed).
 */
export function lazyAreasOf({ ringIds, ringStart, xy, population }: FlatAreas): SmallAreaInput[] {
	return Array.from(population, (people, i) => ({
		code: areaCode(i),
		population: people,
		get geometry(): SmallAreaInput['geometry'] {
			// Its own array literals, not toLonLat's: V8 learns that toLonLat's arrays live long
			// (position keeps them) and makes them in the old generation, where these
			// short-lived ones would pile up until a full collection.
			const from = ringStart[i];
			const length = ringStart[i + 1] - from;
			const coordinates: [number, number][] = new Array(length + 1);
			for (let k = 0; k < length; k++) {
				const id = ringIds[from + k];
				coordinates[k] = [
					round7(CENTRE.lon + xy[id * 2] / KM_PER_LON),
					round7(CENTRE.lat + xy[id * 2 + 1] / KM_PER_LAT)
				];
			}
			coordinates[length] = coordinates[0];
			return { type: 'Polygon', coordinates: [coordinates] };
		}
	}));
}

export function toLonLat(x: number, y: number): [number, number] {
	return [round7(CENTRE.lon + x / KM_PER_LON), round7(CENTRE.lat + y / KM_PER_LAT)];
}

/** Squeezes points toward town centres: cells there come out several times smaller. */
function squeezer(random: Random, half: number): (x: number, y: number) => [number, number] {
	const towns = Array.from({ length: 24 }, () => ({
		x: random.float(-half, half),
		y: random.float(-half, half),
		radius: random.float(0.03, 0.12) * half,
		pull: random.float(0.3, 0.6)
	}));
	return (x, y) => {
		let dx = 0;
		let dy = 0;
		for (const t of towns) {
			const d2 = ((x - t.x) ** 2 + (y - t.y) ** 2) / (t.radius * t.radius);
			const f = t.pull * Math.exp(-d2);
			dx -= (x - t.x) * f;
			dy -= (y - t.y) * f;
		}
		return [x + dx, y + dy];
	};
}

/**
 * The cells as rings of vertex ids, with their neighbours. Apart from what it returns, everything
 * here (the triangulation, the edge cuts) is left for the collector: the closures of
 * generateSmallAreas live as long as the areas do, and would otherwise keep this scope alive.
 */
function tessellate(count: number, seed: number) {
	const random = new Random(deriveSeed(seed, 'small-areas'));
	const side = Math.sqrt(count * KM2_PER_AREA);
	const spacing = Math.sqrt(KM2_PER_AREA);
	const cols = Math.ceil(side / spacing);
	const rows = Math.ceil(count / cols);
	// One extra ring of sites all round closes the cells of the sites we keep.
	const gridCols = cols + 2;
	const gridRows = rows + 2;
	const squeeze = squeezer(random, side / 2);
	const sites = new Float64Array(gridCols * gridRows * 2);
	for (let r = 0; r < gridRows; r++) {
		for (let c = 0; c < gridCols; c++) {
			const x = (c - 1 + 0.5 + random.float(-0.35, 0.35)) * spacing - side / 2;
			const y = (r - 1 + 0.5 + random.float(-0.35, 0.35)) * spacing - (rows * spacing) / 2;
			const [sx, sy] = squeeze(x, y);
			sites[(r * gridCols + c) * 2] = sx;
			sites[(r * gridCols + c) * 2 + 1] = sy;
		}
	}
	const delaunay = new Delaunay(sites);
	const { triangles, halfedges, inedges } = delaunay;
	const triangleCount = triangles.length / 3;
	const xy: number[] = [];
	for (let t = 0; t < triangleCount; t++) {
		const [ax, ay, bx, by, cx, cy] = [0, 1, 2].flatMap((k) => [
			sites[triangles[t * 3 + k] * 2],
			sites[triangles[t * 3 + k] * 2 + 1]
		]);
		const d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
		const a2 = ax * ax + ay * ay;
		const b2 = bx * bx + by * by;
		const c2 = cx * cx + cy * cy;
		xy.push((a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / d);
		xy.push((a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / d);
	}

	/**
	 * Ids of the wiggle points along the Voronoi edge between triangles a and b, from a to b. Each
	 * edge is cut once (stored as first id × 16 + pieces) and read backwards by the other neighbour.
	 */
	const cuts = new Map<number, number>();
	const edgeRandom = new Random(deriveSeed(seed, 'edges'));
	function wiggle(a: number, b: number): number[] {
		const key = a < b ? a * triangleCount + b : b * triangleCount + a;
		let start = cuts.get(key);
		const [from, to] = a < b ? [a, b] : [b, a];
		if (start === undefined) {
			const pieces = edgeRandom.int(4, 9);
			start = xy.length / 2;
			cuts.set(key, start * 16 + pieces);
			const [x0, y0, x1, y1] = [xy[from * 2], xy[from * 2 + 1], xy[to * 2], xy[to * 2 + 1]];
			for (let i = 1; i < pieces; i++) {
				const t = i / pieces;
				const bend = 0.06 * edgeRandom.float(-1, 1) * Math.sin(Math.PI * t);
				xy.push(x0 + t * (x1 - x0) - bend * (y1 - y0), y0 + t * (y1 - y0) + bend * (x1 - x0));
			}
		} else {
			start = Math.floor(start / 16);
		}
		const stored = cuts.get(key)! % 16;
		const ids = Array.from({ length: stored - 1 }, (_, i) => start + i);
		return a < b ? ids : ids.reverse();
	}

	const keep: number[] = [];
	// Every ring's ids end to end, then one view per ring (189,000 buffers of their own cost more).
	const ringIds: number[] = [];
	const ringStart: number[] = [0];
	const cell: number[] = [];
	for (let r = 1; r <= rows && keep.length < count; r++) {
		for (let c = 1; c <= cols && keep.length < count; c++) {
			const site = r * gridCols + c;
			const around: number[] = [];
			const e0 = inedges[site];
			let e = e0;
			let closed = false;
			do {
				around.push(Math.floor(e / 3));
				e = e % 3 === 2 ? e - 2 : e + 1;
				e = halfedges[e];
				if (e === e0) closed = true;
			} while (e !== e0 && e !== -1);
			if (!closed) continue;
			const ids: number[] = [];
			around.forEach((t, i) => ids.push(t, ...wiggle(t, around[(i + 1) % around.length])));
			for (const id of ids) ringIds.push(id);
			ringStart.push(ringIds.length);
			keep.push(site);
			cell.push(c - 1, r - 1);
		}
	}
	const allIds = Int32Array.from(ringIds);
	const rings = keep.map((_, i) => allIds.subarray(ringStart[i], ringStart[i + 1]));
	const vertices = Float64Array.from(xy);
	for (const ring of rings) if (signedArea(ring, vertices) < 0) ring.reverse();

	const indexOfSite = new Map(keep.map((site, i) => [site, i]));
	const near: number[] = [];
	const nearStart: number[] = [0];
	for (const site of keep) {
		for (const n of delaunay.neighbors(site)) {
			const i = indexOfSite.get(n);
			if (i !== undefined) near.push(i);
		}
		nearStart.push(near.length);
	}
	const allNear = Int32Array.from(near);
	const neighbours = keep.map((_, i) => allNear.subarray(nearStart[i], nearStart[i + 1]));
	return {
		rings,
		ringIds: allIds,
		ringStart: Int32Array.from(ringStart),
		neighbours,
		vertices,
		cell: Int32Array.from(cell),
		cols,
		rows
	};
}

/** Generates `count` small areas (fewer only if a cell at the edge of the grid stays open). */
export function generateSmallAreas(count: number, seed: number): SyntheticAreas {
	const { rings, ringIds, ringStart, neighbours, vertices, cell, cols, rows } = tessellate(
		count,
		seed
	);
	const positions: ([number, number] | undefined)[] = new Array(vertices.length / 2);
	const position = (id: number) =>
		(positions[id] ??= toLonLat(vertices[id * 2], vertices[id * 2 + 1]));
	const people = new Random(deriveSeed(seed, 'population'));
	const population = Int32Array.from(rings, () => Math.max(50, Math.round(people.normal(300, 40))));
	/** Area i's polygon, with `at` giving each vertex's [lon, lat]. */
	const polygon = (i: number, at: (id: number) => [number, number]): SmallAreaInput['geometry'] => {
		const coordinates = Array.from(rings[i], at);
		coordinates.push(coordinates[0]);
		return { type: 'Polygon', coordinates: [coordinates] };
	};
	const flat: FlatAreas = { ringIds, ringStart, xy: vertices, population };
	let areas: SmallAreaInput[] | undefined;
	return {
		get areas() {
			// Built on first use, sharing each vertex's [lon, lat] between the areas that use it.
			return (areas ??= rings.map((_, i) => ({
				code: areaCode(i),
				population: population[i],
				geometry: polygon(i, position)
			})));
		},
		lazyAreas: () => lazyAreasOf(flat),
		rings,
		flat,
		neighbours,
		xy: vertices,
		cell,
		cols,
		rows,
		position,
		toLonLat
	};
}

function signedArea(ring: Int32Array, xy: Float64Array): number {
	let sum = 0;
	for (let i = 0; i < ring.length; i++) {
		const a = ring[i];
		const b = ring[(i + 1) % ring.length];
		sum += xy[a * 2] * xy[b * 2 + 1] - xy[b * 2] * xy[a * 2 + 1];
	}
	return sum / 2;
}
