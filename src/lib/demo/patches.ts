/**
 * Draws the demo patches as unions of whole small areas, sized so that every patch-size check has
 * something to show: a patch in each band, one overlapping pair, and a strip of the borough in no patch.
 * Patches are grown as a power diagram (nearest seed, with a weight per seed that is raised or lowered
 * until each region's population nears its target), then single small areas are passed between
 * neighbouring patches to land on the targets, keeping every patch one simple polygon throughout.
 */
import { DEFAULT_LIMITS, type DesignLimits } from '../domain/bands';
import { components, type SmallArea } from './borough';
import { distance2, type XY } from './plane';
import { deriveSeed, Random } from './random';
import { isSimpleUnion } from './rings';
import { chooseOverlap, fineTune } from './patch-tuning';

/**
 * How many people a population would have to gain or lose to change band.
 * @example bandMargin(7700) // 300: 300 more people make it "small"
 */
export function bandMargin(population: number, limits: DesignLimits = DEFAULT_LIMITS): number {
	const firsts = [limits.smallMin, limits.usualMin, limits.usualMax + 1, limits.max + 1];
	return Math.min(
		...firsts.map((first) => (population < first ? first - population : population - first + 1))
	);
}

export interface PatchOptions {
	/** Targets of the patches with fixed sizes; the flexible ones share what is left. */
	fixedTargets: readonly number[];
	flexibleCount: number;
	flexibleTarget: number;
	/** Small areas the overlapping patch takes from its neighbour. */
	overlapAreas: number;
	/** Direction (unit vector) of the borough edge that is left out of every patch. */
	stripDirection: XY;
	/** Largest allowed gap between a patch's population and its target. */
	tolerance: number;
	/** Smallest allowed distance from a band edge. */
	margin: number;
}

export interface PatchPlan {
	/** Per patch: the small areas it alone is responsible for (disjoint between patches). */
	own: number[][];
	/** Per patch: every small area inside its boundary (own, plus the overlap for one patch). */
	footprint: number[][];
	targets: number[];
	/** The overlapping pair: `patch` also covers `areas`, which belong to `from`. */
	overlap: { patch: number; from: number; areas: number[] };
	/** Small areas in no patch. */
	uncovered: number[];
}

const sum = (areas: readonly SmallArea[], ids: readonly number[]) =>
	ids.reduce((s, i) => s + areas[i].population, 0);

/** Plans the patches, retrying with fresh random streams until every check passes. */
export function planPatches(
	areas: readonly SmallArea[],
	options: PatchOptions,
	seed: number
): PatchPlan {
	const errors: string[] = [];
	for (let attempt = 0; attempt < 40; attempt++) {
		try {
			return attemptPlan(areas, options, new Random(deriveSeed(seed, `patches-${attempt}`)));
		} catch (error) {
			errors.push((error as Error).message);
		}
	}
	throw new Error(`could not plan the demo patches: ${errors.slice(-3).join('; ')}`);
}

function attemptPlan(areas: readonly SmallArea[], options: PatchOptions, rng: Random): PatchPlan {
	const total = sum(
		areas,
		areas.map((a) => a.index)
	);
	const meanPopulation = total / areas.length;
	const fixedSum = options.fixedTargets.reduce((s, t) => s + t, 0);
	const estimatedOverlap = Math.round(options.overlapAreas * meanPopulation);
	// The strip takes what the fixed and flexible targets leave, kept to a believable few thousand.
	const stripTarget = Math.min(
		8000,
		Math.max(
			2500,
			total + estimatedOverlap - fixedSum - options.flexibleCount * options.flexibleTarget
		)
	);
	const uncovered = chooseStrip(areas, options.stripDirection, stripTarget);
	const inStrip = new Set(uncovered);
	const covered = areas.map((a) => a.index).filter((i) => !inStrip.has(i));
	const k = options.fixedTargets.length + options.flexibleCount;
	const targets = rng.shuffle([
		...options.fixedTargets,
		...Array.from({ length: options.flexibleCount }, () => options.flexibleTarget)
	]);

	const assign = powerDiagram(areas, covered, targets, rng);
	repair(areas, covered, assign, k);
	const own = () => Array.from({ length: k }, (_, p) => covered.filter((i) => assign[i] === p));
	const flexible = targets
		.map((t, p) => (t === options.flexibleTarget ? p : -1))
		.filter((p) => p >= 0);
	const overlap = chooseOverlap(areas, assign, own(), flexible, options.overlapAreas);
	// Flexible patches share exactly what is left once the overlap is known.
	const extra = sum(areas, overlap.areas);
	const flexibleTarget = Math.round(
		(sum(areas, covered) + extra - fixedSum) / options.flexibleCount
	);
	for (const p of flexible) targets[p] = flexibleTarget;
	fineTune(areas, covered, assign, targets, overlap, options.tolerance);

	const ownAreas = own();
	const footprint = ownAreas.map((ids, p) =>
		p === overlap.patch ? [...ids, ...overlap.areas].sort((a, b) => a - b) : ids
	);
	for (const [p, ids] of footprint.entries()) {
		const population = sum(areas, ids);
		if (Math.abs(population - targets[p]) > options.tolerance)
			throw new Error(`patch ${p} has ${population} people, target ${targets[p]}`);
		if (bandMargin(population) < options.margin)
			throw new Error(`patch ${p} (${population}) is too close to a band edge`);
	}
	return { own: ownAreas, footprint, targets, overlap, uncovered };
}

/** The small areas furthest along a direction, until their population reaches the target. */
function chooseStrip(areas: readonly SmallArea[], direction: XY, target: number): number[] {
	const along = (a: SmallArea) => a.centre[0] * direction[0] + a.centre[1] * direction[1];
	const order = [...areas].sort((a, b) => along(b) - along(a) || a.index - b.index);
	const strip: number[] = [];
	let people = 0;
	for (const area of order) {
		if (people + area.population / 2 >= target) break;
		strip.push(area.index);
		people += area.population;
	}
	return strip.sort((a, b) => a - b);
}

/** Population-weighted k-means for the seeds, then seed weights tuned towards the targets. */
function powerDiagram(
	areas: readonly SmallArea[],
	covered: readonly number[],
	targets: readonly number[],
	rng: Random
): number[] {
	const k = targets.length;
	const seeds: XY[] = [areas[rng.pick(covered)].centre];
	while (seeds.length < k) {
		const far = covered.reduce((best, i) =>
			nearest(areas[i].centre, seeds) > nearest(areas[best].centre, seeds) ? i : best
		);
		seeds.push([...areas[far].centre]);
	}
	const assign = new Array<number>(areas.length).fill(-1);
	const weights = new Array<number>(k).fill(0);
	const place = () => {
		for (const i of covered) {
			let best = 0;
			let bestScore = Infinity;
			for (let p = 0; p < k; p++) {
				const score = distance2(areas[i].centre, seeds[p]) - weights[p];
				if (score < bestScore) [best, bestScore] = [p, score];
			}
			assign[i] = best;
		}
	};
	const moveSeeds = (factor: number) => {
		for (let p = 0; p < k; p++) {
			const ids = covered.filter((i) => assign[i] === p);
			const people = sum(areas, ids);
			if (people === 0) continue;
			const x = ids.reduce((s, i) => s + areas[i].centre[0] * areas[i].population, 0) / people;
			const y = ids.reduce((s, i) => s + areas[i].centre[1] * areas[i].population, 0) / people;
			seeds[p] = [
				seeds[p][0] + factor * (x - seeds[p][0]),
				seeds[p][1] + factor * (y - seeds[p][1])
			];
		}
	};
	for (let step = 0; step < 15; step++) {
		place();
		moveSeeds(1);
	}
	const totalArea = covered.reduce((s, i) => s + areas[i].areaKm2, 0);
	for (let step = 0; step < 400; step++) {
		place();
		const gain = step < 200 ? 0.3 : 0.1;
		for (let p = 0; p < k; p++) {
			const ids = covered.filter((i) => assign[i] === p);
			const regionArea = Math.max(
				ids.reduce((s, i) => s + areas[i].areaKm2, 0),
				totalArea / (4 * k)
			);
			weights[p] += (gain * (targets[p] - sum(areas, ids)) * regionArea) / (targets[p] * Math.PI);
		}
		if (step % 10 === 0) moveSeeds(0.2);
	}
	place();
	return assign;
}

function nearest(p: XY, seeds: readonly XY[]): number {
	return Math.min(...seeds.map((s) => distance2(p, s)));
}

/** Makes every patch one piece without holes: stray pieces join a neighbour, enclosed areas join. */
function repair(
	areas: readonly SmallArea[],
	covered: readonly number[],
	assign: number[],
	k: number
) {
	for (let round = 0; round < 30; round++) {
		let changed = false;
		for (let p = 0; p < k; p++) {
			const ids = covered.filter((i) => assign[i] === p);
			if (ids.length === 0) throw new Error(`patch ${p} is empty`);
			const pieces = components(ids, (i) => areas[i].neighbours.filter((n) => assign[n] === p));
			pieces.sort((a, b) => b.length - a.length || a[0] - b[0]);
			for (const piece of pieces.slice(1)) {
				for (const i of piece) {
					const others = areas[i].neighbours.map((n) => assign[n]).filter((q) => q >= 0 && q !== p);
					if (others.length > 0) assign[i] = mostCommon(others);
				}
				changed = true;
			}
		}
		if (!changed) break;
	}
	for (let p = 0; p < k; p++) {
		const ids = covered.filter((i) => assign[i] === p);
		if (!isSimpleUnion(ids.map((i) => areas[i].ring))) throw new Error(`patch ${p} is not simple`);
	}
}

function mostCommon(values: readonly number[]): number {
	const counts = new Map<number, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}
