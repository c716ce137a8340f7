/**
 * Prepared small areas as a handful of typed arrays, for handing to worker threads: the rings stay
 * in the arena's shared memory (plane.ts), so a worker reads them without a copy; the rest is a few
 * flat arrays. A worker unpacks them, a run at a time, into the PreparedSmallAreas the scan needs
 * (scan.ts); it needs no indexes of the small areas, so none are rebuilt.
 */
import { type Coords, type PlaneOrigin, type PlaneShape } from './plane';
import type { PreparedSmallAreas } from './prepare';

export interface PackedSmallAreas {
	count: number;
	origin: PlaneOrigin;
	population: Float64Array;
	points: Float64Array;
	/** Every ring's coordinates, end to end (shared memory when the platform has it). */
	coords: Float64Array;
	/** Ring r is coords[ringStart[r] … ringStart[r] + ringLength[r]). */
	ringStart: Int32Array;
	ringLength: Int32Array;
	/** Small area s has rings shapeRings[s] to shapeRings[s + 1] − 1. */
	shapeRings: Int32Array;
	/** minX, minY, maxX, maxY, area for each small area. */
	boxes: Float64Array;
	/** The prepared small areas' own `simple` (shared with them where the platform allows). */
	simple: Uint8Array;
}

/** Packs prepared small areas; copies the rings only when they are not all in one arena. */
export function packSmallAreas(prepared: PreparedSmallAreas): PackedSmallAreas {
	const { count, shapes } = prepared;
	let ringCount = 0;
	let total = 0;
	let arena: ArrayBufferLike | undefined;
	let inOneArena = true;
	for (const shape of shapes) {
		for (const ring of shape.rings) {
			ringCount++;
			total += ring.length;
			if (!(ring instanceof Float64Array)) inOneArena = false;
			else if (arena === undefined) arena = ring.buffer;
			else if (ring.buffer !== arena) inOneArena = false;
		}
	}
	const coords =
		inOneArena && arena
			? new Float64Array(arena as ArrayBuffer)
			: typeof SharedArrayBuffer === 'function'
				? new Float64Array(new SharedArrayBuffer(total * 8))
				: new Float64Array(total);
	const ringStart = new Int32Array(ringCount);
	const ringLength = new Int32Array(ringCount);
	const shapeRings = new Int32Array(count + 1);
	const boxes = new Float64Array(count * 5);
	let r = 0;
	let used = 0;
	for (let s = 0; s < count; s++) {
		const shape = shapes[s];
		for (const ring of shape.rings) {
			if (inOneArena) {
				ringStart[r] = (ring as Float64Array).byteOffset / 8;
			} else {
				for (let i = 0; i < ring.length; i++) coords[used + i] = ring[i];
				ringStart[r] = used;
				used += ring.length;
			}
			ringLength[r++] = ring.length;
		}
		shapeRings[s + 1] = r;
		boxes.set([shape.minX, shape.minY, shape.maxX, shape.maxY, shape.area], s * 5);
	}
	return {
		count,
		origin: prepared.origin,
		population: prepared.population,
		points: prepared.points,
		coords,
		ringStart,
		ringLength,
		shapeRings,
		boxes,
		simple: prepared.simple
	};
}

/**
 * The small areas back from packed arrays, for scanning (no codes, no indexes). Only small areas
 * from to to − 1 get their shapes (the others' entries are empty): a worker thread unpacks one run
 * at a time, as 189,000 shapes of its own would cost each thread about 80 MB of heap.
 */
export function unpackSmallAreas(
	packed: PackedSmallAreas,
	from = 0,
	to = packed.count
): PreparedSmallAreas {
	const { count, coords, ringStart, ringLength, shapeRings, boxes } = packed;
	const shapes: PlaneShape[] = new Array(count);
	for (let s = Math.max(0, from); s < Math.min(count, to); s++) {
		const rings: Coords[] = [];
		for (let r = shapeRings[s]; r < shapeRings[s + 1]; r++) {
			rings.push(coords.subarray(ringStart[r], ringStart[r] + ringLength[r]));
		}
		const b = s * 5;
		shapes[s] = {
			rings,
			minX: boxes[b],
			minY: boxes[b + 1],
			maxX: boxes[b + 2],
			maxY: boxes[b + 3],
			area: boxes[b + 4]
		};
	}
	let totalPopulation = 0;
	for (let s = 0; s < count; s++) totalPopulation += packed.population[s];
	return {
		count,
		codes: [],
		population: packed.population,
		totalPopulation,
		origin: packed.origin,
		shapes,
		points: packed.points,
		lonLatPoints: new Float64Array(0),
		boxIndex: null,
		pointIndex: null,
		simple: packed.simple
	};
}
