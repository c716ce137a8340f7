/**
 * The bench's synthetic programme generated in a child process, so that generating it (the
 * triangulation, the patches grown and joined: some 600 MB at the default size) is not counted in
 * the peak memory of the process whose checks are measured. The child writes flat arrays into a
 * folder; this process reads them back and builds the same small areas (GeoJSON made afresh on each
 * read, lazyAreasOf) and the same patches (unpackPatches: the same numbers, exactly).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackPatches, type PackedPatches } from '../../lib/domain/sizing/pack-patches';
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
	multi: 'patches-multi.u8',
	ringPatch: 'patches-ring-patch.i32',
	ringPolygon: 'patches-ring-polygon.i32',
	patchRingStart: 'patches-ring-start.i32',
	coords: 'patches-coords.f64',
	labels: 'patches-labels.json'
} as const;

/** Writes the areas and the packed patches into dir (the child's side). */
export function writeGenerated(dir: string, flat: FlatAreas, packed: PackedPatches): void {
	const at = (name: keyof typeof FILES) => join(dir, FILES[name]);
	writeArray(at('ringIds'), flat.ringIds);
	writeArray(at('ringStart'), flat.ringStart);
	writeArray(at('xy'), flat.xy);
	writeArray(at('population'), flat.population);
	writeArray(at('multi'), packed.multi);
	writeArray(at('ringPatch'), packed.ringPatch);
	writeArray(at('ringPolygon'), packed.ringPolygon);
	writeArray(at('patchRingStart'), packed.ringStart);
	writeArray(at('coords'), packed.coords);
	writeFileSync(at('labels'), JSON.stringify({ ids: packed.ids, names: packed.names }));
}

/**
 * Generates the programme in a child process (generate-child.ts) and reads it back.
 * @returns the small areas (their GeoJSON built on each read) and the patches
 */
export function generateApart(
	dir: string,
	smallAreas: number,
	patches: number,
	seed: number
): { areas: SmallAreaInput[]; patches: PatchInput[] } {
	execFileSync(
		process.execPath,
		[
			'--import',
			'tsx',
			fileURLToPath(new URL('./generate-child.ts', import.meta.url)),
			dir,
			String(smallAreas),
			String(patches),
			String(seed)
		],
		{ stdio: ['ignore', 'inherit', 'inherit'] }
	);
	const at = (name: keyof typeof FILES) => join(dir, FILES[name]);
	const areas = lazyAreasOf({
		ringIds: readArray(at('ringIds'), (n) => new Int32Array(n)),
		ringStart: readArray(at('ringStart'), (n) => new Int32Array(n)),
		xy: readArray(at('xy'), (n) => new Float64Array(n)),
		population: readArray(at('population'), (n) => new Int32Array(n))
	});
	const labels = JSON.parse(readFileSync(at('labels'), 'utf8')) as Pick<
		PackedPatches,
		'ids' | 'names'
	>;
	const packed: PackedPatches = {
		...labels,
		multi: readArray(at('multi'), (n) => new Uint8Array(n)),
		ringPatch: readArray(at('ringPatch'), (n) => new Int32Array(n)),
		ringPolygon: readArray(at('ringPolygon'), (n) => new Int32Array(n)),
		ringStart: readArray(at('patchRingStart'), (n) => new Int32Array(n)),
		coords: readArray(at('coords'), (n) => new Float64Array(n))
	};
	return { areas, patches: unpackPatches(packed) };
}
