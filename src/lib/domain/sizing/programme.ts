/**
 * A whole programme's check: every patch's estimate, people counted in more than one patch, people
 * in no patch, and suggested moves for patches outside the usual size.
 *
 * Runs small area by small area (not patch by patch), so the clipped pieces of one small area are
 * accounted for and dropped at once: memory stays flat however many patches there are. How the
 * patches are made ready is in programme-patches.ts.
 */
import type { Paths64 } from 'clipper2-ts';
import { DEFAULT_LIMITS, sizingGuidance, type SizingGuidance } from '../bands';
import { accountArea, patchesOverlap, type PatchPiece } from './accounting';
import { coversAnySmallArea, noSmallAreaProblem } from './coverage';
import { cutKind, toEstimate, type SizingOptions } from './estimate';
import { suggestMoves } from './moves';
import { toPaths } from './plane';
import type { PreparedSmallAreas } from './prepare';
import { checkIds, preparePatches } from './programme-patches';
import { shareOf } from './shares';
import type { PatchInput, ProgrammeCheck, SmallAreaShare } from './types';
import { validatePatchGeometry } from './validate';

/** Pairs sharing fewer people than this are left out of the overlap lists (they show as 0). */
export const MIN_LISTED_OVERLAP = 0.5;

export interface ProgrammeOptions extends SizingOptions {
	/**
	 * Also compute the other method, for the side-by-side columns (default true). With false and
	 * method 'centroid', nothing is clipped: areal and difference are NaN on every patch.
	 */
	compare?: boolean;
}

const pairKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);

/**
 * Checks every patch of a programme against the design limits.
 * @param prepared small areas from prepareSmallAreas
 * @param patches the programme's patches, in lon/lat (throws, naming the patch, on any other)
 * @returns estimates in the order given, totals, overlapping pairs and uncovered small areas
 */
export function checkProgramme(
	prepared: PreparedSmallAreas,
	patches: PatchInput[],
	{
		limits = DEFAULT_LIMITS,
		method = 'areal',
		withShares = false,
		compare = true
	}: ProgrammeOptions = {}
): ProgrammeCheck {
	checkIds(patches);
	const arealOn = method === 'areal' || compare;
	const { patchAt, index, patchOfItem, firstOwner, moreOwners, areaKm2 } = preparePatches(
		prepared,
		patches,
		arealOn
	);
	const n = patches.length;
	const areal = new Float64Array(n);
	const centroid = new Float64Array(n);
	const overlapPeople = new Float64Array(n);
	const wholePeople = new Float64Array(n);
	const cutPeople = new Float64Array(n);
	// Areal weighting records who counts what as it goes; the centroid method alone works it out
	// for the few patches that need moves, from the owner lists (keeping 189,000 entries costs more).
	const members = arealOn ? patches.map(() => new Map<number, number>()) : [];
	const pointMembers = new Map<number, Map<number, number>>();
	const membersOf = (p: number): Map<number, number> => {
		if (arealOn) return members[p];
		let found = pointMembers.get(p);
		if (!found) {
			found = new Map();
			const { minX, minY, maxX, maxY } = patchAt(p).shape;
			for (const s of prepared.pointIndex?.search(minX, minY, maxX, maxY) ?? []) {
				if (firstOwner[s] === p || moreOwners.get(s)?.includes(p))
					found.set(s, prepared.population[s]);
			}
			pointMembers.set(p, found);
		}
		return found;
	};
	const shares: SmallAreaShare[][] = patches.map(() => []);
	const pairPeople = new Map<string, number>();
	const uncoveredAreas: ProgrammeCheck['uncoveredAreas'] = [];
	let covered = 0;
	let doubleCounted = 0;
	const overlapping = new Map<string, boolean>();
	const mayOverlap = (a: number, b: number) => {
		const key = pairKey(a, b);
		let known = overlapping.get(key);
		if (known === undefined) {
			known = patchesOverlap(patchAt(a), patchAt(b));
			overlapping.set(key, known);
		}
		return known;
	};

	const inside: number[] = [];
	const pieces: PatchPiece[] = [];
	// The small area in hand as Clipper paths, made at most once (one function, not one per area).
	let currentShape = prepared.shapes[0];
	let currentPaths: Paths64 | undefined;
	const whole = () => (currentPaths ??= toPaths(currentShape));
	for (let s = 0; s < prepared.count; s++) {
		const population = prepared.population[s];
		const shape = prepared.shapes[s];
		const px = prepared.points[s * 2];
		const py = prepared.points[s * 2 + 1];
		inside.length = 0;
		pieces.length = 0;
		currentShape = shape;
		currentPaths = undefined;
		if (!arealOn) {
			if (firstOwner[s] >= 0) inside.push(firstOwner[s], ...(moreOwners.get(s) ?? []));
		} else if (index) {
			const found = index.search(
				Math.min(shape.minX, px),
				Math.min(shape.minY, py),
				Math.max(shape.maxX, px),
				Math.max(shape.maxY, py)
			);
			for (const item of found) {
				const p = patchOfItem[item];
				const result = shareOf(prepared, s, patchAt(p), whole);
				if (result.pointInside) inside.push(p);
				const kind = cutKind(result.share, result.pointInside);
				if (kind === 'whole') wholePeople[p] += population;
				else if (kind === 'cut') cutPeople[p] += population;
				if (result.share > 0) {
					pieces.push({ patch: p, share: result.share, piece: result.piece });
					areal[p] += result.share * population;
				}
				if (withShares && (result.share > 0 || result.pointInside)) {
					const people = result.share * population;
					shares[p].push({
						code: prepared.codes[s],
						share: result.share,
						people,
						pointInside: result.pointInside
					});
				}
			}
		}
		for (const p of inside) centroid[p] += population;
		if (!arealOn && withShares) {
			for (const p of inside) {
				shares[p].push({
					code: prepared.codes[s],
					share: NaN,
					people: population,
					pointInside: true
				});
			}
		}

		let coveredHere: number;
		if (method === 'centroid') {
			coveredHere = inside.length > 0 ? population : 0;
			if (arealOn) for (const p of inside) members[p].set(s, population);
			if (inside.length > 1) {
				doubleCounted += population;
				for (const p of inside) overlapPeople[p] += population;
				for (let i = 0; i < inside.length; i++) {
					for (let j = i + 1; j < inside.length; j++) {
						const key = pairKey(inside[i], inside[j]);
						pairPeople.set(key, (pairPeople.get(key) ?? 0) + population);
					}
				}
			}
		} else {
			for (const piece of pieces) members[piece.patch].set(s, piece.share * population);
			const account = accountArea(whole, shape.area, pieces, mayOverlap);
			coveredHere = account.covered * population;
			doubleCounted += account.doubleCounted * population;
			for (const [p, share] of account.perPatch) overlapPeople[p] += share * population;
			for (const [a, b, share] of account.pairs) {
				const key = pairKey(a, b);
				pairPeople.set(key, (pairPeople.get(key) ?? 0) + share * population);
			}
		}
		covered += coveredHere;
		if (population - coveredHere > 0) {
			uncoveredAreas.push({ code: prepared.codes[s], people: population - coveredHere });
		}
	}

	const overlaps: ProgrammeCheck['overlaps'] = [];
	const overlapsWith: PatchEstimateOverlap[][] = patches.map(() => []);
	for (const [key, people] of pairPeople) {
		if (people < MIN_LISTED_OVERLAP) continue;
		const [a, b] = key.split(',').map(Number);
		const [pa, pb] = [patches[a], patches[b]];
		overlaps.push({ a: pa.id, b: pb.id, aName: pa.name, bName: pb.name, people });
		overlapsWith[a].push({ id: pb.id, name: pb.name, people });
		overlapsWith[b].push({ id: pa.id, name: pa.name, people });
	}
	overlaps.sort((x, y) => y.people - x.people);

	const byMethod = method === 'areal' ? areal : centroid;
	const context = {
		prepared,
		patchAt,
		inputs: patches,
		patchIndex: index,
		patchOfItem,
		population: byMethod,
		membersOf,
		limits
	};
	// Guidance depends only on the whole number of people; formatting it is the costly part.
	const guidance = new Map<number, SizingGuidance>();
	const guide = (population: number) => {
		const whole = Math.round(population);
		let found = guidance.get(whole);
		if (!found) guidance.set(whole, (found = sizingGuidance(population, limits)));
		return { ...found };
	};
	const problemsOf = (p: number) => {
		const problems = validatePatchGeometry(patches[p].geometry);
		// Only a patch with no one in it can cover nothing: the clipping check is for those few.
		const empty = centroid[p] === 0 && (!arealOn || areal[p] === 0);
		if (empty && prepared.count > 0 && !coversAnySmallArea(prepared, patchAt(p))) {
			problems.push(noSmallAreaProblem(patchAt(p)));
		}
		return problems;
	};
	const estimates = patches.map((patch, p) =>
		toEstimate(patch, {
			areal: arealOn ? areal[p] : NaN,
			centroid: centroid[p],
			areaKm2: areaKm2[p],
			guide,
			method,
			limits,
			problems: problemsOf(p),
			wholePeople: arealOn ? wholePeople[p] : NaN,
			cutPeople: arealOn ? cutPeople[p] : NaN,
			overlapPeople: overlapPeople[p],
			overlapsWith: overlapsWith[p].sort((x, y) => y.people - x.people),
			suggestedMoves: suggestMoves(context, p),
			shares: withShares ? shares[p] : undefined
		})
	);
	return {
		method,
		limits,
		patches: estimates,
		totals: {
			population: prepared.totalPopulation,
			covered,
			uncovered: prepared.totalPopulation - covered,
			doubleCounted
		},
		overlaps,
		uncoveredAreas
	};
}

type PatchEstimateOverlap = ProgrammeCheck['patches'][number]['overlapsWith'][number];
