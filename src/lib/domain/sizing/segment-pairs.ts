/**
 * Segment geometry on the plane: whether two segments meet (exact on integer coordinates), and every
 * pair of a polygon's edges whose boxes meet, for finding where a boundary crosses itself.
 */
import { orient as orientation } from './orient';
import { scratchFloat64, scratchInt32 } from './scratch';

/** Orientation of c against the line a→b: 1 left, −1 right, 0 on the line (exact). */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	return Math.sign(orientation(ax, ay, bx, by, cx, cy));
}

function onSegment(
	ax: number,
	ay: number,
	bx: number,
	by: number,
	cx: number,
	cy: number
): boolean {
	return (
		Math.min(ax, bx) <= cx &&
		cx <= Math.max(ax, bx) &&
		Math.min(ay, by) <= cy &&
		cy <= Math.max(ay, by)
	);
}

/** Whether segments ab and cd share any point (crossing, touching or overlapping); exact on integers. */
export function segmentsMeet(
	ax: number,
	ay: number,
	bx: number,
	by: number,
	cx: number,
	cy: number,
	dx: number,
	dy: number
): boolean {
	const o1 = orient(ax, ay, bx, by, cx, cy);
	const o2 = orient(ax, ay, bx, by, dx, dy);
	const o3 = orient(cx, cy, dx, dy, ax, ay);
	const o4 = orient(cx, cy, dx, dy, bx, by);
	if (o1 !== o2 && o3 !== o4) return true;
	if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return true;
	if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return true;
	if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return true;
	return o4 === 0 && onSegment(cx, cy, dx, dy, bx, by);
}

/** Edges per chunk in forEachEdgePair. */
const CHUNK = 8;

/**
 * Calls fn(a, b), a < b, once for each pair of edges whose boxes (grown by slack) meet. Edges are
 * taken in runs of 8 as given (a ring's edges in order, so each run is a short stretch of boundary
 * with a small box); the runs are swept along x, and only runs whose boxes meet have their edges
 * compared. On real boundaries this is near linear.
 * @param edges [x1, y1, x2, y2] per edge, best in ring order
 * @param follows follows[b] = 1 when edge b follows edge b − 1 in the same ring: such pairs, which
 *   always share a point, are then not reported (a caller that ignores them saves a call per edge)
 */
export function forEachEdgePair(
	edges: ArrayLike<number>,
	fn: (a: number, b: number) => void,
	slack = 0,
	follows?: ArrayLike<number>
): void {
	const count = edges.length / 4;
	if (count < 2) return;
	// Each edge's box once, [minX, minY, maxX, maxY], grown by slack.
	const edgeBox = scratchFloat64('pairs-edge-box', count * 4);
	for (let k = 0; k < count * 4; k += 4) {
		const x1 = edges[k];
		const y1 = edges[k + 1];
		const x2 = edges[k + 2];
		const y2 = edges[k + 3];
		edgeBox[k] = (x1 < x2 ? x1 : x2) - slack;
		edgeBox[k + 1] = (y1 < y2 ? y1 : y2) - slack;
		edgeBox[k + 2] = (x1 < x2 ? x2 : x1) + slack;
		edgeBox[k + 3] = (y1 < y2 ? y2 : y1) + slack;
	}
	const chunks = Math.ceil(count / CHUNK);
	const box = scratchFloat64('pairs-chunk-box', chunks * 4);
	for (let c = 0; c < chunks; c++) {
		let minX = Infinity;
		let minY = Infinity;
		let maxX = -Infinity;
		let maxY = -Infinity;
		const end = Math.min(count, (c + 1) * CHUNK);
		for (let k = c * CHUNK * 4; k < end * 4; k += 4) {
			if (edgeBox[k] < minX) minX = edgeBox[k];
			if (edgeBox[k + 1] < minY) minY = edgeBox[k + 1];
			if (edgeBox[k + 2] > maxX) maxX = edgeBox[k + 2];
			if (edgeBox[k + 3] > maxY) maxY = edgeBox[k + 3];
		}
		box[c * 4] = minX;
		box[c * 4 + 1] = minY;
		box[c * 4 + 2] = maxX;
		box[c * 4 + 3] = maxY;
	}
	const { order, slop } = byMinX(box, chunks);
	const open: number[] = [];
	for (let k = 0; k < chunks; k++) {
		const c = order[k];
		const minX = box[c * 4];
		const minY = box[c * 4 + 1];
		const maxY = box[c * 4 + 3];
		let kept = 0;
		for (const o of open) {
			// Closed once it ends left of this run (and of any later run: see byMinX).
			if (box[o * 4 + 2] < minX - slop) continue;
			open[kept++] = o;
			if (box[o * 4 + 3] < minY || box[o * 4 + 1] > maxY) continue;
			pairsBetween(edgeBox, count, o, c, box, fn, follows);
		}
		open.length = kept;
		open.push(c);
		pairsBetween(edgeBox, count, c, c, box, fn, follows);
	}
}

/** Runs per ring above which byMinX sorts by comparing (its keys hold the run's number in 20 bits). */
const KEYED_RUNS = 2 ** 20;

/**
 * The runs in order of their boxes' left edges, by a native sort of number keys (a comparator
 * sort of every patch's runs was a tenth of a boundary check). A key is the left edge in 2^32 steps
 * across the runs' span, then the run's number; runs within a step may come out of order, so a
 * run stays open until it ends more than `slop` (two steps) left of the current one.
 */
function byMinX(box: Float64Array, chunks: number): { order: Int32Array; slop: number } {
	const order = scratchInt32('pairs-order', chunks);
	let low = Infinity;
	let high = -Infinity;
	for (let c = 0; c < chunks; c++) {
		const x = box[c * 4];
		if (x < low) low = x;
		if (x > high) high = x;
		if (!(x >= low)) high = NaN;
	}
	// Keys need a finite span (a NaN or infinite coordinate, from a broken file, is compared).
	if (chunks < KEYED_RUNS && high > low && high - low < Infinity) {
		const steps = 2 ** 32 - 1;
		const scale = steps / (high - low);
		const keys = scratchFloat64('pairs-keys', chunks).subarray(0, chunks);
		for (let c = 0; c < chunks; c++) {
			keys[c] = Math.floor((box[c * 4] - low) * scale) * KEYED_RUNS + c;
		}
		keys.sort();
		for (let k = 0; k < chunks; k++) order[k] = keys[k] % KEYED_RUNS;
		return { order, slop: (2 * (high - low)) / steps };
	}
	const sorted = Array.from({ length: chunks }, (_, c) => c);
	order.set(sorted.sort((a, b) => box[a * 4] - box[b * 4]));
	return { order, slop: 0 };
}

/**
 * Compares the edges of runs p and q by their boxes (each pair once). Between two runs, an edge of
 * p is first tested against q's whole box: neighbouring runs of a ring meet only near their shared
 * end, so most of p's edges are done with in one test instead of eight.
 */
function pairsBetween(
	edgeBox: Float64Array,
	count: number,
	p: number,
	q: number,
	box: Float64Array,
	fn: (a: number, b: number) => void,
	follows: ArrayLike<number> | undefined
): void {
	const pEnd = Math.min(count, (p + 1) * CHUNK);
	const qEnd = Math.min(count, (q + 1) * CHUNK);
	const qMinX = box[q * 4];
	const qMinY = box[q * 4 + 1];
	const qMaxX = box[q * 4 + 2];
	const qMaxY = box[q * 4 + 3];
	for (let a = p * CHUNK; a < pEnd; a++) {
		const ka = a * 4;
		const aMinX = edgeBox[ka];
		const aMinY = edgeBox[ka + 1];
		const aMaxX = edgeBox[ka + 2];
		const aMaxY = edgeBox[ka + 3];
		if (p !== q && (qMaxX < aMinX || qMinX > aMaxX || qMaxY < aMinY || qMinY > aMaxY)) continue;
		for (let b = p === q ? a + 1 : q * CHUNK; b < qEnd; b++) {
			const kb = b * 4;
			// Both boxes are grown by slack, so they meet when within twice it: still generous.
			if (
				edgeBox[kb + 2] < aMinX ||
				edgeBox[kb] > aMaxX ||
				edgeBox[kb + 3] < aMinY ||
				edgeBox[kb + 1] > aMaxY
			) {
				continue;
			}
			if (follows && (b === a + 1 ? follows[b] === 1 : a === b + 1 && follows[a] === 1)) continue;
			if (a < b) fn(a, b);
			else fn(b, a);
		}
	}
}
