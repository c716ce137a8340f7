/**
 * One demo patch boundary that follows a street rather than small-area edges, as real patch
 * boundaries often do: two neighbouring patches' shared edge (a chain of small-area edges) is
 * replaced, over part of its length, by one straight street between two of its corners. The street
 * cuts through the small areas between it and the old edge, so the areal and centroid methods give
 * different figures for the two patches there. Both patches lose and gain only the land between the
 * street and the old edge: together they cover exactly what they covered before, so no gap or
 * overlap with any other patch appears.
 */
import { distance2, type XY } from './plane';

export interface StreetBoundary {
	/** Which two rings (indexes into the input) now meet along the street. */
	pair: [number, number];
	/** The two rings with the corners between the street's ends dropped (unclosed vertex ids). */
	rings: [number[], number[]];
	/** The street's two ends (vertex ids): both rings now run straight from one to the other. */
	street: [number, number];
	/** The corners of the old shared edge that the street replaced, in the first ring's order. */
	replaced: number[];
}

export interface StreetOptions {
	/** Rings not to touch (the overlapping pair, say). */
	skip?: ReadonlySet<number>;
	/** Most small-area edges the street replaces (keeps it a street's length, and bands steady). */
	maxEdges: number;
	/** Least distance (km) of a replaced corner from the street, so the street really cuts areas. */
	minOffset: number;
}

const edgeKey = (a: number, b: number) => `${a},${b}`;

/**
 * The longest run of edges that ring `a` shares with ring `b` (b walks them the other way, as
 * neighbours wound the same way do), as vertex ids in `a`'s order; [] when they do not touch.
 * @example sharedRun([0, 1, 2, 3], [1, 0, 4, 5]) // [0, 1]
 */
export function sharedRun(a: readonly number[], b: readonly number[]): number[] {
	const reversed = new Set(b.map((v, i) => edgeKey(b[(i + 1) % b.length], v)));
	const shared = a.map((v, i) => reversed.has(edgeKey(v, a[(i + 1) % a.length])));
	if (shared.every(Boolean)) return [];
	// Start just after an edge that is not shared, so no run wraps round the end of the ring.
	const start = (shared.indexOf(false) + 1) % a.length;
	let best: number[] = [];
	let run: number[] = [];
	for (let k = 0; k < a.length; k++) {
		const i = (start + k) % a.length;
		if (shared[i]) {
			if (run.length === 0) run.push(a[i]);
			run.push(a[(i + 1) % a.length]);
		} else run = [];
		if (run.length > best.length) best = [...run];
	}
	return best;
}

function orientation(p: XY, q: XY, r: XY): number {
	const value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
	return Math.abs(value) < 1e-12 ? 0 : Math.sign(value);
}

function onSegment(p: XY, q: XY, r: XY): boolean {
	return (
		Math.min(p[0], r[0]) <= q[0] &&
		q[0] <= Math.max(p[0], r[0]) &&
		Math.min(p[1], r[1]) <= q[1] &&
		q[1] <= Math.max(p[1], r[1])
	);
}

/** True when segments pq and rs cross or touch. */
export function segmentsMeet(p: XY, q: XY, r: XY, s: XY): boolean {
	const [o1, o2, o3, o4] = [
		orientation(p, q, r),
		orientation(p, q, s),
		orientation(r, s, p),
		orientation(r, s, q)
	];
	if (o1 !== o2 && o3 !== o4) return true;
	return (
		(o1 === 0 && onSegment(p, r, q)) ||
		(o2 === 0 && onSegment(p, s, q)) ||
		(o3 === 0 && onSegment(r, p, s)) ||
		(o4 === 0 && onSegment(r, q, s))
	);
}

/** The ring with the corners strictly between `from` and `to` (in the ring's order) dropped. */
function dropBetween(ring: readonly number[], from: number, to: number): number[] {
	const dropped = new Set<number>();
	for (let i = (ring.indexOf(from) + 1) % ring.length; ring[i] !== to; i = (i + 1) % ring.length) {
		dropped.add(ring[i]);
	}
	return ring.filter((v) => !dropped.has(v));
}

/** Whether the straight street from `p` to `q` meets any edge of the ring other than at p and q. */
function streetMeetsRing(ring: readonly number[], p: number, q: number, at: (v: number) => XY) {
	for (let i = 0; i < ring.length; i++) {
		const u = ring[i];
		const v = ring[(i + 1) % ring.length];
		if ((u === p && v === q) || (u === q && v === p)) continue;
		if (u === p || u === q || v === p || v === q) {
			// An edge from an end of the street: it meets the street only if it runs back along it.
			const other = u === p || u === q ? v : u;
			const end = other === v ? u : v;
			const far = end === p ? q : p;
			if (orientation(at(p), at(q), at(other)) === 0 && onSegment(at(end), at(other), at(far))) {
				return true;
			}
			continue;
		}
		if (segmentsMeet(at(p), at(q), at(u), at(v))) return true;
	}
	return false;
}

/** Distance from r to the line through p and q. */
function offset(p: XY, q: XY, r: XY): number {
	const length = Math.sqrt(distance2(p, q));
	return Math.abs((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])) / length;
}

/**
 * Straightens part of the longest shared edge between two neighbouring rings into one street.
 * The pair is the one (not skipped) with the longest shared edge; the street is the longest stretch
 * of it, up to `maxEdges` edges, whose straight line meets neither ring anywhere else and passes at
 * least `minOffset` from a replaced corner (the one passing furthest from them among equals).
 * @param rings unclosed rings of vertex ids, all wound the same way, sharing ids along shared edges
 * @param at a vertex's position, in km
 * @returns the two new rings and the street, or null when no pair has a stretch that works
 */
export function straightenSharedBoundary(
	rings: readonly (readonly number[])[],
	at: (v: number) => XY,
	{ skip = new Set(), maxEdges, minOffset }: StreetOptions
): StreetBoundary | null {
	let pair: [number, number] | null = null;
	let run: number[] = [];
	for (let a = 0; a < rings.length; a++) {
		for (let b = a + 1; b < rings.length; b++) {
			if (skip.has(a) || skip.has(b)) continue;
			const shared = sharedRun(rings[a], rings[b]);
			if (shared.length > run.length) [pair, run] = [[a, b], shared];
		}
	}
	if (!pair) return null;
	const [a, b] = pair;
	for (let edges = Math.min(maxEdges, run.length - 1); edges >= 2; edges--) {
		let best: { from: number; to: number; offset: number } | null = null;
		for (let i = 0; i + edges < run.length; i++) {
			const [from, to] = [run[i], run[i + edges]];
			const inner = run.slice(i + 1, i + edges);
			const furthest = Math.max(...inner.map((v) => offset(at(from), at(to), at(v))));
			if (furthest < minOffset || (best && furthest <= best.offset)) continue;
			const ringA = dropBetween(rings[a], from, to);
			const ringB = dropBetween(rings[b], to, from);
			if (streetMeetsRing(ringA, from, to, at) || streetMeetsRing(ringB, from, to, at)) continue;
			best = { from, to, offset: furthest };
		}
		if (best) {
			const { from, to } = best;
			return {
				pair,
				rings: [dropBetween(rings[a], from, to), dropBetween(rings[b], to, from)],
				street: [from, to],
				replaced: run.slice(run.indexOf(from) + 1, run.indexOf(to))
			};
		}
	}
	return null;
}
