/**
 * A whole programme's check: every patch's estimate, people counted in more than one patch, people
 * in no patch, and suggested moves for patches outside the usual size.
 *
 * Runs small area by small area (not patch by patch), so the clipped pieces of one small area are
 * accounted for and dropped at once: memory stays flat however many patches there are. How the
 * patches are made ready is in programme-patches.ts.
 */
import { DEFAULT_LIMITS, sizingGuidance, type SizingGuidance } from '../bands';
import { coversAnySmallArea, noSmallAreaProblem } from './coverage';
import { cutKind, toEstimate, type SizingOptions } from './estimate';
import { suggestMoves } from './moves';
import type { PreparedSmallAreas } from './prepare';
import { checkIds, preparePatches, type ProgrammePatches } from './programme-patches';
import { scanSmallAreas, type ScanRecords } from './scan';
import type { GeometryProblem, PatchInput, ProgrammeCheck, SmallAreaShare } from './types';
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
	options: ProgrammeOptions = {}
): ProgrammeCheck {
	checkIds(patches);
	const method = options.method ?? 'areal';
	const arealOn = method === 'areal' || (options.compare ?? true);
	const ready = preparePatches(prepared, patches, arealOn);
	const scans = arealOn
		? [scanSmallAreas(prepared, ready, 0, prepared.count, method === 'areal')]
		: [];
	return finishCheck(prepared, patches, options, ready, scans);
}

/**
 * Adds up the scans of a check (scan.ts), in small-area order, into the check's figures.
 * @param ready the patches from preparePatches (kept or not, as for checkProgramme)
 * @param scans runs of small areas covering 0 to prepared.count − 1 in order (none for the
 *   centroid method alone, which reads ready.firstOwner instead)
 * @param validated each patch's validatePatchGeometry, when already worked out (the sizing pool
 *   does it while its threads clip)
 */
export function finishCheck(
	prepared: PreparedSmallAreas,
	patches: PatchInput[],
	{
		limits = DEFAULT_LIMITS,
		method = 'areal',
		withShares = false,
		compare = true
	}: ProgrammeOptions,
	ready: ProgrammePatches,
	scans: ScanRecords[],
	validated?: GeometryProblem[][]
): ProgrammeCheck {
	const arealOn = method === 'areal' || compare;
	const { patchAt, index, patchOfItem, firstOwner, moreOwners, areaKm2, boxes } = ready;
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
			// The box alone, known without preparing the patch: this is asked of neighbours that
			// suggested moves never otherwise prepare.
			const [minX, minY, maxX, maxY] = boxes[p];
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

	const inside: number[] = [];
	let scan = scans[0];
	let next = 1;
	if (arealOn && prepared.count > 0 && (!scan || scan.lo !== 0)) {
		throw new RangeError('The scans of a programme check must start at the first small area');
	}
	for (let s = 0; s < prepared.count; s++) {
		const population = prepared.population[s];
		// Emptied by popping: setting length, 189,000 times, was a tenth of this loop.
		while (inside.length > 0) inside.pop();
		let i = 0;
		if (!arealOn) {
			if (firstOwner[s] >= 0) {
				inside.push(firstOwner[s]);
				const more = moreOwners.get(s);
				if (more) for (const p of more) inside.push(p);
			}
		} else {
			if (s >= scan.hi) {
				scan = scans[next++];
				if (!scan || scan.lo !== s) {
					throw new RangeError(`The scans of a programme check miss small area ${s + 1}`);
				}
			}
			i = s - scan.lo;
			for (let h = scan.hitStart[i]; h < scan.hitStart[i + 1]; h++) {
				const p = scan.hitPatch[h];
				const share = scan.hitShare[h];
				const pointInside = scan.hitPoint[h] === 1;
				if (pointInside) inside.push(p);
				const kind = cutKind(share, pointInside);
				if (kind === 'whole') wholePeople[p] += population;
				else if (kind === 'cut') cutPeople[p] += population;
				if (share > 0) areal[p] += share * population;
				if (withShares && (share > 0 || pointInside)) {
					shares[p].push({
						code: prepared.codes[s],
						share,
						people: share * population,
						pointInside
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
				for (let a = 0; a < inside.length; a++) {
					for (let b = a + 1; b < inside.length; b++) {
						const key = pairKey(inside[a], inside[b]);
						pairPeople.set(key, (pairPeople.get(key) ?? 0) + population);
					}
				}
			}
		} else {
			for (let h = scan.hitStart[i]; h < scan.hitStart[i + 1]; h++) {
				const share = scan.hitShare[h];
				if (share > 0) members[scan.hitPatch[h]].set(s, share * population);
			}
			coveredHere = scan.covered[i] * population;
			doubleCounted += scan.doubled[i] * population;
			for (let k = scan.perStart[i]; k < scan.perStart[i + 1]; k++) {
				overlapPeople[scan.perPatch[k]] += scan.perShare[k] * population;
			}
			for (let k = scan.pairStart[i]; k < scan.pairStart[i + 1]; k++) {
				const key = pairKey(scan.pairA[k], scan.pairB[k]);
				pairPeople.set(key, (pairPeople.get(key) ?? 0) + scan.pairShare[k] * population);
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
		shapeAt: ready.shapeAt,
		boxes,
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
		const problems = validated ? [...validated[p]] : validatePatchGeometry(patches[p].geometry);
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
