/**
 * Chooses which cells of the tiling make the borough (a blob-shaped, hole-free set) and gives each a
 * population, producing the small areas with their codes.
 */
import { isSimpleUnion, unionBoundary } from './rings';
import type { XY } from './plane';
import type { Random } from './random';
import type { Tiling } from './tiling';

/** One Output-Area-like small area of the demo borough. */
export interface SmallArea {
	/** Position in the borough's list. */
	index: number;
	code: string;
	/** Anticlockwise unclosed ring of vertex ids (see Tiling.vertices). */
	ring: number[];
	centre: XY;
	areaKm2: number;
	population: number;
	/** Indices (in the borough's list) of small areas sharing an edge. */
	neighbours: number[];
}

export interface BlobOptions {
	/** Mean radius of the borough, km. */
	radius: number;
	/** Amplitudes of the 2nd, 3rd and 5th harmonics of the outline, as fractions of the radius. */
	wobble: readonly [number, number, number];
}

/** Mean population and spread of a small area, and the hard limits. */
export interface PopulationOptions {
	total: number;
	min: number;
	max: number;
	/** Standard deviation of the log of a small area's population. */
	logSpread: number;
}

/** Picks the borough's cells: inside a wobbly circle, one piece, no holes, no pinches. */
export function selectBoroughCells(tiling: Tiling, blob: BlobOptions, rng: Random): number[] {
	const phases = [rng.float(0, 2 * Math.PI), rng.float(0, 2 * Math.PI), rng.float(0, 2 * Math.PI)];
	const radiusAt = (theta: number) =>
		blob.radius *
		(1 +
			blob.wobble[0] * Math.sin(2 * theta + phases[0]) +
			blob.wobble[1] * Math.sin(3 * theta + phases[1]) +
			blob.wobble[2] * Math.sin(5 * theta + phases[2]));
	const { cells } = tiling;
	const chosen = new Set<number>();
	cells.forEach((cell, i) => {
		const [x, y] = cell.centre;
		if (!cell.onEdge && Math.hypot(x, y) < radiusAt(Math.atan2(y, x))) chosen.add(i);
	});

	for (let round = 0; round < 50; round++) {
		keepLargestPiece(chosen, tiling);
		fillHoles(chosen, tiling);
		const rings = [...chosen].sort((a, b) => a - b).map((i) => cells[i].ring);
		if (isSimpleUnion(rings)) return [...chosen].sort((a, b) => a - b);
		// A pinch: add every unchosen cell at the vertex the boundary passes twice.
		const { rings: boundary } = unionBoundary(rings);
		const seen = new Set<number>();
		const twice = new Set<number>();
		for (const id of boundary.flat()) (seen.has(id) ? twice : seen).add(id);
		cells.forEach((cell, i) => {
			if (!chosen.has(i) && !cell.onEdge && cell.ring.some((id) => twice.has(id))) chosen.add(i);
		});
	}
	throw new Error('could not choose a simple borough outline');
}

function keepLargestPiece(chosen: Set<number>, tiling: Tiling): void {
	const pieces = components([...chosen], (i) =>
		tiling.cells[i].neighbours.filter((n) => chosen.has(n))
	);
	pieces.sort((a, b) => b.length - a.length || a[0] - b[0]);
	for (const piece of pieces.slice(1)) for (const i of piece) chosen.delete(i);
}

/** Unchosen cells that cannot reach the tiling's edge without crossing the chosen set are holes. */
function fillHoles(chosen: Set<number>, tiling: Tiling): void {
	const reached = new Set<number>();
	const queue: number[] = [];
	tiling.cells.forEach((cell, i) => {
		if (!chosen.has(i) && cell.onEdge) {
			reached.add(i);
			queue.push(i);
		}
	});
	while (queue.length > 0) {
		const i = queue.pop() as number;
		for (const n of tiling.cells[i].neighbours) {
			if (!chosen.has(n) && !reached.has(n)) {
				reached.add(n);
				queue.push(n);
			}
		}
	}
	tiling.cells.forEach((_, i) => {
		if (!chosen.has(i) && !reached.has(i)) chosen.add(i);
	});
}

/** Connected pieces of a set of nodes, each sorted, in order of their smallest node. */
export function components(nodes: readonly number[], next: (node: number) => number[]): number[][] {
	const seen = new Set<number>();
	const out: number[][] = [];
	for (const start of [...nodes].sort((a, b) => a - b)) {
		if (seen.has(start)) continue;
		const piece: number[] = [];
		const queue = [start];
		seen.add(start);
		while (queue.length > 0) {
			const node = queue.pop() as number;
			piece.push(node);
			for (const n of next(node)) {
				if (!seen.has(n)) {
					seen.add(n);
					queue.push(n);
				}
			}
		}
		out.push(piece.sort((a, b) => a - b));
	}
	return out;
}

/**
 * Turns chosen cells into small areas: numbered north to south, west to east ("FV000001" …), each with
 * a population drawn around the mean that gives the wanted total, kept within the limits.
 */
export function makeSmallAreas(
	tiling: Tiling,
	cellIndices: readonly number[],
	population: PopulationOptions,
	rng: Random
): SmallArea[] {
	const ordered = [...cellIndices].sort((a, b) => {
		const ca = tiling.cells[a].centre;
		const cb = tiling.cells[b].centre;
		const rowA = Math.floor(-ca[1] / 0.5);
		const rowB = Math.floor(-cb[1] / 0.5);
		return rowA - rowB || ca[0] - cb[0];
	});
	const position = new Map(ordered.map((cellIndex, i) => [cellIndex, i]));
	// E[exp(N(0, s))] = exp(s²/2): divide it out so the total lands near the target.
	const mean = population.total / ordered.length / Math.exp(population.logSpread ** 2 / 2);
	return ordered.map((cellIndex, i) => {
		const cell = tiling.cells[cellIndex];
		const drawn = Math.round(mean * Math.exp(rng.normal(0, population.logSpread)));
		return {
			index: i,
			code: `FV${String(i + 1).padStart(6, '0')}`,
			ring: cell.ring,
			centre: cell.centre,
			areaKm2: cell.areaKm2,
			population: Math.min(population.max, Math.max(population.min, drawn)),
			neighbours: cell.neighbours
				.filter((n) => position.has(n))
				.map((n) => position.get(n) as number)
				.sort((x, y) => x - y)
		};
	});
}
