/**
 * Which edges of a polygon or multipolygon meet, found by comparing only runs of edges whose boxes
 * meet (segment-pairs.ts; near linear for real boundaries). Works on lon/lat as given.
 *
 * "Meet" is deliberately generous: a pair of edges that is nearly touching within floating-point
 * rounding counts, so the set found includes every pair Turf's kinks would report. The caller then
 * asks kinks (quadratic, but only for the parts flagged here) for the exact crossing points.
 */
import { forEachEdgePair } from './segment-pairs';
import { scratchFloat64, scratchInt32 } from './scratch';

export interface Ring {
	part: number;
	/** Unclosed, with no repeated neighbours: [lon0, lat0, lon1, lat1, …]. */
	coords: ArrayLike<number>;
}

export interface SweepResult {
	/** Parts whose own edges meet somewhere other than at a shared corner of neighbouring edges. */
	selfMeeting: Set<number>;
	/** Pairs of different parts whose boundaries meet (touch or cross), as "a,b" with a < b. */
	touching: Set<string>;
	/** Points where edges of two different parts properly cross (the parts overlap). */
	partCrossings: [number, number][];
}

/** Relative size under which an orientation counts as "on the line". */
const TOLERANCE = 1e-12;

function side(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	const ux = bx - ax;
	const uy = by - ay;
	const vx = cx - ax;
	const vy = cy - ay;
	const cross = ux * vy - uy * vx;
	const scale = (Math.abs(ux) + Math.abs(uy)) * (Math.abs(vx) + Math.abs(vy));
	return Math.abs(cross) <= TOLERANCE * scale ? 0 : cross > 0 ? 1 : -1;
}

/**
 * Finds meeting edges across all rings.
 * @param rings every ring of every part, each tagged with its part number
 */
export function sweepEdges(rings: Ring[]): SweepResult {
	let count = 0;
	for (const ring of rings) count += ring.coords.length / 2;
	const edges = scratchFloat64('sweep-edges', count * 4).subarray(0, count * 4);
	const ringOf = scratchInt32('sweep-ring', count);
	const posOf = scratchInt32('sweep-position', count);
	// Edges that follow one another in a ring always meet: forEachEdgePair leaves those pairs out.
	const follows = scratchInt32('sweep-follows', count);
	let e = 0;
	const pointsIn = new Int32Array(rings.length);
	rings.forEach(({ coords }, r) => {
		const n = coords.length;
		pointsIn[r] = n / 2;
		for (let i = 0; i < n; i += 2, e++) {
			const j = (i + 2) % n;
			edges[e * 4] = coords[i];
			edges[e * 4 + 1] = coords[i + 1];
			edges[e * 4 + 2] = coords[j];
			edges[e * 4 + 3] = coords[j + 1];
			ringOf[e] = r;
			posOf[e] = i / 2;
			follows[e] = i === 0 ? 0 : 1;
		}
	});
	const result: SweepResult = { selfMeeting: new Set(), touching: new Set(), partCrossings: [] };
	if (count === 0) return result;
	// Longitude and latitude are under 360 in size: this covers rounding in the last bits.
	const slack = 1e-12 * 360;
	const crossed = new Set<number>();
	forEachEdgePair(
		edges,
		(s, t) => {
			const rs = ringOf[s];
			const rt = ringOf[t];
			if (rs === rt && neighbours(posOf[s], posOf[t], pointsIn[rs])) return;
			const ps = rings[rs].part;
			const pt = rings[rt].part;
			// Cheap exits first: these sets only need one member per part or pair.
			if (ps === pt && result.selfMeeting.has(ps)) return;
			const ax = edges[s * 4];
			const ay = edges[s * 4 + 1];
			const bx = edges[s * 4 + 2];
			const by = edges[s * 4 + 3];
			const cx = edges[t * 4];
			const cy = edges[t * 4 + 1];
			const dx = edges[t * 4 + 2];
			const dy = edges[t * 4 + 3];
			const d1 = side(ax, ay, bx, by, cx, cy);
			const d2 = side(ax, ay, bx, by, dx, dy);
			const d3 = side(cx, cy, dx, dy, ax, ay);
			const d4 = side(cx, cy, dx, dy, bx, by);
			// Strictly on one side of the other's line: they cannot meet.
			if ((d1 !== 0 && d1 === d2) || (d3 !== 0 && d3 === d4)) return;
			if (ps === pt) {
				result.selfMeeting.add(ps);
				return;
			}
			result.touching.add(ps < pt ? `${ps},${pt}` : `${pt},${ps}`);
			const key = s * count + t;
			if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0 && !crossed.has(key)) {
				crossed.add(key);
				result.partCrossings.push(crossing(ax, ay, bx, by, cx, cy, dx, dy));
			}
		},
		slack,
		follows
	);
	return result;
}

function neighbours(i: number, j: number, n: number): boolean {
	const d = Math.abs(i - j);
	return d === 1 || d === n - 1;
}

function crossing(
	x1: number,
	y1: number,
	x2: number,
	y2: number,
	x3: number,
	y3: number,
	x4: number,
	y4: number
): [number, number] {
	const denominator = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
	const t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / denominator;
	return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
}
