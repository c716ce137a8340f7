/**
 * A programme's patches as a few flat arrays, for posting to worker threads: copying nested GeoJSON
 * arrays between threads (structured clone, position by position) took this thread about 0.7 s per
 * worker for 5,000 patches, while the workers waited; flat arrays copy as one block each.
 */
import { isLonLat } from './plane';
import { flatPolygons, type FlatPolygon } from './plane-flat';
import type { PatchInput } from './types';

export interface PackedPatches {
	ids: (string | number)[];
	names: string[];
	/** 1 for a MultiPolygon, 0 for a Polygon, per patch. */
	multi: Uint8Array;
	/** Per ring: its patch, its polygon within the patch, and where its positions start. */
	ringPatch: Int32Array;
	ringPolygon: Int32Array;
	/** Ring r's positions are coords[ringStart[r] … ringStart[r + 1]), x and y alternating. */
	ringStart: Int32Array;
	coords: Float64Array;
}

/** A patch's polygons, or null when it is not a Polygon or MultiPolygon of arrays of arrays. */
function polygonsOf(patch: PatchInput): GeoJSON.Position[][][] | null {
	const geometry = patch?.geometry;
	if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return null;
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	if (!Array.isArray(polygons)) return null;
	for (const polygon of polygons) {
		if (!Array.isArray(polygon)) return null;
		for (const ring of polygon) if (!Array.isArray(ring)) return null;
	}
	return polygons;
}

/**
 * Packs patches, or returns null when one is not a plain polygon of number pairs (then post them as
 * they are). The positions are checked as they are copied, in one pass.
 * @param reuse memory for the coordinates, used when large enough (the last check's, once no thread
 *   reads it any more)
 */
export function packPatches(patches: PatchInput[], reuse?: Float64Array): PackedPatches | null {
	const shapes: GeoJSON.Position[][][][] = [];
	let rings = 0;
	let values = 0;
	for (const patch of patches) {
		const polygons = polygonsOf(patch);
		if (!polygons) return null;
		shapes.push(polygons);
		for (const polygon of polygons) {
			rings += polygon.length;
			for (const ring of polygon) values += ring.length * 2;
		}
	}
	const packed: PackedPatches = {
		ids: patches.map((patch) => patch.id),
		names: patches.map((patch) => patch.name),
		multi: new Uint8Array(patches.length),
		ringPatch: new Int32Array(rings),
		ringPolygon: new Int32Array(rings),
		ringStart: new Int32Array(rings + 1),
		// Shared memory where the platform has it: posted to every worker without a copy each.
		coords:
			reuse && reuse.length >= values
				? reuse.subarray(0, values)
				: typeof SharedArrayBuffer === 'function'
					? new Float64Array(new SharedArrayBuffer(values * 8))
					: new Float64Array(values)
	};
	const { coords } = packed;
	let r = 0;
	let v = 0;
	for (let p = 0; p < patches.length; p++) {
		packed.multi[p] = patches[p].geometry.type === 'MultiPolygon' ? 1 : 0;
		const polygons = shapes[p];
		for (let k = 0; k < polygons.length; k++) {
			for (const ring of polygons[k]) {
				packed.ringPatch[r] = p;
				packed.ringPolygon[r] = k;
				packed.ringStart[r] = v;
				for (const position of ring) {
					if (!Array.isArray(position)) return null;
					const lon = position[0];
					const lat = position[1];
					if (typeof lon !== 'number' || typeof lat !== 'number') return null;
					coords[v++] = lon;
					coords[v++] = lat;
				}
				r++;
			}
		}
	}
	packed.ringStart[r] = v;
	return packed;
}

/**
 * Patches to read one at a time, from an array or from packed arrays (a worker thread unpacks only
 * the patches its runs reach, and drops them again, instead of holding all of them as GeoJSON).
 */
export interface PatchSource {
	readonly count: number;
	/** Patch p as GeoJSON (from packed arrays, a new object on every call). */
	at(p: number): PatchInput;
	/**
	 * Patch p's polygons as flat rings, [lon0, lat0, lon1, lat1, …] as stored (views into packed
	 * arrays: no copy), or null when it is not a Polygon or MultiPolygon. Values are unchecked.
	 */
	rings(p: number): FlatPolygon[] | null;
	/**
	 * Patch p's extent, minLon, minLat, maxLon, maxLat (Infinity for a patch with no position), or
	 * null when a coordinate is not a finite longitude and latitude.
	 */
	lonLatBox(p: number): [number, number, number, number] | null;
}

/** Patches in an array, as a PatchSource. */
export function arraySource(patches: PatchInput[]): PatchSource {
	return {
		count: patches.length,
		at: (p) => patches[p],
		rings(p) {
			const geometry = patches[p]?.geometry;
			if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return null;
			return flatPolygons(geometry);
		},
		lonLatBox(p) {
			const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
			const geometry = patches[p]?.geometry;
			if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return null;
			const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
			for (const polygon of polygons) {
				for (const ring of polygon) {
					for (const position of ring) {
						const lon = position[0];
						const lat = position[1];
						if (!isLonLat(lon, lat)) return null;
						if (lon < box[0]) box[0] = lon;
						if (lat < box[1]) box[1] = lat;
						if (lon > box[2]) box[2] = lon;
						if (lat > box[3]) box[3] = lat;
					}
				}
			}
			return box;
		}
	};
}

/** Packed patches as a PatchSource: each patch is unpacked when asked for. */
export function packedSource(packed: PackedPatches): PatchSource {
	const count = packed.ids.length;
	// Patch p's rings are firstRing[p] to firstRing[p + 1] − 1 (packPatches keeps patch order).
	const firstRing = new Int32Array(count + 1);
	for (let r = 0; r < packed.ringPatch.length; r++) firstRing[packed.ringPatch[r] + 1]++;
	for (let p = 0; p < count; p++) firstRing[p + 1] += firstRing[p];
	return {
		count,
		at(p) {
			const polygons: GeoJSON.Position[][][] = [];
			for (let r = firstRing[p]; r < firstRing[p + 1]; r++) {
				const k = packed.ringPolygon[r];
				while (polygons.length <= k) polygons.push([]);
				const ring: GeoJSON.Position[] = [];
				for (let v = packed.ringStart[r]; v < packed.ringStart[r + 1]; v += 2) {
					ring.push([packed.coords[v], packed.coords[v + 1]]);
				}
				polygons[k].push(ring);
			}
			return {
				id: packed.ids[p],
				name: packed.names[p],
				geometry:
					packed.multi[p] === 1
						? { type: 'MultiPolygon', coordinates: polygons }
						: { type: 'Polygon', coordinates: polygons[0] ?? [] }
			};
		},
		rings(p) {
			const polygons: FlatPolygon[] = [];
			for (let r = firstRing[p]; r < firstRing[p + 1]; r++) {
				const k = packed.ringPolygon[r];
				while (polygons.length <= k) polygons.push([]);
				polygons[k].push(packed.coords.subarray(packed.ringStart[r], packed.ringStart[r + 1]));
			}
			// A Polygon with no ring packs as none; as GeoJSON it is one polygon with no rings.
			return packed.multi[p] === 1 ? polygons : [polygons[0] ?? []];
		},
		lonLatBox(p) {
			const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
			const from = packed.ringStart[firstRing[p]];
			const to = packed.ringStart[firstRing[p + 1]];
			for (let v = from; v < to; v += 2) {
				const lon = packed.coords[v];
				const lat = packed.coords[v + 1];
				if (!isLonLat(lon, lat)) return null;
				if (lon < box[0]) box[0] = lon;
				if (lat < box[1]) box[1] = lat;
				if (lon > box[2]) box[2] = lon;
				if (lat > box[3]) box[3] = lat;
			}
			return box;
		}
	};
}

/** The patches back from packPatches (positions as [lon, lat]). */
export function unpackPatches(packed: PackedPatches): PatchInput[] {
	const source = packedSource(packed);
	return packed.ids.map((_, p) => source.at(p));
}
