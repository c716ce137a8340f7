/**
 * Patchwork against PostGIS on the same data, in one run: the bench's generated programme is
 * written as GeoJSON (with Patchwork's representative points), loaded into a private PostGIS cluster
 * with ogr2ogr, and each full check is run in alternating rounds: PostGIS planar (EPSG:27700),
 * Patchwork areal, PostGIS geography, PostGIS centroid, Patchwork centroid (both on worker threads).
 * Prints medians, ratios, per-patch agreement, peak memory and the load average (the machine may
 * be shared). Where PostgreSQL 15 with PostGIS, or ogr2ogr, is missing it says so and exits 0.
 *
 * Usage: npm run bench:postgis [-- --small-areas 189000 --patches 5000 --runs 3 --seed 20260601
 *        --port 55432 --steps]
 * The npm script sets MALLOC_ARENA_MAX=2: with glibc's default of up to one malloc arena per
 * thread, memory the worker threads freed stayed resident (one check of the default programme,
 * measured here: peak 982 MB without it, 913 MB with it). It also sets MALLOC_MMAP_THRESHOLD_=131072:
 * glibc raises its threshold after a large block is freed (up to 32 MB), and from then on blocks
 * such as each check's patches copied to a worker come from the arenas, where freed memory stays
 * resident; a fixed threshold keeps them in mappings of their own, given back when freed (measured
 * here, 60,000 small areas, two rounds: peak 583 MB without it, 528 MB with it). A server running
 * the sizing pool can set both.
 * --steps also prints the peak so far after each step (the programme is generated in a child
 * process, generate-apart.ts, so its generation is not in this process's peak).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSmallAreas } from '../../lib/domain/sizing';
import { startSizingPool } from '../../lib/server/sizing-pool/pool';
import {
	markStep,
	mb,
	median,
	memory,
	sampleMemory,
	seconds,
	stepPeakLines,
	timedAsync
} from './measure';
import { generateApart } from './generate-apart';
import { missingPostgis, startCluster } from './postgis-cluster';
import { ANALYZE_SQL, LOAD_SQL, parseFigures, QUERIES } from './postgis-queries';
import { writeBenchFiles } from './write';
import { option } from './options';

/** Full centroid checks run untimed before the rounds (see the warm-up below). */
const WARM_CENTROID_CHECKS = 3;
const missing = missingPostgis();
if (missing) {
	console.log(
		`PostGIS comparison not run: ${missing}. On Debian: apt-get install -y postgresql-15-postgis-3 gdal-bin`
	);
	process.exit(0);
}
const smallAreaCount = option('small-areas', 189_000);
const patchCount = option('patches', 5000);
const runs = option('runs', 3);
const seed = option('seed', 20260601);
const port = option('port', 55432);
const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(', ');
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);

console.log(
	`PostGIS comparison: Node ${process.version}, ${cpus().length} cores, seed ${seed}, load average ${load()}`
);
/**
 * The programme, prepared and written out. It is generated in a child process (generate-apart.ts),
 * and the synthetic areas' GeoJSON is built afresh each time it is read: nothing of it outlives this
 * function, and the rounds hold only what a server holds, the prepared small areas and the patches.
 */
function setUp(dir: string) {
	markStep('start');
	const { areas, patches } = generateApart(dir, smallAreaCount, patchCount, seed);
	markStep('generated (child process), read back');
	const prepared = prepareSmallAreas(areas);
	markStep('prepareSmallAreas');
	const files = writeBenchFiles(dir, areas, patches, prepared.lonLatPoints);
	markStep('writeBenchFiles');
	return { patches, prepared, files };
}
const dir = mkdtempSync(join(tmpdir(), 'patchwork-bench-'));
const {
	patches,
	prepared,
	files: [areasFile, patchesFile]
} = setUp(dir);
sampleMemory();
line('Generated', `${n(prepared.count)} small areas, ${n(patches.length)} patches`);
const cluster = startCluster(port);
const pool = startSizingPool(prepared);
markStep('startSizingPool');
try {
	const loaded = await timedAsync(async () => {
		for (const [file, table] of [
			[areasFile, 'sa_raw'],
			[patchesFile, 'patches_raw']
		]) {
			execFileSync(
				'ogr2ogr',
				[
					'-f',
					'PostgreSQL',
					cluster.ogr,
					file,
					'-nln',
					table,
					'-nlt',
					'PROMOTE_TO_MULTI',
					'-lco',
					'GEOMETRY_NAME=geom'
				],
				{ stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PG_USE_COPY: 'YES' } }
			);
		}
		cluster.sql(LOAD_SQL);
		cluster.sql(ANALYZE_SQL);
	});
	markStep('ogr2ogr load (workers start meanwhile)');
	line('Loaded into PostGIS (ogr2ogr)', `${seconds(loaded.ms)}, load average ${load()}`);
	console.log(
		`PostgreSQL: ${cluster.sql('SELECT version()').split(' ').slice(0, 2).join(' ')}, PostGIS ${cluster.sql('SELECT postgis_lib_version()').trim()}, ` +
			`parallel workers per gather ${cluster.sql('SHOW max_parallel_workers_per_gather').trim()}; Patchwork worker threads ${pool.threads}`
	);
	// Warm both sides, untimed: PostgreSQL's caches, and Patchwork's code, compiled by V8 as it runs
	// (a server that has sized a few times runs compiled code; the first full centroid check here
	// took about twice as long as the third).
	await pool.check(patches.slice(0, 50));
	for (let i = 0; i < WARM_CENTROID_CHECKS; i++) {
		await pool.check(patches, { method: 'centroid', compare: false });
	}
	await pool.check(patches, { method: 'areal' });
	markStep('warm checks');
	cluster.sql(QUERIES.centroid);
	console.log(
		`Untimed first: Patchwork ${WARM_CENTROID_CHECKS} centroid checks and 1 areal check of every patch; PostGIS's centroid query once`
	);

	const steps = {
		'PostGIS planar': [] as number[],
		'Patchwork areal': [] as number[],
		'PostGIS geography': [] as number[],
		'PostGIS centroid': [] as number[],
		'Patchwork centroid': [] as number[]
	};
	// Processor time of each step, on a machine shared with other work closer to what it costs.
	const cpuSteps = Object.fromEntries(Object.keys(steps).map((k) => [k, [] as number[]]));
	const figures: Record<string, Map<string, number>> = {};
	const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
	for (let run = 1; run <= runs; run++) {
		const cpus: number[] = [];
		const sql = async (key: keyof typeof QUERIES) => {
			const before = cluster.cpuMs();
			const t = await timedAsync(async () => parseFigures(await cluster.sqlAsync(QUERIES[key])));
			// The query's backend ends with its psql: give the postmaster a moment to collect it.
			await settle();
			cpus.push(cluster.cpuMs() - before);
			figures[key] = t.value;
			return t.ms;
		};
		const ours = async (method: 'areal' | 'centroid') => {
			const t = await timedAsync(() =>
				pool.check(patches, method === 'areal' ? { method } : { method, compare: false })
			);
			cpus.push(t.cpuMs);
			return t;
		};
		const planar = await sql('planar');
		const areal = await ours('areal');
		markStep(`round ${run}: Patchwork areal`);
		figures.areal = new Map(areal.value.patches.map((p) => [String(p.id), p.areal]));
		const geography = await sql('geography');
		const centroidPg = await sql('centroid');
		const centroid = await ours('centroid');
		markStep(`round ${run}: Patchwork centroid`);
		figures.centroidPw = new Map(centroid.value.patches.map((p) => [String(p.id), p.centroid]));
		const times = [planar, areal.ms, geography, centroidPg, centroid.ms];
		Object.values(steps).forEach((list, i) => list.push(times[i]));
		Object.values(cpuSteps).forEach((list, i) => list.push(cpus[i]));
		sampleMemory();
		console.log(
			`Round ${run}: ${Object.keys(steps)
				.map((k, i) => `${k} ${seconds(times[i])} (processor ${seconds(cpus[i])})`)
				.join(', ')}; load average ${load()}`
		);
	}

	const m = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, median(v)]));
	const mc = Object.fromEntries(Object.entries(cpuSteps).map(([k, v]) => [k, median(v)]));
	console.log(
		`\nMedians of ${runs} rounds (${n(prepared.count)} small areas, ${n(patches.length)} patches), ` +
			'wall clock (processor time, all threads or processes):'
	);
	for (const [k, v] of Object.entries(m)) line(k, `${seconds(v)} (${seconds(mc[k])})`);
	const ratio = (a: number, b: number, target: number) =>
		`${(a / b).toFixed(2)} (target under ${target}: ${a / b < target ? 'met' : 'NOT met'})`;
	line('Areal / PostGIS planar', ratio(m['Patchwork areal'], m['PostGIS planar'], 0.5));
	line('Areal / PostGIS geography', ratio(m['Patchwork areal'], m['PostGIS geography'], 0.5));
	line('Centroid / PostGIS centroid', ratio(m['Patchwork centroid'], m['PostGIS centroid'], 0.5));
	const cpuRatio = (a: string, b: string) => (mc[a] / mc[b]).toFixed(2);
	line(
		'Same ratios in processor time',
		`areal/planar ${cpuRatio('Patchwork areal', 'PostGIS planar')}, areal/geography ${cpuRatio('Patchwork areal', 'PostGIS geography')}, centroid ${cpuRatio('Patchwork centroid', 'PostGIS centroid')}`
	);

	const agree = (label: string, ours: Map<string, number>, theirs: Map<string, number>) => {
		let max = 0;
		let maxAt = '';
		let overOne = 0;
		for (const [id, value] of ours) {
			const diff = Math.abs(value - (theirs.get(id) ?? 0));
			if (diff > max) [max, maxAt] = [diff, id];
			if (diff >= 1) overOne++;
		}
		line(
			label,
			`largest difference ${max.toPrecision(3)} people (patch ${maxAt}), ${n(overOne)} of ${n(ours.size)} patches differ by 1 or more`
		);
	};
	console.log('\nPer-patch agreement (last round):');
	agree('Areal vs PostGIS planar', figures.areal, figures.planar);
	agree('Areal vs PostGIS geography', figures.areal, figures.geography);
	agree('Centroid vs PostGIS centroid', figures.centroidPw, figures.centroid);
	line('Peak memory (OS, Node process, all threads)', mb(process.resourceUsage().maxRSS * 1024));
	line('Peak memory (sampled rss)', mb(memory.rss));
	if (process.argv.includes('--steps')) {
		console.log('Peak so far (VmHWM) after each step:');
		for (const text of stepPeakLines()) console.log(text);
	}
	line('Load average at the end', `${load()} (over ${cpus().length} means other work competed)`);
} finally {
	await pool.close();
	cluster.stop();
	rmSync(dir, { recursive: true, force: true });
}
