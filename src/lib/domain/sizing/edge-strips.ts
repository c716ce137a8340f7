/**
 * A patch's edges near one small area, copied into typed arrays and listed by horizontal strips of
 * the small area's box (about two edges a strip), so that each edge of the small area meets only
 * the few patch edges in its strips (overlap-area.ts). Built for each small area into reused
 * buffers: one set at a time.
 */
import { scratchFloat64, scratchInt32 } from './scratch';

/** Nearby patch edges by horizontal strips of the box, built for each small area. */
export interface Strips {
	/** [x1, y1, x2, y2] of nearby edge q at q * 4. */
	edges: Float64Array;
	/** [minX, maxX, minY, maxY] of nearby edge q at q * 4. */
	boxes: Float64Array;
	/** The first strip each nearby edge is listed in. */
	first: Int32Array;
	/** Strip s lists items[start[s]] to items[start[s + 1] − 1]. */
	start: Int32Array;
	items: Int32Array;
	stripOf: (y: number) => number;
}

const strips: Strips = {
	edges: new Float64Array(0),
	boxes: new Float64Array(0),
	first: new Int32Array(0),
	start: new Int32Array(0),
	items: new Int32Array(0),
	stripOf: () => 0
};
let stripLow = 0;
let stripSize = 1;
let stripCount = 1;
strips.stripOf = (y) => {
	const s = Math.floor((y - stripLow) / stripSize);
	return s < 0 ? 0 : s >= stripCount ? stripCount - 1 : s;
};

/**
 * Copies edges near[0, m) of a patch into typed arrays, listed by strips of y from low to high
 * (about two edges a strip): an edge of the small area then meets only the few in its strips.
 */
export function stripIndex(
	edges: ArrayLike<number>,
	near: Int32Array,
	m: number,
	low: number,
	high: number
): Strips {
	stripCount = Math.max(1, Math.min(64, m >> 1));
	stripLow = low;
	stripSize = Math.max(1, (high - low + 1) / stripCount);
	const e4 = (strips.edges = scratchFloat64('overlap-strip-edges', m * 4));
	const box = (strips.boxes = scratchFloat64('overlap-strip-boxes', m * 4));
	const first = (strips.first = scratchInt32('overlap-strip-first', m));
	const last = scratchInt32('overlap-strip-last', m);
	const start = (strips.start = scratchInt32('overlap-strip-start', stripCount + 1, true));
	let total = 0;
	for (let q = 0; q < m; q++) {
		const k = near[q] * 4;
		const x1 = edges[k];
		const y1 = edges[k + 1];
		const x2 = edges[k + 2];
		const y2 = edges[k + 3];
		e4[q * 4] = x1;
		e4[q * 4 + 1] = y1;
		e4[q * 4 + 2] = x2;
		e4[q * 4 + 3] = y2;
		box[q * 4] = x1 < x2 ? x1 : x2;
		box[q * 4 + 1] = x1 < x2 ? x2 : x1;
		box[q * 4 + 2] = y1 < y2 ? y1 : y2;
		box[q * 4 + 3] = y1 < y2 ? y2 : y1;
		first[q] = strips.stripOf(box[q * 4 + 2]);
		last[q] = strips.stripOf(box[q * 4 + 3]);
		for (let s = first[q]; s <= last[q]; s++) start[s + 1]++;
		total += last[q] - first[q] + 1;
	}
	for (let s = 0; s < stripCount; s++) start[s + 1] += start[s];
	const fill = scratchInt32('overlap-strip-fill', stripCount);
	for (let s = 0; s < stripCount; s++) fill[s] = start[s];
	const items = (strips.items = scratchInt32('overlap-strip-items', total));
	for (let q = 0; q < m; q++) for (let s = first[q]; s <= last[q]; s++) items[fill[s]++] = q;
	return strips;
}
