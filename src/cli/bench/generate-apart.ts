/**
 * The bench's synthetic programme generated in a child process, so that generating it (the
 * triangulation, the patches grown and joined: some 600 MB at the default size) is not counted in
 * the peak memory of the process whose checks are measured. The child writes flat arrays into a
 * folder; this process reads them back and builds the same small areas (GeoJSON made afresh on each
 * read, lazyAreasOf) and the same patches (the same numbers, exactly, and the same positions shared).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PatchInput, SmallAreaInput } from '../../lib/domain/sizing/types';
import { lazyAreasOf, type FlatAreas } from './small-areas';

type Typed = Float64Array | Int32Array | Uint8Array;

/** Writes a typed array's bytes to a file. */
export function writeArray(path: string, array: Typed): void {
	writeFileSync(path, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

/** Reads a file written by writeArray straight into a new typed array (no second copy). */
function readArray<T extends Typed>(path: string, make: (length: number) => T): T {
	const fd = openSync(path, 'r');
	try {
		const { size } = fstatSync(fd);
		const array = make(size / (make(0).BYTES_PER_ELEMENT || 1));
		const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
		for (let at = 0; at < size;) {
			const got = readSync(fd, bytes, at, size - at, at);
			if (got === 0) throw new Error(`${path} ended early`);
			at += got;
		}
		return array;
	} finally {
		closeSync(fd);
	}
}

/** The arrays' files in dir, by name. */
export const FILES = {
	ringIds: 'areas-ring-ids.i32',
	ringStart: 'areas-ring-start.i32',
	xy: 'areas-xy.f64',
	population: 'areas-population.i32',
	positions: 'patches-positions.f64',
	rings: 'patches-rings.i32',
	ringPositions: 'patches-ring-positions.i32',
	patches: 'patches.json'
} as const;

/**
 * The patches as flat arrays that keep which positions they share: the generator gives a border
 * point one [lon, lat] array for both patches on it (and a ring's closing position is its first),
 * so they are written once here and shared again when read back (unshared, 5,000 patches' positions
 * cost about 45 MB more heap).
 */
interface FlatPatches {
	/** Each distinct position object's lon, lat. */
	positions: Float64Array;
	/** Per ring: its patch, its polygon within the patch, where its position numbers start. */
	rings: Int32Array;
	/** The rings' position numbers, end to end. */
	ringPositions: Int32Array;
	/** Per patch: id, name, and whether it is a MultiPolygon. */
	patches: { id: string | number; name: string; multi: boolean }[];
}

function flattenPatches(patches: PatchInput[]): FlatPatches {
	const number = new Map<GeoJSON.Position, number>();
	const positions: number[] = [];
	const rings: number[] = [];
	const ringPositions: number[] = [];
	patches.forEach(({ geometry }, p) => {
		if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
			throw new Error(`Patch ${p + 1} is not a polygon`);
		}
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		polygons.forEach((polygon, k) => {
			for (const ring of polygon) {
				rings.push(p, k, ringPositions.length);
				for (const position of ring) {
					let at = number.get(position);
					if (at === undefined) {
						at = positions.length / 2;
						number.set(position, at);
						positions.push(position[0], position[1]);
					}
					ringPositions.push(at);
				}
			}
		});
	});
	return {
		positions: Float64Array.from(positions),
		rings: Int32Array.from(rings),
		ringPositions: Int32Array.from(ringPositions),
		patches: patches.map(({ id, name, geometry }) => ({
			id,
			name,
			multi: geometry.type === 'MultiPolygon'
		}))
	};
}

function unflattenPatches({ positions, rings, ringPositions, patches }: FlatPatches): PatchInput[] {
	const shared: GeoJSON.Position[] = Array.from({ length: positions.length / 2 }, (_, i) => [
		positions[i * 2],
		positions[i * 2 + 1]
	]);
	const polygons: GeoJSON.Position[][][][] = patches.map(() => []);
	for (let r = 0; r < rings.length; r += 3) {
		const [p, k, from] = [rings[r], rings[r + 1], rings[r + 2]];
		const to = r + 5 < rings.length ? rings[r + 5] : ringPositions.length;
		const ring: GeoJSON.Position[] = new Array(to - from);
		for (let v = from; v < to; v++) ring[v - from] = shared[ringPositions[v]];
		while (polygons[p].length <= k) polygons[p].push([]);
		polygons[p][k].push(ring);
	}
	return patches.map(({ id, name, multi }, p) => ({
		id,
		name,
		geometry: multi
			? { type: 'MultiPolygon', coordinates: polygons[p] }
			: { type: 'Polygon', coordinates: polygons[p][0] ?? [] }
	}));
}

/** Writes the areas and the patches into dir (the child's side). */
export function writeGenerated(dir: string, flat: FlatAreas, patches: PatchInput[]): void {
	const at = (name: keyof typeof FILES) => join(dir, FILES[name]);
	writeArray(at('ringIds'), flat.ringIds);
	writeArray(at('ringStart'), flat.ringStart);
	writeArray(at('xy'), flat.xy);
	writeArray(at('population'), flat.population);
	const flatPatches = flattenPatches(patches);
	writeArray(at('positions'), flatPatches.positions);
	writeArray(at('rings'), flatPatches.rings);
	writeArray(at('ringPositions'), flatPatches.ringPositions);
	writeFileSync(at('patches'), JSON.stringify(flatPatches.patches));
}

/**
 * The small areas as written into dir (by generateApart's child), read again: a caller that keeps
 * the folder need not keep the arrays (about 90 MB at the default size) between uses.
 */
export function readSmallAreas(dir: string): FlatAreas {
	const at = (name: keyof typeof FILES) => join(dir, FILES[name]);
	return {
		ringIds: readArray(at('ringIds'), (n) => new Int32Array(n)),
		ringStart: readArray(at('ringStart'), (n) => new Int32Array(n)),
		xy: readArray(at('xy'), (n) => new Float64Array(n)),
		population: readArray(at('population'), (n) => new Int32Array(n))
	};
}

/**
 * Generates the programme in a child process (generate-child.ts) and reads it back.
 * @returns the small areas (their GeoJSON built on each read), the patches, and the flat arrays
 *   the small areas are built from (areasOf builds their GeoJSON once, to keep)
 */
export function generateApart(
	dir: string,
	smallAreas: number,
	patchCount: number,
	seed: number
): { areas: SmallAreaInput[]; patches: PatchInput[]; flat: FlatAreas } {
	execFileSync(
		process.execPath,
		[
			'--import',
			'tsx',
			fileURLToPath(new URL('./generate-child.ts', import.meta.url)),
			dir,
			String(smallAreas),
			String(patchCount),
			String(seed)
		],
		{ stdio: ['ignore', 'inherit', 'inherit'] }
	);
	const at = (name: keyof typeof FILES) => join(dir, FILES[name]);
	const flat = readSmallAreas(dir);
	const patches = unflattenPatches({
		positions: readArray(at('positions'), (n) => new Float64Array(n)),
		rings: readArray(at('rings'), (n) => new Int32Array(n)),
		ringPositions: readArray(at('ringPositions'), (n) => new Int32Array(n)),
		patches: JSON.parse(readFileSync(at('patches'), 'utf8')) as FlatPatches['patches']
	});
	return { areas: lazyAreasOf(flat), patches, flat };
}
