/**
 * The gap-analysis benchmark: England-sized synthetic data (the patch bench's 189,000 small areas and
 * 5,000 patches, plus 300,000 entries in 20 categories placed where people live) and the four
 * analyses the council page runs. Prints medians and peak memory; targets from issue 13: nearest
 * distances for every small area × 20 categories under 5 s, people beyond the threshold per patch ×
 * category under 2 s, the full matrix under 1 s, one what-if under 200 ms at the 95th percentile.
 * The nearest distances against PostGIS on the same data: npm run bench:gaps-postgis.
 *
 * Usage: npm run bench:gaps [-- --small-areas 189000 --patches 5000 --assets 300000 --runs 3
 *        --what-ifs 200 --seed 1]
 */
import { cpus, loadavg } from 'node:os';
import { Random } from '../../lib/demo/random';
import {
	areaMemberships,
	categoryIndexes,
	nearestDistances,
	patchCategoryMatrix,
	patchFinder,
	peopleBeyond,
	pointIndex,
	whatIf,
	type GapPatch
} from '../../lib/domain/gaps';
import { checkProgramme } from '../../lib/domain/sizing';
import { CATEGORY_COUNT, gapCategories, generateGapAreas, generateGapAssets } from './gaps-data';
import { mb, median, memory, percentile, sampleMemory, seconds, timed } from './measure';
import { generatePatches } from './patches';
import { option } from './options';

const smallAreaCount = option('small-areas', 189_000);
const patchCount = option('patches', 5000);
const assetCount = option('assets', 300_000);
const runs = option('runs', 3);
const whatIfCount = option('what-ifs', 200);
const seed = option('seed', 20260601);
const THRESHOLD = 800;
const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

console.log(
	`Gap-analysis benchmark: Node ${process.version}, ${cpus().length} cores, seed ${seed}, load average ${loadavg()
		.map((l) => l.toFixed(1))
		.join(', ')}`
);

// ---- Data: the patch bench's small areas and patches; entries where people live ----
const generated = timed(() => {
	const made = generateGapAreas(smallAreaCount, seed);
	return { ...made, patches: generatePatches(made.sa, patchCount, seed) };
});
const { prepared, areas, patches: patchInputs } = generated.value;
line(
	'Generated',
	`${n(areas.length)} small areas, ${n(patchInputs.length)} patches in ${seconds(generated.ms)}`
);

// Who lives in each patch, by the centroid method (the areal pass is the patch bench's subject).
const membership = timed(() => {
	const check = checkProgramme(prepared, patchInputs, {
		method: 'centroid',
		compare: false,
		withShares: true
	});
	const position = new Map(areas.map((area, i) => [area.code, i]));
	return check.patches.map((estimate): GapPatch => ({
		id: Number(estimate.id),
		name: estimate.name,
		population: estimate.population,
		members: (estimate.shares ?? [])
			.filter((share) => share.pointInside)
			.map((share) => ({ area: position.get(share.code)!, people: share.people }))
	}));
});
const patches = membership.value;
line('Patch members (centroid method)', seconds(membership.ms));

const random = new Random(seed);
const categories = gapCategories();
const findPatches = patchFinder(
	patchInputs.map((patch) => ({ id: Number(patch.id), geometry: patch.geometry }))
);
const assigned = timed(() => generateGapAssets(random, areas, assetCount, categories, findPatches));
const assets = assigned.value;
line('Entries placed and put in patches', `${n(assets.length)} in ${seconds(assigned.ms)}`);
sampleMemory();

// ---- The analyses ----
const times = { nearest: [] as number[], beyond: [] as number[], matrix: [] as number[] };
// Processor time too: on a busy shared machine it is closer to what a step costs on an idle one.
const cpu = { nearest: [] as number[], beyond: [] as number[], matrix: [] as number[] };
let distances = nearestDistances([], categoryIndexes([], []));
for (let run = 1; run <= runs; run++) {
	const nearest = timed(() =>
		nearestDistances(
			areas,
			categoryIndexes(
				assets,
				categories.map((c) => c.id)
			)
		)
	);
	distances = nearest.value;
	const beyond = timed(() => peopleBeyond(patches, distances, THRESHOLD));
	const matrix = timed(() => patchCategoryMatrix(patches, categories, assets));
	times.nearest.push(nearest.ms);
	times.beyond.push(beyond.ms);
	times.matrix.push(matrix.ms);
	cpu.nearest.push(nearest.cpuMs);
	cpu.beyond.push(beyond.cpuMs);
	cpu.matrix.push(matrix.cpuMs);
	console.log(
		`Run ${run}: nearest ${seconds(nearest.ms)}, beyond ${seconds(beyond.ms)}, matrix ${seconds(matrix.ms)}`
	);
}

const memberships = areaMemberships(patches, areas.length);
const areaIndex = pointIndex(areas.map((area) => area.point));
const whatIfTimes: number[] = [];
let newlyWithin = 0;
for (let i = 0; i < whatIfCount; i++) {
	const home = areas[random.int(0, areas.length - 1)].point;
	const point: [number, number] = [home[0] + random.float(-0.01, 0.01), home[1]];
	const start = performance.now();
	const result = whatIf(
		{
			candidate: {
				point,
				categoryIds: [categories[random.int(0, 19)].id, categories[random.int(0, 19)].id],
				sessions: [{ frequency: 'weekly', weekday: 2, startTime: '18:00', endTime: '20:00' }],
				patchIds: findPatches(point)
			},
			areas,
			areaIndex,
			distances,
			patches,
			assets,
			thresholdMetres: THRESHOLD
		},
		memberships
	);
	whatIfTimes.push(performance.now() - start);
	newlyWithin += result.categories[0].people;
}
sampleMemory();

console.log('');
line(
	`Nearest distances (${n(areas.length)} × ${CATEGORY_COUNT} categories)`,
	`median ${seconds(median(times.nearest))}, processor ${seconds(median(cpu.nearest))} (target under 5 s)`
);
line(
	`People beyond ${THRESHOLD} m per patch × category`,
	`median ${seconds(median(times.beyond))}, processor ${seconds(median(cpu.beyond))} (target under 2 s)`
);
line(
	'Full patch × category matrix',
	`median ${seconds(median(times.matrix))}, processor ${seconds(median(cpu.matrix))} (target under 1 s)`
);
line(
	`One what-if (${n(whatIfCount)} candidates)`,
	`p50 ${seconds(percentile(whatIfTimes, 0.5))}, p95 ${seconds(percentile(whatIfTimes, 0.95))} (target p95 under 200 ms); ${n(newlyWithin / whatIfCount)} people newly within on average`
);
line('Peak memory', `RSS ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}`);
