/**
 * Writes the fictional demo borough to data/demo/ (or --out <dir>) and prints a summary.
 * Usage: npm run generate:demo [-- --seed 20261101 --out data/demo]
 * The same seed always writes the same bytes; commit the files it writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_FILES } from '../lib/domain/schemas/demo-borough';
import {
	buildDemoBorough,
	DEMO_BASEMAP_FILE,
	DEMO_SEED,
	renderDemoBasemap,
	renderDemoFiles
} from '../lib/demo/index';
import { formatSummary } from '../lib/demo/summary';

function option(name: string): string | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 ? process.argv[at + 1] : undefined;
}

const seed = Number(option('seed') ?? DEMO_SEED);
if (!Number.isInteger(seed) || seed < 0) {
	console.error('--seed must be a whole number of 0 or more');
	process.exit(1);
}
const outDir = resolve(option('out') ?? 'data/demo');

const borough = buildDemoBorough(seed);
const files = renderDemoFiles(borough);
mkdirSync(outDir, { recursive: true });
for (const key of Object.keys(DEMO_FILES) as (keyof typeof DEMO_FILES)[]) {
	writeFileSync(join(outDir, DEMO_FILES[key]), files[key]);
}
// The basemap is drawn under the demo's maps (BASEMAP_GEOJSON); nothing loads it into the database.
const basemap = renderDemoBasemap(borough);
writeFileSync(join(outDir, DEMO_BASEMAP_FILE), basemap);
console.log(formatSummary(borough));
console.log(
	`Wrote ${Object.values(DEMO_FILES).length} files to ${outDir} (seed ${seed}): ` +
		(Object.keys(DEMO_FILES) as (keyof typeof DEMO_FILES)[])
			.map((key) => `${DEMO_FILES[key]} ${(Buffer.byteLength(files[key]) / 1024).toFixed(0)} KB`)
			.join(', ') +
		`, ${DEMO_BASEMAP_FILE} ${(Buffer.byteLength(basemap) / 1024).toFixed(0)} KB`
);
