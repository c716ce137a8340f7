/**
 * A basemap for the demo borough, so its maps look like a place without the internet: streets along
 * the small areas' edges (real small areas mostly follow streets), main roads between the towns and
 * out of the borough, the River Fenn, a mill pond, a park by each neighbourhood's centre and the
 * neighbourhoods' names where they are. Made from the same tiling as the small areas, so it agrees
 * with them, the patches and the venues; no randomness of its own, so one seed gives one file.
 * Written to data/demo/basemap.geojson; drawn by src/lib/map/basemap.ts (DEMO_BASE_LAYERS).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { SmallArea } from './borough';
import type { Locality } from './localities';
import { TOWN_NAMES } from './names';
import { centroid, distance2, toLonLat, toXY, type LonLat, type XY } from './plane';

export interface DemoBasemapProperties {
	/** A lane is a side street inside a small area, drawn only close up. */
	layer: 'lane' | 'street' | 'road' | 'river' | 'water' | 'park' | 'place';
	name?: string;
	nameCy?: string;
	/** Places: 1 for a town, 2 for a neighbourhood. */
	rank?: number;
}

export type DemoBasemap = FeatureCollection<Geometry, DemoBasemapProperties>;

export interface DemoBasemapInput {
	areas: readonly SmallArea[];
	vertices: readonly LonLat[];
	localities: readonly Locality[];
	/** Where the entries with a point are: no park is drawn over one. */
	occupied: readonly LonLat[];
	/** Straight streets that are not small-area edges (one a patch boundary follows), drawn as roads. */
	streets?: readonly { name: string; line: LonLat[] }[];
}

/** Main roads: from one town to another, or from a town out to the borough's edge (a bearing). */
const ROADS: { name: string; from: number; to: number | { towards: XY } }[] = [
	{ name: 'Aldermoor Road', from: 0, to: 1 },
	{ name: 'Cae Derwen Road', from: 0, to: 2 },
	{ name: 'Moor Lane', from: 2, to: 1 },
	{ name: 'North Road', from: 0, to: { towards: [-0.5, 8] } },
	{ name: 'Vale Road', from: 1, to: { towards: [8, -1] } },
	{ name: 'Heol y Mynydd', from: 2, to: { towards: [-8, -4] } },
	{ name: 'Old Coach Road', from: 1, to: { towards: [2, -8] } }
];

/** The river's line across the borough, west to east, km: a slow meander between the towns. */
export function riverY(x: number): number {
	return -0.9 + 0.6 * Math.sin(x * 0.9) + 0.25 * Math.sin(x * 2.3 + 1);
}

const edgeKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/** Every edge of the small areas, with how many areas share it (1 on the borough's edge). */
function edgesOf(
	areas: readonly SmallArea[]
): Map<string, { a: number; b: number; count: number }> {
	const edges = new Map<string, { a: number; b: number; count: number }>();
	for (const area of areas) {
		area.ring.forEach((a, i) => {
			const b = area.ring[(i + 1) % area.ring.length];
			const key = edgeKey(a, b);
			const edge = edges.get(key);
			if (edge) edge.count++;
			else edges.set(key, { a, b, count: 1 });
		});
	}
	return edges;
}

/** Shortest path along the edges (Dijkstra; a few thousand vertices, so a plain scan is enough). */
function shortestPath(
	from: number,
	to: number,
	neighbours: Map<number, number[]>,
	at: (v: number) => XY
): number[] {
	const dist = new Map<number, number>([[from, 0]]);
	const previous = new Map<number, number>();
	const done = new Set<number>();
	while (true) {
		let current = -1;
		let best = Infinity;
		for (const [v, d] of dist) {
			if (!done.has(v) && d < best) [current, best] = [v, d];
		}
		if (current === -1 || current === to) break;
		done.add(current);
		for (const next of neighbours.get(current) ?? []) {
			const d = best + Math.sqrt(distance2(at(current), at(next)));
			if (d < (dist.get(next) ?? Infinity)) {
				dist.set(next, d);
				previous.set(next, current);
			}
		}
	}
	const path = [to];
	while (path[0] !== from) {
		const before = previous.get(path[0]);
		if (before === undefined) return [];
		path.unshift(before);
	}
	return path;
}

function nearestVertex(p: XY, ids: Iterable<number>, at: (v: number) => XY): number {
	let best = -1;
	let bestD = Infinity;
	for (const v of ids) {
		const d = distance2(p, at(v));
		if (d < bestD) [best, bestD] = [v, d];
	}
	return best;
}

/** A ring shrunk towards its centroid (a park inside a small area, clear of its edge streets). */
function shrink(ring: readonly XY[], factor: number): XY[] {
	const [cx, cy] = centroid(ring);
	return ring.map(([x, y]) => [cx + (x - cx) * factor, cy + (y - cy) * factor]);
}

/** Even-odd ray cast: is `p` inside the unclosed ring? */
function inside([px, py]: XY, ring: readonly XY[]): boolean {
	let within = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) within = !within;
	}
	return within;
}

const closedLonLat = (ring: readonly XY[]) => [...ring, ring[0]].map(toLonLat);

function feature(
	geometry: Geometry,
	properties: DemoBasemapProperties
): Feature<Geometry, DemoBasemapProperties> {
	return { type: 'Feature', properties, geometry };
}

/** Areas smaller than this (km²) are town streets: they get a block of side streets. */
const TOWN_AREA_KM2 = 0.5;

/**
 * Side streets inside one area: from its middle to the middle of each edge (a crossroads), and in
 * town a loop halfway out, so blocks are about a street's length across.
 */
function sideStreets(ring: readonly XY[], areaKm2: number): LonLat[][] {
	const middle = centroid(ring);
	const half = (p: XY, q: XY): XY => [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
	const mids = ring.map((p, i) => half(p, ring[(i + 1) % ring.length]));
	const lines: LonLat[][] = mids.map((m) => [toLonLat(middle), toLonLat(m)]);
	if (areaKm2 < TOWN_AREA_KM2) {
		const loop = mids.map((m) => half(middle, m));
		lines.push(closedLonLat(loop));
	}
	return lines;
}

/** Builds the demo basemap from the borough's small areas and neighbourhoods. */
export function buildDemoBasemap({
	areas,
	vertices,
	localities,
	occupied,
	streets: extraStreets = []
}: DemoBasemapInput): DemoBasemap {
	const taken = occupied.map(toXY);
	const xy = new Map<number, XY>();
	const at = (v: number) => {
		let p = xy.get(v);
		if (!p) xy.set(v, (p = toXY(vertices[v])));
		return p;
	};
	const edges = edgesOf(areas);
	const neighbours = new Map<number, number[]>();
	for (const { a, b } of edges.values()) {
		neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
		neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
	}
	const edgeVertices = new Set<number>();
	for (const { a, b, count } of edges.values()) if (count === 1) edgeVertices.add(a).add(b);

	// Streets: the edges inside the borough (the outer edge is the boundary, not a street); lanes,
	// the side streets inside each area without a park (see sideStreets).
	const streets: LonLat[][] = [...edges.values()]
		.filter((e) => e.count > 1)
		.map((e) => [vertices[e.a], vertices[e.b]]);

	const towns = TOWN_NAMES.map((town) => localities.find((l) => l.name === town.name));
	const townVertex = towns.map((t) => (t ? nearestVertex(t.centre, neighbours.keys(), at) : -1));
	const roads = ROADS.flatMap(({ name, from, to }) => {
		const start = townVertex[from];
		const end =
			typeof to === 'number' ? townVertex[to] : nearestVertex(to.towards, edgeVertices, at);
		const path = start >= 0 && end >= 0 ? shortestPath(start, end, neighbours, at) : [];
		if (path.length < 2) return [];
		return [
			feature(
				{ type: 'LineString', coordinates: path.map((v) => vertices[v]) },
				{ layer: 'road', name }
			)
		];
	});

	const river: LonLat[] = [];
	for (let x = -7.5; x <= 7.5001; x += 0.1) river.push(toLonLat([x, riverY(x)]));
	const pondCentre: XY = [5.4, riverY(5.4) + 0.45];
	const pond: XY[] = [];
	for (let i = 0; i < 24; i++) {
		const θ = (2 * Math.PI * i) / 24;
		pond.push([pondCentre[0] + 0.3 * Math.cos(θ), pondCentre[1] + 0.16 * Math.sin(θ)]);
	}

	// A park beside each neighbourhood's centre: the least-peopled neighbour of the area at its centre.
	const used = new Set<number>();
	const parks = localities.flatMap((locality) => {
		const home = areas.reduce((best, a) =>
			distance2(a.centre, locality.centre) < distance2(best.centre, locality.centre) ? a : best
		);
		const park = [...home.neighbours]
			.filter((i) => !used.has(i))
			.sort((i, j) => areas[i].population - areas[j].population || i - j)
			.map((i) => ({ i, ring: shrink(areas[i].ring.map(at), 0.6) }))
			.find(({ ring }) => !taken.some((p) => inside(p, ring)));
		if (!park) return [];
		used.add(park.i);
		const name = /Park|Green/.test(locality.name)
			? `${locality.name} Recreation Ground`
			: `${locality.name} Park`;
		return [
			feature({ type: 'Polygon', coordinates: [closedLonLat(park.ring)] }, { layer: 'park', name })
		];
	});

	const lanes = areas.flatMap((area, i) =>
		used.has(i) ? [] : sideStreets(area.ring.map(at), area.areaKm2)
	);

	const places = localities.map((l) =>
		feature(
			{ type: 'Point', coordinates: toLonLat(l.centre) },
			{
				layer: 'place',
				name: l.name,
				...(l.nameCy && l.nameCy !== l.name ? { nameCy: l.nameCy } : {}),
				rank: TOWN_NAMES.some((t) => t.name === l.name) ? 1 : 2
			}
		)
	);

	return {
		type: 'FeatureCollection',
		features: [
			...parks,
			feature(
				{ type: 'Polygon', coordinates: [closedLonLat(pond)] },
				{ layer: 'water', name: 'Fennick Mill Pond' }
			),
			feature(
				{ type: 'LineString', coordinates: river },
				{ layer: 'river', name: 'River Fenn', nameCy: 'Afon Fenn' }
			),
			feature({ type: 'MultiLineString', coordinates: lanes }, { layer: 'lane' }),
			feature({ type: 'MultiLineString', coordinates: streets }, { layer: 'street' }),
			...roads,
			...extraStreets.map(({ name, line }) =>
				feature({ type: 'LineString', coordinates: line }, { layer: 'road', name })
			),
			...places
		]
	};
}
