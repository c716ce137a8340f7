/**
 * Crash safety of a command-line import, shared by the integration test (a few kills) and
 * `npm run bench:crash` (20+ kills of a 20,000-entry import): the import runs in a child process
 * that is killed with SIGKILL at a point drawn from a seeded sequence; afterwards the database must
 * pass SQLite's integrity check and hold all of that import or none of it, never part.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openDatabase } from '../../lib/server/db/client';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A fixed sequence of numbers in [0, 1), so a failure can be repeated. */
export function seeded(seed: number): () => number {
	return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

export interface CrashSetup {
	folder: string;
	features: number;
	database: string;
	emptyDatabase: string;
	layer: string;
	mapping: string;
}

/** Writes a GeoJSON layer of `features` points, its mapping, and an empty migrated database. */
export function prepareCrashFiles(folder: string, features: number): CrashSetup {
	const setup = {
		folder,
		features,
		database: join(folder, 'crash.db'),
		emptyDatabase: join(folder, 'empty.db'),
		layer: join(folder, 'groups.geojson'),
		mapping: join(folder, 'mapping.json')
	};
	writeFileSync(
		setup.layer,
		JSON.stringify({
			type: 'FeatureCollection',
			features: Array.from({ length: features }, (_, i) => ({
				type: 'Feature',
				properties: { id: `g${i}`, name: `Crash test group ${i}` },
				geometry: {
					type: 'Point',
					coordinates: [-2.3 + (i % 100) * 0.001, 53.4 + Math.floor(i / 100) * 0.001]
				}
			}))
		})
	);
	writeFileSync(setup.mapping, JSON.stringify({ source: 'crash', kind: 'group', categories: [] }));
	openDatabase(setup.emptyDatabase).sqlite.close();
	return setup;
}

export interface KillOutcome {
	code: number | null;
	killed: boolean;
	ms: number;
}

/**
 * Runs the import under `source` into a copy of the empty database, killing it after `killAfterMs`
 * if it is still going.
 */
export function importKilledAfter(
	setup: CrashSetup,
	source: string,
	killAfterMs: number
): Promise<KillOutcome> {
	const { database } = setup;
	for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
	copyFileSync(setup.emptyDatabase, database);
	const started = Date.now();
	// node with tsx's loader, one process: the tsx command starts a second one, which a SIGKILL to
	// the first would leave running.
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'src/cli/assets.ts', 'import', setup.layer, '--format', 'geojson'].concat([
			'--mapping',
			setup.mapping,
			'--programme',
			'Crash',
			'--source',
			source
		]),
		{ cwd: ROOT, env: { ...process.env, DATABASE_PATH: database }, stdio: 'ignore' }
	);
	const limit = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
	return new Promise((resolve) =>
		child.once('exit', (code, signal) => {
			clearTimeout(limit);
			resolve({ code, killed: signal === 'SIGKILL', ms: Date.now() - started });
		})
	);
}

/** What a killed import left: SQLite's integrity check and the count of assets under `source`. */
export function whatIsLeft(
	setup: CrashSetup,
	source: string
): { integrity: string; stored: number } {
	const db = new Database(setup.database, { readonly: true });
	try {
		const integrity = String(db.pragma('integrity_check', { simple: true }));
		const { n } = db.prepare('SELECT count(*) AS n FROM assets WHERE source = ?').get(source) as {
			n: number;
		};
		return { integrity, stored: n };
	} finally {
		db.close();
	}
}

export interface CrashSeries {
	/** The uninterrupted run that sets the time scale. */
	whole: KillOutcome & { stored: number };
	runs: number;
	/** Runs the signal ended (the others finished first). */
	killed: number;
	none: number;
	all: number;
	/** Imports left in part: must be 0. */
	partial: number;
	/** Integrity check answers other than "ok": must be none. */
	integrityFailures: string[];
	/** Runs that finished on their own without exit 0 and the whole import. */
	badFinishes: number;
	/** The database still opens as the site opens it afterwards. */
	reopens: boolean;
}

/**
 * One whole import, then `kills` imports killed at points from start-up (parsing, checking)
 * through the write to the end of the run, drawn from `seed`.
 */
export async function runCrashSeries(
	setup: CrashSetup,
	{ kills, seed, onRun }: { kills: number; seed: number; onRun?: (line: string) => void }
): Promise<CrashSeries> {
	const wholeRun = await importKilledAfter(setup, 'crash-whole', 600_000);
	const series: CrashSeries = {
		whole: { ...wholeRun, stored: whatIsLeft(setup, 'crash-whole').stored },
		runs: 0,
		killed: 0,
		none: 0,
		all: 0,
		partial: 0,
		integrityFailures: [],
		badFinishes: 0,
		reopens: false
	};
	const random = seeded(seed);
	for (let kill = 0; kill < kills; kill++) {
		const source = `crash-${kill}`;
		const after = Math.round(wholeRun.ms * (0.3 + 0.8 * random()));
		const outcome = await importKilledAfter(setup, source, after);
		const { integrity, stored } = whatIsLeft(setup, source);
		series.runs++;
		if (outcome.killed) series.killed++;
		if (integrity !== 'ok') series.integrityFailures.push(integrity);
		if (stored === 0) series.none++;
		else if (stored === setup.features) series.all++;
		else series.partial++;
		if (!outcome.killed && (outcome.code !== 0 || stored !== setup.features)) series.badFinishes++;
		onRun?.(
			`kill ${kill + 1}: at ${after} ms, ${outcome.killed ? 'killed' : `finished first (exit ${outcome.code})`}, ` +
				`integrity ${integrity}, ${stored.toLocaleString('en-GB')} of ${setup.features.toLocaleString('en-GB')} stored`
		);
	}
	try {
		openDatabase(setup.database).sqlite.close();
		series.reopens = true;
	} catch {
		series.reopens = false;
	}
	return series;
}
