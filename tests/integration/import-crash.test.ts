/**
 * A command-line import killed with SIGKILL (a crash, a power-off of the process, an out-of-memory
 * kill) at points spread over its run: afterwards the database opens, passes SQLite's integrity check
 * and holds all of that import or none of it, never part. IMPORT_CRASH_KILLS sets how many kills (5 by
 * default; the figure is 20+).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { SPAWN_TIMEOUT_MS, SPAWNING_TEST_TIMEOUT_MS } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS * 2 });

const FEATURES = 8_000;
const KILLS = Number(process.env.IMPORT_CRASH_KILLS ?? 5);
const folder = mkdtempSync(join(tmpdir(), 'patchwork-crash-'));
const database = join(folder, 'crash.db');
const emptyDatabase = join(folder, 'empty.db');
const layer = join(folder, 'groups.geojson');
const mapping = join(folder, 'mapping.json');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

writeFileSync(
	layer,
	JSON.stringify({
		type: 'FeatureCollection',
		features: Array.from({ length: FEATURES }, (_, i) => ({
			type: 'Feature',
			properties: { id: `g${i}`, name: `Crash test group ${i}` },
			geometry: {
				type: 'Point',
				coordinates: [-2.3 + (i % 100) * 0.001, 53.4 + Math.floor(i / 100) * 0.001]
			}
		}))
	})
);
writeFileSync(mapping, JSON.stringify({ source: 'crash', kind: 'group', categories: [] }));

/**
 * Runs the import under `source` into a new empty database, killing it after `killAfterMs` if it is
 * still going.
 */
function importKilledAfter(
	source: string,
	killAfterMs: number
): Promise<{ code: number | null; killed: boolean; ms: number }> {
	for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
	copyFileSync(emptyDatabase, database);
	const started = Date.now();
	// node with tsx's loader, one process: the tsx command starts a second one, which a SIGKILL to
	// the first would leave running.
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'src/cli/assets.ts', 'import', layer, '--format', 'geojson'].concat([
			'--mapping',
			mapping,
			'--programme',
			'Crash',
			'--source',
			source
		]),
		{ env: { ...process.env, DATABASE_PATH: database }, stdio: 'ignore' }
	);
	const limit = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
	return new Promise((resolve) =>
		child.once('exit', (code, signal) => {
			clearTimeout(limit);
			resolve({ code, killed: signal === 'SIGKILL', ms: Date.now() - started });
		})
	);
}

function importedUnder(source: string): number {
	const db = new Database(database, { readonly: true });
	try {
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		return (
			db.prepare('SELECT count(*) AS n FROM assets WHERE source = ?').get(source) as { n: number }
		).n;
	} finally {
		db.close();
	}
}

/** A fixed sequence of numbers in [0, 1), so a failure can be repeated. */
function seeded(seed: number) {
	return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

it(`an import killed at ${KILLS} points leaves all of it or none, and the database sound`, async () => {
	openDatabase(emptyDatabase).sqlite.close();
	// One whole run, to know how long an import takes here and that it completes.
	const whole = await importKilledAfter('crash-whole', SPAWN_TIMEOUT_MS);
	expect(whole).toMatchObject({ code: 0, killed: false });
	expect(importedUnder('crash-whole')).toBe(FEATURES);

	const random = seeded(14);
	const outcomes = { none: 0, all: 0 };
	for (let kill = 0; kill < KILLS; kill++) {
		const source = `crash-${kill}`;
		// From start-up (parsing, checking) through the write to the end of the run.
		const { code, killed } = await importKilledAfter(source, whole.ms * (0.3 + 0.8 * random()));
		const stored = importedUnder(source);
		expect([0, FEATURES]).toContain(stored);
		if (!killed) expect({ code, stored }).toEqual({ code: 0, stored: FEATURES });
		outcomes[stored === 0 ? 'none' : 'all']++;
	}
	console.log(`import-crash: ${KILLS} kills: ${outcomes.none} left none, ${outcomes.all} all`);
	// The database still opens as the site opens it.
	openDatabase(database).sqlite.close();
});
