/**
 * Patches that tile the synthetic small areas: grown from evenly spread seeds one small area at a
 * time in turn (so they are connected and of similar size), joined by exact edge cancellation, then
 * redrawn a little: every point on a border between two patches moves sideways by up to a quarter
 * of its shorter edge, the same way for both patches. The patches still tile with no gap or
 * overlap, but their borders now cut through small areas, as a boundary drawn by hand would, so
 * areal weighting and the centroid method differ and the areal pass has real clipping to do.
 */
import { unionBoundary } from '../../lib/demo/rings';
import { validatePatchGeometry } from '../../lib/domain/sizing/validate';
import type { PatchInput } from '../../lib/domain/sizing/types';
import type { SyntheticAreas } from './small-areas';

/** A 32-bit hash of a vertex id to [0, 1), so a border point moves the same way for both patches. */
function hashUnit(id: number, seed: number): number {
	let h = Math.imul(id ^ seed, 0x9e3779b1) >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b) >>> 0;
	h ^= h >>> 13;
	return (h >>> 0) / 4294967296;
}

/** Assigns every small area to one of `count` patches, growing them in turn from spread seeds. */
function grow(sa: SyntheticAreas, count: number): Int32Array {
	const n = sa.rings.length;
	const owner = new Int32Array(n).fill(-1);
	const byCell = new Map<number, number>();
	for (let i = 0; i < n; i++) byCell.set(sa.cell[i * 2 + 1] * sa.cols + sa.cell[i * 2], i);
	const across = Math.max(1, Math.round(Math.sqrt((count * sa.cols) / sa.rows)));
	const down = Math.ceil(count / across);
	const queues: number[][] = [];
	for (let p = 0; p < count; p++) {
		const c = Math.floor(((p % across) + 0.5) * (sa.cols / across));
		const r = Math.floor((Math.floor(p / across) + 0.5) * (sa.rows / down));
		let seed = byCell.get(r * sa.cols + c);
		for (let k = 1; seed === undefined || owner[seed] !== -1; k++) {
			seed = byCell.get(((r + k) % sa.rows) * sa.cols + c) ?? seed;
			if (k > sa.rows) throw new Error('Could not place every patch seed');
		}
		owner[seed] = p;
		queues.push([seed]);
	}
	const heads = new Int32Array(count);
	let left = n - count;
	while (left > 0) {
		let grew = false;
		for (let p = 0; p < count; p++) {
			const queue = queues[p];
			while (heads[p] < queue.length) {
				const at = queue[heads[p]];
				const next = sa.neighbours[at].find((q) => owner[q] === -1);
				if (next === undefined) {
					heads[p]++;
					continue;
				}
				owner[next] = p;
				queue.push(next);
				left--;
				grew = true;
				break;
			}
		}
		if (!grew) throw new Error(`${left} small areas could not be reached from any patch`);
	}
	return owner;
}

/** Generates `count` patches over the synthetic small areas. */
export function generatePatches(sa: SyntheticAreas, count: number, seed: number): PatchInput[] {
	const owner = grow(sa, count);
	const members: number[][] = Array.from({ length: count }, () => []);
	owner.forEach((p, i) => members[p].push(i));
	const boundaries = members.map((list) => unionBoundary(list.map((i) => Array.from(sa.rings[i]))));
	// A point on the border of exactly two patches may move; corners of three, pinches and the
	// outer edge of the whole area stay put, so the tiling stays exact. An edge whose reverse no
	// other patch walks is on the outer edge.
	// Typed arrays by vertex id, not maps: 1.7 million entries in maps made this thread's heap grow
	// past 1 GB before the collector caught up.
	const uses = new Uint8Array(sa.xy.length / 2);
	const walked = new Set<number>();
	const key = (a: number, b: number) => a * 2 ** 26 + b;
	for (const { rings } of boundaries) {
		for (const ring of rings) {
			ring.forEach((id, k) => {
				uses[id] = Math.min(255, uses[id] + 1);
				walked.add(key(id, ring[(k + 1) % ring.length]));
			});
		}
	}
	for (const { rings } of boundaries) {
		for (const ring of rings) {
			ring.forEach((id, k) => {
				const next = ring[(k + 1) % ring.length];
				if (!walked.has(key(next, id))) uses[id] = uses[next] = 0;
			});
		}
	}
	const { xy } = sa;
	const moved = new Map<number, [number, number]>();
	// Border points put back where they were, because moving them made a patch cross itself.
	const pinned = new Set<number>();
	const place = (id: number, prev: number, next: number): [number, number] => {
		if (uses[id] !== 2 || pinned.has(id)) return sa.position(id);
		let at = moved.get(id);
		if (!at) {
			const [lo, hi] = prev < next ? [prev, next] : [next, prev];
			const dx = xy[hi * 2] - xy[lo * 2];
			const dy = xy[hi * 2 + 1] - xy[lo * 2 + 1];
			const length = Math.hypot(dx, dy) || 1;
			const shortest = Math.min(
				Math.hypot(xy[id * 2] - xy[prev * 2], xy[id * 2 + 1] - xy[prev * 2 + 1]),
				Math.hypot(xy[id * 2] - xy[next * 2], xy[id * 2 + 1] - xy[next * 2 + 1])
			);
			const shift = 0.25 * shortest * (2 * hashUnit(id, seed) - 1);
			at = sa.toLonLat(xy[id * 2] - (dy / length) * shift, xy[id * 2 + 1] + (dx / length) * shift);
			moved.set(id, at);
		}
		return at;
	};
	const build = (p: number): PatchInput => {
		const { rings } = boundaries[p];
		const outer: GeoJSON.Position[][][] = [];
		const holes: { ring: GeoJSON.Position[]; first: number }[] = [];
		for (const ring of rings) {
			const coordinates = ring.map((id, k) =>
				place(id, ring[(k + ring.length - 1) % ring.length], ring[(k + 1) % ring.length])
			);
			coordinates.push(coordinates[0]);
			if (ringArea(ring, xy) > 0) outer.push([coordinates]);
			else holes.push({ ring: coordinates, first: ring[0] });
		}
		for (const hole of holes) {
			const [x, y] = [xy[hole.first * 2], xy[hole.first * 2 + 1]];
			const home = outer.find((polygon) => insideLonLat(polygon[0], sa.toLonLat(x, y))) ?? outer[0];
			home.push(hole.ring);
		}
		const geometry: PatchInput['geometry'] =
			outer.length === 1
				? { type: 'Polygon', coordinates: outer[0] }
				: { type: 'MultiPolygon', coordinates: outer };
		return { id: p + 1, name: `Patch ${p + 1}`, geometry };
	};
	const patches = boundaries.map((_, p) => build(p));
	// A moved point can carry a border across another edge of the same patch (where a patch
	// pinches or doubles back). Put every point of such a patch back, rebuild the patches that share
	// them (still an exact tiling: both sides use the same points), and check again.
	// Which patches use each point, worked out only if some patch crossed itself.
	let patchesOf: Map<number, number[]> | undefined;
	const patchesAt = (id: number) => {
		if (!patchesOf) {
			patchesOf = new Map();
			boundaries.forEach(({ rings }, p) => {
				for (const ring of rings) {
					for (const at of ring) {
						const list = patchesOf!.get(at);
						if (list) list.push(p);
						else patchesOf!.set(at, [p]);
					}
				}
			});
		}
		return patchesOf.get(id) ?? [];
	};
	let suspects = patches.map((_, p) => p);
	for (let round = 0; suspects.length > 0; round++) {
		if (round > 10) throw new Error('Could not make every generated patch valid');
		const crossed = suspects.filter((p) => crossesItself(patches[p]));
		const rebuild = new Set<number>();
		for (const p of crossed) {
			for (const ring of boundaries[p].rings) {
				for (const id of ring) {
					if (pinned.has(id)) continue;
					pinned.add(id);
					for (const other of patchesAt(id)) rebuild.add(other);
				}
			}
		}
		for (const p of rebuild) patches[p] = build(p);
		suspects = [...rebuild];
	}
	return patches;
}

/** Whether a patch would be refused on import (PostGIS refuses it too): it crosses itself. */
export function crossesItself(patch: PatchInput): boolean {
	return validatePatchGeometry(patch.geometry).some(
		(problem) => problem.kind === 'self_intersection'
	);
}

function ringArea(ring: number[], xy: Float64Array): number {
	let sum = 0;
	for (let i = 0; i < ring.length; i++) {
		const a = ring[i];
		const b = ring[(i + 1) % ring.length];
		sum += xy[a * 2] * xy[b * 2 + 1] - xy[b * 2] * xy[a * 2 + 1];
	}
	return sum / 2;
}

function insideLonLat(ring: GeoJSON.Position[], [x, y]: [number, number]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}
