/**
 * A command-line import killed with SIGKILL (a crash, a power-off of the process, an out-of-memory
 * kill) at points timed from its own progress lines, in the reading, in the write transaction and
 * after the commit: afterwards the database opens, passes SQLite's integrity check
 * and holds all of that import or none of it, never part. IMPORT_CRASH_KILLS sets how many kills (4 by
 * default); `npm run bench:crash` does 20+ kills of a 20,000-entry import with the same code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { prepareCrashFiles, runCrashSeries } from '../../src/cli/bench/import-crash';
import { SPAWNING_TEST_TIMEOUT_MS } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS * 2 });

const FEATURES = 5_000;
const KILLS = Number(process.env.IMPORT_CRASH_KILLS ?? 4);
const folder = mkdtempSync(join(tmpdir(), 'patchwork-crash-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it(`an import killed at ${KILLS} points leaves all of it or none, and the database sound`, async () => {
	const setup = prepareCrashFiles(folder, FEATURES);
	const series = await runCrashSeries(setup, { kills: KILLS, seed: 14 });
	// The uninterrupted run completes (it sets the time scale for the kills).
	expect(series.whole).toMatchObject({ code: 0, killed: false, stored: FEATURES });
	expect(series).toMatchObject({
		runs: KILLS,
		partial: 0,
		integrityFailures: [],
		badFinishes: 0,
		reopens: true
	});
	expect(series.none + series.all).toBe(KILLS);
	// Kills aimed into the write transaction land there (the database then keeps none of the import).
	expect(series.killedDuring).toBeGreaterThanOrEqual(1);
	console.log(
		`import-crash: ${KILLS} runs, ${series.killed} killed (${series.killedBefore} before saving, ` +
			`${series.killedDuring} in the write, ${series.killedAfter} after the commit): ` +
			`${series.none} left none, ${series.all} all`
	);
});
