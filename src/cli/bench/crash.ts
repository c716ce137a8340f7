/**
 * Crash safety at scale: a 20,000-entry command-line import killed with SIGKILL at 22 points drawn
 * from a fixed seed and timed from its progress lines (import-crash.ts, the same code as the
 * integration test). Prints the uninterrupted run's phases, each kill, how many kills landed before
 * the write transaction, in it and after its commit, the partial imports found (must be 0) and the
 * integrity check results.
 *
 *   npm run bench:crash [-- --features 20000 --kills 22 --seed 14]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareCrashFiles, runCrashSeries } from './import-crash';
import { memory, sampleMemory } from './measure';

const { values } = parseArgs({
	options: {
		features: { type: 'string', default: '20000' },
		kills: { type: 'string', default: '22' },
		seed: { type: 'string', default: '14' }
	}
});
const features = Number(values.features);
const kills = Number(values.kills);
const seed = Number(values.seed);

const folder = mkdtempSync(join(tmpdir(), 'patchwork-crash-bench-'));
try {
	const setup = prepareCrashFiles(folder, features);
	console.log(
		`Import of ${features.toLocaleString('en-GB')} entries killed ${kills} times (seed ${seed})`
	);
	const started = performance.now();
	const series = await runCrashSeries(setup, {
		kills,
		seed,
		onRun: (line) => {
			sampleMemory();
			console.log(line);
		}
	});
	const { whole } = series;
	const at = (label: string) => whole.markers.find((m) => m.label === label)?.ms ?? NaN;
	console.log(
		`whole import's phases: start-up to "Reading: 10%" ${at('Reading: 10%')} ms, reading to ${at('Reading: 100%')} ms, ` +
			`checking to "Saving: 10%" ${at('Saving: 10%')} ms, saving to ${at('Saving: 100%')} ms, ` +
			`commit and report at ${at('report')} ms, exit at ${whole.ms} ms`
	);
	console.log(
		`whole import: exit ${whole.code} in ${(whole.ms / 1000).toFixed(1)} s, ${whole.stored.toLocaleString('en-GB')} stored`
	);
	console.log(
		`kills: ${series.killed} of ${series.runs} runs (${series.runs - series.killed} finished first): ` +
			`${series.killedBefore} before saving, ${series.killedDuring} in the write transaction, ${series.killedAfter} after the commit`
	);
	console.log(
		`left none ${series.none}, all ${series.all}; partial imports found: ${series.partial}`
	);
	console.log(
		`integrity checks: ${series.runs - series.integrityFailures.length} of ${series.runs} ok` +
			(series.integrityFailures.length ? ` (${series.integrityFailures.join('; ')})` : '') +
			`; runs that finished badly: ${series.badFinishes}; database reopens: ${series.reopens ? 'yes' : 'NO'}`
	);
	console.log(
		`took ${((performance.now() - started) / 1000).toFixed(0)} s; peak memory (this process) ${(memory.rss / 2 ** 20).toFixed(0)} MB`
	);
	if (series.partial || series.integrityFailures.length || series.badFinishes || !series.reopens)
		process.exitCode = 1;
} finally {
	rmSync(folder, { recursive: true, force: true });
}
