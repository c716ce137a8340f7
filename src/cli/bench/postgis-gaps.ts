/**
 * Nearest distances, Patchwork against PostGIS on the same data: bench:gaps's programme (same seed,
 * same small-area points and entries) loaded into a private PostGIS cluster, and for every small area
 * × 20 categories the nearest entry by each: Patchwork's categoryIndexes + nearestDistances (index
 * building included), PostGIS's LATERAL `<->` KNN with a GiST index per category on geography (exact
 * on the sphere) and on British National Grid points (planar; the winner's distance on the sphere)
 * (index building not included: it is part of the load). Rounds alternate; prints medians of wall clock and
 * processor time, their ratios, the agreement area by area (within 1 m), peak memory and the load
 * average (the machine may be shared). Where PostgreSQL 15 with PostGIS is missing it says so and
 * exits 0.
 *
 * Usage: npm run bench:gaps-postgis [-- --small-areas 189000 --assets 300000 --runs 3
 *        --seed 20260601 --port 55442 --planar]  (--planar: the EPSG:27700 query too; it takes as long)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '../../lib/demo/random';
import { categoryIndexes, countableAssets, nearestDistances } from '../../lib/domain/gaps';
import { gapCategories, generateGapAreas, generateGapAssets } from './gaps-data';
import { mb, median, memory, sampleMemory, seconds, timed } from './measure';
import { missingPostgis, startCluster } from './postgis-cluster';
import {
	buildSql,
	compareNearest,
	nearestSql,
	RAW_TABLES_SQL,
	timedSql,
	type Agreement,
	type KnnMethod
} from './postgis-gaps-sql';
import { option } from './options';

const missing = missingPostgis({ ogr2ogr: false });
if (missing) {
	console.log(
		`PostGIS comparison not run: ${missing}. On Debian: apt-get install -y postgresql-15-postgis-3`
	);
	process.exit(0);
}
const smallAreaCount = option('small-areas', 189_000);
const assetCount = option('assets', 300_000);
const runs = option('runs', 3);
const seed = option('seed', 20260601);
const port = option('port', 55442);
const methods: KnnMethod[] = process.argv.includes('--planar')
	? ['geography', 'planar']
	: ['geography'];
const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(', ');
const line = (label: string, value: string) => console.log(`${label.padEnd(36)} ${value}`);

console.log(
	`Nearest distances against PostGIS: Node ${process.version}, ${cpus().length} cores, seed ${seed}, load average ${load()}`
);
const { areas } = generateGapAreas(smallAreaCount, seed);
const categories = gapCategories();
const categoryIds = categories.map((c) => c.id);
const assets = generateGapAssets(new Random(seed), areas, assetCount, categories, () => []);
line('Generated', `${n(areas.length)} small areas, ${n(assets.length)} entries`);

// The same points for PostGIS: small areas by position, and each entry that counts (published, or
// an informal support with consent) once in each of its categories.
const dir = mkdtempSync(join(tmpdir(), 'patchwork-gaps-postgis-'));
const areasFile = join(dir, 'sa.csv');
const assetsFile = join(dir, 'assets.csv');
writeFileSync(areasFile, areas.map((a, i) => `${i},${a.point[0]},${a.point[1]}`).join('\n'));
const position = new Map(categoryIds.map((id, c) => [id, c + 1]));
const rows: string[] = [];
for (const asset of countableAssets(assets)) {
	if (!asset.point) continue;
	for (const id of new Set(asset.categoryIds)) {
		const c = position.get(id);
		if (c) rows.push(`${c},${asset.id},${asset.point[0]},${asset.point[1]}`);
	}
}
writeFileSync(assetsFile, rows.join('\n'));
line('Entries in categories (with a place)', n(rows.length));
rows.length = 0;

const cluster = startCluster(port);
try {
	const loaded = timed(() => {
		cluster.sql(RAW_TABLES_SQL);
		cluster.sql(`\\copy sa_raw FROM '${areasFile}' WITH (FORMAT csv)`);
		cluster.sql(`\\copy asset_raw FROM '${assetsFile}' WITH (FORMAT csv)`);
		cluster.sql(buildSql(categories.length));
		cluster.sql('VACUUM ANALYZE');
	});
	line('Loaded and indexed in PostGIS', `${seconds(loaded.ms)}, load average ${load()}`);
	const usesIndex = (method: KnnMethod, index: string) => {
		const plan = cluster.sql(`EXPLAIN ${nearestSql(1, method)}`);
		return plan.includes(`Index Scan using ${index}`) && plan.includes('Order By') ? 'yes' : 'NO';
	};
	console.log(
		`PostgreSQL ${cluster.sql('SHOW server_version').trim()}, PostGIS ${cluster.sql('SELECT postgis_lib_version()').trim()}, ` +
			`parallel workers per gather ${cluster.sql('SHOW max_parallel_workers_per_gather').trim()}; ` +
			`KNN through the GiST index: geography ${usesIndex('geography', 'asset_c1')}, planar ${usesIndex('planar', 'asset_p1')}`
	);

	const steps = {
		Patchwork: { wall: [] as number[], cpu: [] as number[] },
		geography: { wall: [] as number[], cpu: [] as number[] },
		planar: { wall: [] as number[], cpu: [] as number[] }
	};
	let distances = nearestDistances([], categoryIndexes([], []));
	const sums: Record<string, number> = {};
	const settle = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
	const postgis = (method: KnnMethod) => {
		const before = cluster.cpuMs();
		const t = timed(() => cluster.sql(timedSql(categories.length, method)));
		// The query's backend ends with its psql: give the postmaster a moment to collect it.
		settle(300);
		steps[method].wall.push(t.ms);
		steps[method].cpu.push(cluster.cpuMs() - before);
		sums[method] = t.value
			.split('\n')
			.filter(Boolean)
			.reduce((sum, row) => sum + Number(row.split('|')[2]), 0);
	};
	for (let run = 1; run <= runs; run++) {
		const patchwork = timed(() => nearestDistances(areas, categoryIndexes(assets, categoryIds)));
		distances = patchwork.value;
		steps.Patchwork.wall.push(patchwork.ms);
		steps.Patchwork.cpu.push(patchwork.cpuMs);
		methods.forEach(postgis);
		sampleMemory();
		console.log(
			`Round ${run}: ${Object.entries(steps)
				.filter(([, s]) => s.wall.length > 0)
				.map(([k, s]) => `${k} ${seconds(s.wall.at(-1)!)} (processor ${seconds(s.cpu.at(-1)!)})`)
				.join(', ')}; load average ${load()}`
		);
	}

	const m = Object.fromEntries(
		Object.entries(steps).map(([k, s]) => [k, { wall: median(s.wall), cpu: median(s.cpu) }])
	);
	console.log(
		`\nMedians of ${runs} rounds, ${n(areas.length)} small areas × ${categories.length} categories (wall clock, processor time):`
	);
	line(
		'Patchwork (index built in the step)',
		`${seconds(m.Patchwork.wall)} (${seconds(m.Patchwork.cpu)})`
	);
	for (const method of methods) {
		line(`PostGIS <-> KNN, ${method}`, `${seconds(m[method].wall)} (${seconds(m[method].cpu)})`);
	}
	for (const method of methods) {
		line(
			`Patchwork / PostGIS ${method}`,
			`${(m.Patchwork.wall / m[method].wall).toFixed(3)} wall clock, ${(m.Patchwork.cpu / m[method].cpu).toFixed(3)} processor time`
		);
	}

	// Area by area, once (untimed): PostGIS's distances on the sphere against Patchwork's haversine.
	const oursSum = distances.reduce(
		(sum, d) => sum + d.metres.reduce((s, v) => (Number.isFinite(v) ? s + v : s), 0),
		0
	);
	for (const method of methods) {
		const total: Agreement = {
			compared: 0,
			largestMetres: 0,
			overOneMetre: 0,
			otherEntry: 0,
			otherEntryFarther: 0,
			missing: 0
		};
		distances.forEach((d, c) => {
			const found = compareNearest(
				cluster.sql(nearestSql(c + 1, method)),
				d.metres,
				d.nearestAssetId
			);
			for (const key of Object.keys(total) as (keyof Agreement)[]) {
				total[key] =
					key === 'largestMetres' ? Math.max(total[key], found[key]) : total[key] + found[key];
			}
		});
		console.log(`\nAgreement with PostGIS ${method} (every small area and category):`);
		line('Compared', `${n(total.compared)} nearest distances`);
		line('Largest difference', `${total.largestMetres.toPrecision(3)} m`);
		line('Differ by 1 m or more', n(total.overOneMetre));
		line(
			'Another entry as nearest',
			`${n(total.otherEntry)} (of them, not equally near: ${n(total.otherEntryFarther)})`
		);
		line('Answered by one side only', n(total.missing));
		line(
			'Sum of all distances',
			`Patchwork ${n(oursSum / 1000)} km, PostGIS ${n(sums[method] / 1000)} km`
		);
	}
	line('Peak memory (OS, Node process)', mb(process.resourceUsage().maxRSS * 1024));
	line('Peak memory (sampled rss)', mb(memory.rss));
	line('Load average at the end', `${load()} (over ${cpus().length} means other work competed)`);
} finally {
	cluster.stop();
	rmSync(dir, { recursive: true, force: true });
}
