/**
 * The last steps of planning patches: one patch takes a few small areas of its neighbour (the
 * overlapping pair), then single small areas pass between neighbouring patches until every patch is
 * within tolerance of its target, each staying one simple polygon.
 */
import type { SmallArea } from './borough';
import type { PatchPlan } from './patches';
import { isSimpleUnion } from './rings';

const sum = (areas: readonly SmallArea[], ids: readonly number[]) =>
	ids.reduce((s, i) => s + areas[i].population, 0);

/** A flexible patch takes a few small areas of a neighbour, still as one simple polygon. */
export function chooseOverlap(
	areas: readonly SmallArea[],
	assign: readonly number[],
	own: readonly number[][],
	candidates: readonly number[],
	size: number
): PatchPlan['overlap'] {
	for (const patch of candidates) {
		const inPatch = new Set(own[patch]);
		const border = own[patch]
			.flatMap((i) => areas[i].neighbours)
			.filter((n) => !inPatch.has(n) && assign[n] >= 0);
		for (const start of [...new Set(border)].sort((a, b) => a - b)) {
			const from = assign[start];
			const taken = [start];
			while (taken.length < size) {
				const next = taken
					.flatMap((i) => areas[i].neighbours)
					.filter((n) => assign[n] === from && !taken.includes(n))
					.sort((a, b) => a - b)[0];
				if (next === undefined) break;
				taken.push(next);
			}
			if (taken.length < size || taken.length >= own[from].length) continue;
			const rings = [...own[patch], ...taken].map((i) => areas[i].ring);
			if (isSimpleUnion(rings)) return { patch, from, areas: taken.sort((a, b) => a - b) };
		}
	}
	throw new Error('no overlap found');
}

/** Passes single small areas between neighbouring patches until each is within tolerance. */
export function fineTune(
	areas: readonly SmallArea[],
	covered: readonly number[],
	assign: number[],
	targets: readonly number[],
	overlap: PatchPlan['overlap'],
	tolerance: number
): void {
	const k = targets.length;
	const locked = new Set(overlap.areas);
	const footprint = (p: number) => {
		const ids = covered.filter((i) => assign[i] === p);
		return p === overlap.patch ? [...ids, ...overlap.areas] : ids;
	};
	const valid = (p: number) => isSimpleUnion(footprint(p).map((i) => areas[i].ring));
	for (let round = 0; round < 3000; round++) {
		const error = Array.from({ length: k }, (_, p) => sum(areas, footprint(p)) - targets[p]);
		if (error.every((e) => Math.abs(e) <= tolerance)) return;
		const moves: { i: number; to: number; gain: number }[] = [];
		for (const i of covered) {
			if (locked.has(i)) continue;
			const from = assign[i];
			const people = areas[i].population;
			for (const to of new Set(areas[i].neighbours.map((n) => assign[n]))) {
				if (to < 0 || to === from) continue;
				const before = error[from] ** 2 + error[to] ** 2;
				const after = (error[from] - people) ** 2 + (error[to] + people) ** 2;
				if (before > after) moves.push({ i, to, gain: before - after });
			}
		}
		moves.sort((a, b) => b.gain - a.gain || a.i - b.i || a.to - b.to);
		let moved = false;
		for (const move of moves) {
			const from = assign[move.i];
			assign[move.i] = move.to;
			if (valid(from) && valid(move.to)) {
				moved = true;
				break;
			}
			assign[move.i] = from;
		}
		if (!moved) throw new Error('fine tuning got stuck');
	}
	throw new Error('fine tuning did not finish');
}
