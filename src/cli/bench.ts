/**
 * The patch-sizing benchmark: an England-sized synthetic programme (189,000 small areas of about 300
 * people, 5,000 patches tiling them), checked by the centroid method and by areal weighting, and one
 * patch recomputed as the editor does on every drag. Prints medians of several runs and peak memory.
 *
 * The peak is what a server holds: the patches, the prepared small areas and one worker pool. Each
 * run reads its small areas afresh (as a server reads them from its database), makes them GeoJSON,
 * prepares them (timed) and lets the GeoJSON go; the run's pool is closed, and its prepared small
 * areas released, before the next run reads them again. The programme is generated in a child
 * process (generate-apart.ts), so generating it is not in this process's peak.
 *
 * Usage: npm run bench [-- --small-areas 189000 --patches 5000 --runs 3 --samples 200 --seed 1
 *        --threads 2 --write DIR --steps]
 * --threads: worker threads for the full checks (default one per core; 1 checks on this thread).
 * --write also writes the generated small areas and patches as GeoJSON for PostGIS.
 * --steps also prints the peak so far after each step (which step sets the peak).
 * The npm script sets MALLOC_ARENA_MAX and MALLOC_MMAP_THRESHOLD_ as bench:postgis does (see there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
	checkProgramme,
	estimatePatch,
	prepareSmallAreas,
	resetSizingStats,
	sizingStats,
	type PatchInput
} from '../lib/domain/sizing';
import { startSizingPool } from '../lib/server/sizing-pool/pool';
import {
	collectGarbage,
	markStep,
	mb,
	median,
	memory,
	percentile,
	seconds,
	stepPeakLines,
	timed,
	timedAsync
} from './bench/measure';
import { generateApart, readSmallAreas } from './bench/generate-apart';
import { areasOf } from './bench/small-areas';
import { writeBenchFiles } from './bench/write';
import { option } from './bench/options';

const smallAreaCount = option('small-areas', 189_000);
const patchCount = option('patches', 5000);
const runs = option('runs', 3);
const samples = option('samples', 200);
const seed = option('seed', 20260601);
const threads = option('threads', availableParallelism());
const steps = process.argv.includes('--steps');
const writeAt = process.argv.indexOf('--write');
const writeDir = writeAt >= 0 ? process.argv[writeAt + 1] : undefined;
if (writeAt >= 0 && !writeDir) {
	console.error('--write needs a folder, e.g. --write /tmp/bench');
	process.exit(1);
}
const n = (value: number) => Math.round(value).toLocaleString('en-GB');
/** People as computed: a fraction of a person (rounding along borders) shows, not "0". */
const people = (value: number) =>
	value !== 0 && Math.abs(value) < 10 ? value.toFixed(2) : n(value);
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);

/** The machine's load average: on a shared machine, other work slows every step. */
const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(', ');
console.log(
	`Patch-sizing benchmark: Node ${process.version}, ${cpus().length} cores, seed ${seed}, ` +
		`load average ${load()}`
);
markStep('start');
// Generated in a child process (generate-apart.ts): its working memory is not this process's peak.
// Its folder stays until the end: each run reads the small areas from it again.
const dir = mkdtempSync(join(tmpdir(), 'patchwork-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const generated = timed(() => {
	const { flat, patches } = generateApart(dir, smallAreaCount, patchCount, seed);
	const { ringStart, population } = flat;
	// Only these are kept: the flat arrays go (each run reads them again).
	const vertexCounts = Array.from(ringStart.subarray(1), (end, i) => end - ringStart[i]);
	return {
		patches,
		areaCount: population.length,
		people: population.reduce((s, p) => s + p, 0),
		vertexCounts: vertexCounts.sort((a, b) => a - b)
	};
});
const { patches, areaCount, vertexCounts } = generated.value;
markStep('generated, patches read back');
const inRange = vertexCounts.filter((v) => v >= 20 && v <= 60).length / vertexCounts.length;
line(
	'Generated',
	`${n(areaCount)} small areas, ${n(patches.length)} patches in ${seconds(generated.ms)}`
);
line(
	'Vertices per small area',
	`median ${vertexCounts[vertexCounts.length >> 1]}, 5%-95% ${percentile(vertexCounts, 0.05)}-${percentile(vertexCounts, 0.95)}, ${(inRange * 100).toFixed(0)}% within 20-60`
);
line('People', n(generated.value.people));

if (writeDir) {
	// The small areas' GeoJSON is made for writing and then let go, as in each run.
	const written = timed(() =>
		writeBenchFiles(resolve(writeDir), areasOf(readSmallAreas(dir)), patches)
	);
	line('Wrote', `${written.value.join(', ')} in ${seconds(written.ms)}`);
	markStep('wrote GeoJSON');
}

/** The patch as the editor sends it mid-drag: one vertex moved about 20 metres east. */
function dragged(patch: PatchInput): PatchInput {
	const polygon =
		patch.geometry.type === 'Polygon' ? patch.geometry.coordinates : patch.geometry.coordinates[0];
	const ring = polygon[0].slice();
	const k = ring.length >> 1;
	ring[k] = [ring[k][0] + 0.0003, ring[k][1]];
	return { ...patch, geometry: { type: 'Polygon', coordinates: [ring, ...polygon.slice(1)] } };
}

const times = { prepare: [] as number[], centroid: [] as number[], areal: [] as number[] };
const cpuTimes = { prepare: [] as number[], centroid: [] as number[], areal: [] as number[] };
const editorP50: number[] = [];
const editorP95: number[] = [];
const editorCpuP50: number[] = [];
const editorCpuP95: number[] = [];
const step = Math.max(1, Math.floor(patches.length / samples));
/** Untimed recomputes, on other patches, before the editor's are timed. */
const WARM_UP = 50;
const sampled = patches
	.filter((_, i) => i % step === 0)
	.slice(0, samples)
	.map(dragged);
const warmUp = patches
	.filter((_, i) => i % step === 1)
	.slice(0, WARM_UP)
	.map(dragged);
let summary = '';

/**
 * The small areas read afresh and made GeoJSON (untimed), then prepared (timed), as a server
 * prepares them from its database. Their GeoJSON is garbage once this returns.
 */
function prepareRead() {
	const areas = areasOf(readSmallAreas(dir));
	return timed(() => prepareSmallAreas(areas));
}

/** The last run's prepared small areas, to check that they were let go. */
let lastPrepared: WeakRef<object> | undefined;

/**
 * One run: the small areas prepared, one pool started on them, both full checks and the editor's
 * recomputes. What it made is garbage once it returns (at the top level of a module, the last
 * run's pool and prepared small areas stayed reachable while the next run prepared its own).
 */
async function benchRun(run: number): Promise<void> {
	// The last run's prepared small areas go before this run's GeoJSON is made.
	collectGarbage();
	if (lastPrepared?.deref()) throw new Error(`Run ${run - 1}'s prepared small areas were kept`);
	const prepared = prepareRead();
	lastPrepared = new WeakRef(prepared.value);
	times.prepare.push(prepared.ms);
	cpuTimes.prepare.push(prepared.cpuMs);
	markStep(`run ${run}: small areas prepared`);
	// Their GeoJSON goes before the workers start: from here on this process holds what a server
	// holds, the patches, the prepared small areas and the pool.
	collectGarbage();
	// Worker threads start (and read the small areas) before the clock starts, as a server's would.
	const pool = threads > 1 ? startSizingPool(prepared.value, { threads }) : undefined;
	if (pool) await pool.check(patches.slice(0, 10));
	markStep(`run ${run}: ${pool ? 'pool started, warm check' : 'one thread, no pool'}`);
	resetSizingStats();
	const centroidOptions = { method: 'centroid', compare: false } as const;
	const centroid = pool
		? await timedAsync(() => pool.check(patches, centroidOptions))
		: timed(() => checkProgramme(prepared.value, patches, centroidOptions));
	times.centroid.push(centroid.ms);
	cpuTimes.centroid.push(centroid.cpuMs);
	markStep(`run ${run}: centroid check`);
	if (sizingStats.clipCount !== 0) throw new Error('The centroid check clipped small areas');
	resetSizingStats();
	const areal = pool
		? await timedAsync(() => pool.check(patches, { method: 'areal' }))
		: timed(() => checkProgramme(prepared.value, patches, { method: 'areal' }));
	markStep(`run ${run}: areal check`);
	await pool?.close();
	times.areal.push(areal.ms);
	cpuTimes.areal.push(areal.cpuMs);
	const stats = { ...sizingStats };
	// The editor's recomputes are timed back to back, without a collection before each, after a
	// few untimed ones on other patches: the server recomputes on every drag, so its code is
	// compiled by then (the full checks above ran on worker threads, not here).
	for (const patch of warmUp) estimatePatch(prepared.value, patch);
	collectGarbage();
	const editorCpu: number[] = [];
	const editor = sampled.map((patch) => {
		const cpu = process.cpuUsage();
		const start = performance.now();
		estimatePatch(prepared.value, patch);
		const ms = performance.now() - start;
		const used = process.cpuUsage(cpu);
		editorCpu.push((used.user + used.system) / 1000);
		return ms;
	});
	editorCpuP50.push(percentile(editorCpu, 0.5));
	editorCpuP95.push(percentile(editorCpu, 0.95));
	markStep(`run ${run}: pool closed, editor`);
	editorP50.push(percentile(editor, 0.5));
	editorP95.push(percentile(editor, 0.95));
	console.log(
		`Run ${run}: prepare ${seconds(prepared.ms)}, centroid ${seconds(centroid.ms)}, areal ${seconds(areal.ms)}, ` +
			`editor p50 ${seconds(percentile(editor, 0.5))} p95 ${seconds(percentile(editor, 0.95))}`
	);
	if (run === runs) {
		const check = areal.value;
		const bands = new Map<string, number>();
		for (const p of check.patches) bands.set(p.band, (bands.get(p.band) ?? 0) + 1);
		const differing = check.patches.filter((p) => Math.abs(p.difference) >= 0.5).length;
		const moves = check.patches.filter((p) => p.suggestedMoves.length > 0).length;
		const problems = check.patches.filter((p) => p.problems.length > 0).length;
		summary = [
			`small areas clipped ${n(stats.clipCount)}, whole without clipping ${n(stats.wholeCount)}, skipped after one point test ${n(stats.outsideCount)}`,
			`patches whose two estimates differ by 1 or more: ${n(differing)}; mean |areal − centroid| ${(check.patches.reduce((s, p) => s + Math.abs(p.difference), 0) / check.patches.length).toFixed(0)} people`,
			`bands ${[...bands].map(([b, c]) => `${b} ${n(c)}`).join(', ')}; with suggested moves ${n(moves)}; with boundary problems ${n(problems)}`,
			`totals: covered ${people(check.totals.covered)}, uncovered ${people(check.totals.uncovered)}, double-counted ${people(check.totals.doubleCounted)}`
		].join('\n  ');
	}
}
for (let run = 1; run <= runs; run++) await benchRun(run);

console.log(
	`\nMedians of ${runs} run${runs === 1 ? '' : 's'} (${n(areaCount)} small areas, ` +
		`${n(patches.length)} patches; each step timed after a full garbage collection):`
);
const verdict = (ms: number, target: number) =>
	ms < target ? `under the ${seconds(target)} target` : `OVER the ${seconds(target)} target`;
const cpu = (key: keyof typeof cpuTimes) => `processor time ${seconds(median(cpuTimes[key]))}`;
line('Prepare small areas (once)', `${seconds(median(times.prepare))} (${cpu('prepare')})`);
line(
	`Full check, centroid (${threads > 1 ? `${threads} threads` : 'one thread'})`,
	`${seconds(median(times.centroid))} (${cpu('centroid')}; ${verdict(median(times.centroid), 1000)})`
);
line(
	`Full check, areal (${threads > 1 ? `${threads} threads` : 'one thread'})`,
	`${seconds(median(times.areal))} (${cpu('areal')}; ${verdict(median(times.areal), 30_000)})`
);
line(
	`One patch as in the editor (${sampled.length}, after ${warmUp.length} untimed)`,
	`p50 ${seconds(median(editorP50))}, p95 ${seconds(median(editorP95))} (${verdict(median(editorP95), 10)}); ` +
		`processor time p50 ${seconds(median(editorCpuP50))}, p95 ${seconds(median(editorCpuP95))}`
);
line(
	'Peak memory (OS, whole process)',
	`${mb(process.resourceUsage().maxRSS * 1024)} (peak resident set, all threads: the patches, ` +
		"one run's prepared small areas and pool, and their GeoJSON while preparing)"
);
line('Peak memory (sampled)', `rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`);
if (steps) {
	console.log('Peak so far (VmHWM) after each step:');
	for (const text of stepPeakLines()) console.log(text);
}
line('Load average at the end', `${load()} (over ${cpus().length} means other work competed)`);
console.log(`  ${summary}`);
