/**
 * Suggested moves: small areas on a patch's edge that could go to (or come from) a touching
 * neighbour, to bring a patch outside the usual size toward it, as redistricting tools suggest.
 *
 * Greedy: each step takes the biggest move that does not overshoot the usual range for this patch
 * and does not push the neighbour out of its own acceptable range (a usual neighbour stays usual; a
 * neighbour outside it may only move toward it, never past it). At most MAX_MOVES steps.
 */
import type Flatbush from 'flatbush';
import type { DesignLimits } from '../bands';
import { edgeInBox, shapeBoundaryMeets, type PreparedPatch } from './patch';
import type { PlaneShape } from './plane';
import type { PreparedSmallAreas } from './prepare';
import type { EdgeMove, PatchInput } from './types';

export const MAX_MOVES = 5;
/** Moves smaller than this are not worth suggesting (a corner clipped by a boundary). */
const MIN_MOVE_PEOPLE = 1;

export interface MoveContext {
	prepared: PreparedSmallAreas;
	/** Patch p made ready (prepared on first use: most patches never need it here). */
	patchAt: (p: number) => PreparedPatch;
	/** Patch p projected only (its edges not indexed). */
	shapeAt: (p: number) => PlaneShape;
	/** Each patch's projected box (Infinity when it has no area), known without preparing it. */
	boxes: readonly (readonly [number, number, number, number])[];
	inputs: readonly PatchInput[];
	/** Patch bounding boxes; item i is patch patchOfItem[i]. */
	patchIndex: Flatbush | null;
	patchOfItem: number[];
	/** Each patch's population by the method in use. */
	population: Float64Array;
	/** Small area number → people patch p counts there (by the method in use). */
	membersOf: (p: number) => Map<number, number>;
	limits: DesignLimits;
}

interface Candidate {
	area: number;
	neighbour: number;
	people: number;
	direction: 'out' | 'in';
	/** Whether the small area touches the patch it would go to: worked out only when reached. */
	touches?: boolean;
}

function neighboursOfArea(ctx: MoveContext, area: number, except: number): number[] {
	const shape = ctx.prepared.shapes[area];
	if (!ctx.patchIndex || shape.rings.length === 0) return [];
	return ctx.patchIndex
		.search(shape.minX, shape.minY, shape.maxX, shape.maxY)
		.map((item) => ctx.patchOfItem[item])
		.filter((q) => q !== except);
}

/** Whether a small area touches patch `to`: counted there too, or its boundary meets to's. */
function touches(ctx: MoveContext, area: number, to: number): boolean {
	return (
		ctx.membersOf(to).has(area) || shapeBoundaryMeets(ctx.shapeAt(to), ctx.prepared.shapes[area])
	);
}

/**
 * The small areas that might move: on p's edge going out, or on a nearby patch's edge coming in.
 * Whether each really touches the patch it would go to is left to the greedy pick below, which
 * asks only for the few candidates it reaches: the test needs that patch prepared in full, and
 * asking for every candidate prepared most of a programme's patches (about 0.1 s for 5,000).
 */
function candidates(ctx: MoveContext, p: number, direction: 'out' | 'in'): Candidate[] {
	const found: Candidate[] = [];
	if (direction === 'out') {
		const patch = ctx.patchAt(p);
		for (const [area, people] of ctx.membersOf(p)) {
			if (people < MIN_MOVE_PEOPLE) continue;
			// Only small areas on p's edge: p's boundary comes into their box.
			const shape = ctx.prepared.shapes[area];
			if (!edgeInBox(patch, shape.minX, shape.minY, shape.maxX, shape.maxY)) continue;
			for (const q of new Set(neighboursOfArea(ctx, area, p))) {
				found.push({ area, neighbour: q, people, direction });
			}
		}
		return found;
	}
	const [minX, minY, maxX, maxY] = ctx.boxes[p];
	if (!ctx.patchIndex || !Number.isFinite(minX)) return found;
	const near = new Set(
		ctx.patchIndex.search(minX, minY, maxX, maxY).map((i) => ctx.patchOfItem[i])
	);
	near.delete(p);
	for (const q of near) {
		for (const [area, people] of ctx.membersOf(q)) {
			if (people < MIN_MOVE_PEOPLE) continue;
			const box = ctx.prepared.shapes[area];
			if (box.maxX < minX || box.minX > maxX || box.maxY < minY || box.minY > maxY) continue;
			// A small area of q that touches p is on q's edge by definition.
			found.push({ area, neighbour: q, people, direction });
		}
	}
	return found;
}

/** Whether the neighbour stays acceptable after gaining (or losing) people. */
function neighbourAccepts(before: number, after: number, limits: DesignLimits): boolean {
	const { usualMin, usualMax } = limits;
	if (before >= usualMin && before <= usualMax) return after >= usualMin && after <= usualMax;
	if (before < usualMin) return after > before && after <= usualMax;
	return after < before && after >= usualMin;
}

/**
 * Suggested moves for one patch (empty when it is within the usual size or nothing fits).
 * @param p the patch's place in the programme's list
 */
export function suggestMoves(ctx: MoveContext, p: number): EdgeMove[] {
	const { usualMin, usualMax } = ctx.limits;
	let exact = ctx.population[p];
	const start = Math.round(exact);
	if (start >= usualMin && start <= usualMax) return [];
	const direction = start > usualMax ? 'out' : 'in';
	const pool = candidates(ctx, p, direction).sort(
		(a, b) => b.people - a.people || a.area - b.area || a.neighbour - b.neighbour
	);
	const neighbourPopulation = new Map<number, number>();
	const used = new Set<number>();
	const moves: EdgeMove[] = [];
	const outside = () => Math.round(exact) > usualMax || Math.round(exact) < usualMin;
	while (moves.length < MAX_MOVES && outside()) {
		const pick = pool.find((c) => {
			if (used.has(c.area)) return false;
			const after = Math.round(direction === 'out' ? exact - c.people : exact + c.people);
			if (direction === 'out' ? after < usualMin : after > usualMax) return false;
			const before = neighbourPopulation.get(c.neighbour) ?? ctx.population[c.neighbour];
			const theirs = direction === 'out' ? before + c.people : before - c.people;
			if (!neighbourAccepts(Math.round(before), Math.round(theirs), ctx.limits)) return false;
			// The small area must touch the patch it goes to (out: the neighbour; in: this patch).
			c.touches ??= touches(ctx, c.area, direction === 'out' ? c.neighbour : p);
			return c.touches;
		});
		if (!pick) break;
		used.add(pick.area);
		const before = neighbourPopulation.get(pick.neighbour) ?? ctx.population[pick.neighbour];
		neighbourPopulation.set(
			pick.neighbour,
			direction === 'out' ? before + pick.people : before - pick.people
		);
		exact = direction === 'out' ? exact - pick.people : exact + pick.people;
		const neighbour = ctx.inputs[pick.neighbour];
		moves.push({
			code: ctx.prepared.codes[pick.area],
			people: pick.people,
			neighbourId: neighbour.id,
			neighbourName: neighbour.name,
			direction
		});
	}
	return moves;
}
