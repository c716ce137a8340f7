/**
 * The small areas of the demo borough: a Voronoi tiling of seed points that are denser in the town
 * centres, so urban cells are small and rural ones big, as real Output Areas are. Only cells wholly
 * inside the clip rectangle are kept, so every vertex is a circumcentre shared, as the very same
 * rounded coordinate, by every cell that meets there: neighbours share edges exactly, with no gap or
 * overlap for a clipper to find.
 */
import { Delaunay } from 'd3-delaunay';
import { centroid, signedArea, toLonLat, toXY, type LonLat, type XY } from './plane';
import type { Random } from './random';

/** A town or village centre: where seed points are denser. */
export interface Centre {
	at: XY;
	/** How many times the rural density the centre reaches. */
	peak: number;
	/** Spread in km. */
	sigma: number;
}

export interface TilingOptions {
	/** Half width and half height of the clip rectangle, km. */
	halfWidth: number;
	halfHeight: number;
	/** Spacing between seed points in open country, km. */
	ruralSpacing: number;
	centres: readonly Centre[];
	/** Lloyd relaxation steps, each moving a point this fraction of the way to its cell's centroid. */
	lloydSteps: number;
	lloydFactor: number;
}

/** A Voronoi cell wholly inside the clip rectangle. */
export interface Cell {
	/** Anticlockwise, unclosed ring of vertex ids. */
	ring: number[];
	/** Centroid on the km grid (inside the cell: cells are convex). */
	centre: XY;
	areaKm2: number;
	/** Indices of cells sharing an edge. */
	neighbours: number[];
	/** True when some edge is shared with no kept cell (the cell touches the outside). */
	onEdge: boolean;
}

export interface Tiling {
	/** Rounded [lon, lat] of each vertex id. */
	vertices: LonLat[];
	cells: Cell[];
}

/** Density of seed points relative to open country. */
export function densityAt(p: XY, centres: readonly Centre[]): number {
	let d = 1;
	for (const c of centres) {
		const r2 = (p[0] - c.at[0]) ** 2 + (p[1] - c.at[1]) ** 2;
		d += c.peak * Math.exp(-r2 / (2 * c.sigma * c.sigma));
	}
	return d;
}

/** Dart throwing with a spacing that shrinks where density is high (a variable-radius Poisson disc). */
export function seedPoints(options: TilingOptions, rng: Random, attempts = 40_000): XY[] {
	const points: XY[] = [];
	const radii: number[] = [];
	for (let n = 0; n < attempts; n++) {
		const p: XY = [
			rng.float(-options.halfWidth, options.halfWidth),
			rng.float(-options.halfHeight, options.halfHeight)
		];
		const r = options.ruralSpacing / Math.sqrt(densityAt(p, options.centres));
		let ok = true;
		for (let i = 0; i < points.length && ok; i++) {
			const limit = (r + radii[i]) / 2;
			const dx = points[i][0] - p[0];
			const dy = points[i][1] - p[1];
			if (dx * dx + dy * dy < limit * limit) ok = false;
		}
		if (ok) {
			points.push(p);
			radii.push(r);
		}
	}
	return points;
}

/** Moves each point part of the way to its clipped Voronoi cell's centroid, to even out the cells. */
export function relax(points: XY[], options: TilingOptions): XY[] {
	let current = points;
	const bounds = [
		-options.halfWidth,
		-options.halfHeight,
		options.halfWidth,
		options.halfHeight
	] as const;
	for (let step = 0; step < options.lloydSteps; step++) {
		const voronoi = Delaunay.from(current).voronoi([...bounds]);
		current = current.map((p, i) => {
			const polygon = voronoi.cellPolygon(i);
			if (!polygon) return p;
			const c = centroid(polygon.slice(0, -1) as XY[]);
			return [
				p[0] + options.lloydFactor * (c[0] - p[0]),
				p[1] + options.lloydFactor * (c[1] - p[1])
			];
		});
	}
	return current;
}

/**
 * Builds the Voronoi cells of the points that lie wholly inside the clip rectangle, with vertices
 * rounded to 6 decimals of a degree and shared by id.
 */
export function buildTiling(points: XY[], options: TilingOptions): Tiling {
	const delaunay = Delaunay.from(points);
	const { circumcenters } = delaunay.voronoi([
		-options.halfWidth,
		-options.halfHeight,
		options.halfWidth,
		options.halfHeight
	]);
	const { inedges, halfedges, triangles } = delaunay;
	const onHull = new Set(delaunay.hull);
	const vertexIds = new Map<string, number>();
	const vertices: LonLat[] = [];
	const cells: Cell[] = [];
	const inside = (t: number) =>
		Math.abs(circumcenters[2 * t]) < options.halfWidth &&
		Math.abs(circumcenters[2 * t + 1]) < options.halfHeight;

	for (let i = 0; i < points.length; i++) {
		if (onHull.has(i) || inedges[i] === -1) continue;
		const around: number[] = [];
		const e0 = inedges[i];
		let e = e0;
		let closed = true;
		do {
			around.push(Math.floor(e / 3));
			e = e % 3 === 2 ? e - 2 : e + 1;
			if (triangles[e] !== i) {
				closed = false;
				break;
			}
			e = halfedges[e];
			if (e === -1) closed = false;
		} while (closed && e !== e0);
		if (!closed || !around.every(inside)) continue;

		let ring: number[] = [];
		for (const t of around) {
			const lonLat = toLonLat([circumcenters[2 * t], circumcenters[2 * t + 1]]);
			const key = `${lonLat[0]},${lonLat[1]}`;
			let id = vertexIds.get(key);
			if (id === undefined) {
				id = vertices.length;
				vertexIds.set(key, id);
				vertices.push(lonLat);
			}
			if (ring[ring.length - 1] !== id) ring.push(id);
		}
		if (ring.length > 1 && ring[0] === ring[ring.length - 1]) ring.pop();
		if (ring.length < 3) continue;
		let xy = ring.map((id) => toXY(vertices[id]));
		if (signedArea(xy) < 0) {
			ring = ring.reverse();
			xy = xy.reverse();
		}
		cells.push({
			ring,
			centre: centroid(xy),
			areaKm2: signedArea(xy),
			neighbours: [],
			onEdge: false
		});
	}
	linkNeighbours(cells);
	return { vertices, cells };
}

function linkNeighbours(cells: Cell[]): void {
	const byEdge = new Map<string, number>();
	cells.forEach((cell, index) => {
		cell.ring.forEach((a, k) => {
			const b = cell.ring[(k + 1) % cell.ring.length];
			byEdge.set(`${a},${b}`, index);
		});
	});
	cells.forEach((cell, index) => {
		cell.ring.forEach((a, k) => {
			const b = cell.ring[(k + 1) % cell.ring.length];
			const other = byEdge.get(`${b},${a}`);
			if (other === undefined) cell.onEdge = true;
			else if (other !== index && !cell.neighbours.includes(other)) cell.neighbours.push(other);
		});
		cell.neighbours.sort((x, y) => x - y);
	});
}

/** Seeds, relaxes and tiles: the whole small-area pattern for one seed. */
export function generateTiling(options: TilingOptions, rng: Random): Tiling {
	return buildTiling(relax(seedPoints(options, rng), options), options);
}
