/**
 * A programme's patches as a few flat arrays, for posting to worker threads: copying nested GeoJSON
 * arrays between threads (structured clone, position by position) took this thread about 0.7 s per
 * worker for 5,000 patches, while the workers waited; flat arrays copy as one block each.
 */
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

/** Whether every patch is a Polygon or MultiPolygon of number pairs (the only shapes packed). */
function packable(patches: PatchInput[]): boolean {
	for (const patch of patches) {
		const geometry = patch?.geometry;
		if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return false;
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		if (!Array.isArray(polygons)) return false;
		for (const polygon of polygons) {
			if (!Array.isArray(polygon)) return false;
			for (const ring of polygon) {
				if (!Array.isArray(ring)) return false;
				for (const position of ring) {
					if (!Array.isArray(position) || typeof position[0] !== 'number') return false;
					if (typeof position[1] !== 'number') return false;
				}
			}
		}
	}
	return true;
}

/** Packs patches, or returns null when one is not a plain polygon (then post them as they are). */
export function packPatches(patches: PatchInput[]): PackedPatches | null {
	if (!packable(patches)) return null;
	let rings = 0;
	let values = 0;
	for (const { geometry } of patches) {
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
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
		coords: new Float64Array(values)
	};
	let r = 0;
	let v = 0;
	patches.forEach(({ geometry }, p) => {
		packed.multi[p] = geometry.type === 'MultiPolygon' ? 1 : 0;
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		polygons.forEach((polygon, k) => {
			for (const ring of polygon) {
				packed.ringPatch[r] = p;
				packed.ringPolygon[r] = k;
				packed.ringStart[r] = v;
				for (const position of ring) {
					packed.coords[v++] = position[0];
					packed.coords[v++] = position[1];
				}
				r++;
			}
		});
	});
	packed.ringStart[r] = v;
	return packed;
}

/** The patches back from packPatches (positions as [lon, lat]). */
export function unpackPatches(packed: PackedPatches): PatchInput[] {
	const polygonsOf: GeoJSON.Position[][][][] = packed.ids.map(() => []);
	const rings = packed.ringPatch.length;
	for (let r = 0; r < rings; r++) {
		const polygons = polygonsOf[packed.ringPatch[r]];
		const k = packed.ringPolygon[r];
		while (polygons.length <= k) polygons.push([]);
		const ring: GeoJSON.Position[] = [];
		for (let v = packed.ringStart[r]; v < packed.ringStart[r + 1]; v += 2) {
			ring.push([packed.coords[v], packed.coords[v + 1]]);
		}
		polygons[k].push(ring);
	}
	return packed.ids.map((id, p) => ({
		id,
		name: packed.names[p],
		geometry:
			packed.multi[p] === 1
				? { type: 'MultiPolygon', coordinates: polygonsOf[p] }
				: { type: 'Polygon', coordinates: polygonsOf[p][0] ?? [] }
	}));
}
