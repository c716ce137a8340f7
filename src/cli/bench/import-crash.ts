/**
 * Crash safety of a command-line import, shared by the integration test (a few kills) and
 * `npm run bench:crash` (20+ kills of a 20,000-entry import): the import runs in a child process
 * that is killed with SIGKILL at a point drawn from a seeded sequence and timed from the child's own
 * progress lines (so every run is killed mid-import, in the reading, in the write transaction, or
 * while it closes the database after the commit); afterwards the database must pass SQLite's
 * integrity check and hold all of that import or none of it, never part.
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

/** A line the import printed (a progress line on standard error, or its report), and when. */
export interface Marker {
	/** "Reading: 30%", "Saving: 70%", or "report" (the first output on standard output, after the commit). */
	label: string;
	ms: number;
}

export interface KillOutcome {
	code: number | null;
	killed: boolean;
	ms: number;
	/** What the import had printed when it ended (for the whole run, the time scale of the kills). */
	markers: Marker[];
}

/** Kill the import `delayMs` after it prints the line `after` (it prints one per tenth of a phase). */
export interface KillPoint {
	after: string;
	delayMs: number;
}

/**
 * Runs the import under `source` into a copy of the empty database, killing it at `at` if it is
 * still going (never, for `null`). The kill follows the import's own progress lines, not a clock
 * started with the process, so it lands in the phase it was aimed at however slow start-up is.
 */
export function importKilledAt(
	setup: CrashSetup,
	source: string,
	at: KillPoint | null
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
		{
			cwd: ROOT,
			env: { ...process.env, DATABASE_PATH: database },
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	const markers: Marker[] = [];
	let timer: NodeJS.Timeout | undefined;
	const mark = (label: string) => {
		markers.push({ label, ms: Date.now() - started });
		if (at && label === at.after && !timer)
			timer = setTimeout(() => child.kill('SIGKILL'), at.delayMs);
	};
	let pending = '';
	child.stderr.setEncoding('utf8').on('data', (text: string) => {
		const lines = (pending + text).split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			// Progress on a pipe is one line per tenth: "Saving: 30% (6,000 of 20,000)".
			const progress = /^(\w+): (\d+)%/.exec(line);
			if (progress) mark(`${progress[1]}: ${progress[2]}%`);
		}
	});
	child.stdout.setEncoding('utf8').on('data', () => {
		if (!markers.some((m) => m.label === 'report')) mark('report');
	});
	return new Promise((resolve) =>
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, killed: signal === 'SIGKILL', ms: Date.now() - started, markers });
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

/** Where a kill is aimed: in the reading and checking, in the write transaction, or after its commit. */
export type KillPhase = 'before' | 'during' | 'after';

/** Most kills go into the write transaction, where a crash could leave part of an import. */
const PHASES: KillPhase[] = ['during', 'before', 'during', 'after', 'during'];

/**
 * Kill points for `kills` runs, from the progress lines of an uninterrupted run (`whole`): each run
 * takes the next phase of PHASES in turn, and a progress line in that phase and a delay (a fraction
 * of the time to the run's next line) drawn from `random`. A kill in the write is aimed before the
 * last tenth of the saving, so it lands before the commit even when the run goes faster than the
 * whole one did; a kill after the commit lands while the import closes the database.
 */
export function planKills(
	whole: KillOutcome,
	kills: number,
	random: () => number
): (KillPoint & { phase: KillPhase })[] {
	const times = [...whole.markers, { label: 'exit', ms: whole.ms }];
	const gapAfter = (i: number) => Math.max(0, times[i + 1].ms - times[i].ms);
	const lines: Record<KillPhase, number[]> = { before: [], during: [], after: [] };
	whole.markers.forEach(({ label }, i) => {
		if (label.startsWith('Reading:')) lines.before.push(i);
		else if (label.startsWith('Saving:') && label !== 'Saving: 100%') lines.during.push(i);
		else if (label === 'report') lines.after.push(i);
	});
	const missing = (Object.keys(lines) as KillPhase[]).filter((phase) => !lines[phase].length);
	if (missing.length)
		throw new Error(
			`The uninterrupted import printed no progress for ${missing.join(', ')}: ${JSON.stringify(whole.markers)}`
		);
	return Array.from({ length: kills }, (_, run) => {
		const phase = PHASES[run % PHASES.length];
		const candidates = lines[phase];
		const i = candidates[Math.floor(random() * candidates.length)];
		const share = phase === 'before' ? 1 : 0.5;
		return {
			phase,
			after: whole.markers[i].label,
			delayMs: Math.round(gapAfter(i) * share * random())
		};
	});
}

export interface CrashSeries {
	/** The uninterrupted run that sets the time scale. */
	whole: KillOutcome & { stored: number };
	runs: number;
	/** Runs the signal ended (the others finished first). */
	killed: number;
	/** Kills before the import had saved anything (start-up, reading, checking, or the first tenth of the saving). */
	killedBefore: number;
	/** Kills after the import began saving and before it committed: the database kept none of it. */
	killedDuring: number;
	/** Kills after the commit (the report printed, the database being closed): it kept all. */
	killedAfter: number;
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
 * One whole import (its progress lines set the kill points), then `kills` imports killed at points
 * from the reading through the write to the closing of the database, drawn from `seed`.
 */
export async function runCrashSeries(
	setup: CrashSetup,
	{ kills, seed, onRun }: { kills: number; seed: number; onRun?: (line: string) => void }
): Promise<CrashSeries> {
	const wholeRun = await importKilledAt(setup, 'crash-whole', null);
	const series: CrashSeries = {
		whole: { ...wholeRun, stored: whatIsLeft(setup, 'crash-whole').stored },
		runs: 0,
		killed: 0,
		killedBefore: 0,
		killedDuring: 0,
		killedAfter: 0,
		none: 0,
		all: 0,
		partial: 0,
		integrityFailures: [],
		badFinishes: 0,
		reopens: false
	};
	const plan = wholeRun.code === 0 ? planKills(wholeRun, kills, seeded(seed)) : [];
	for (const [kill, point] of plan.entries()) {
		const source = `crash-${kill}`;
		const outcome = await importKilledAt(setup, source, point);
		const { integrity, stored } = whatIsLeft(setup, source);
		series.runs++;
		const saving = outcome.markers.some((m) => m.label.startsWith('Saving:'));
		let when = `finished first (exit ${outcome.code})`;
		if (outcome.killed) {
			series.killed++;
			if (stored === setup.features) {
				series.killedAfter++;
				when = 'killed after the commit';
			} else if (stored === 0 && saving) {
				series.killedDuring++;
				when = 'killed in the write transaction';
			} else if (stored === 0) {
				series.killedBefore++;
				when = 'killed before saving';
			} else when = 'killed';
		}
		if (integrity !== 'ok') series.integrityFailures.push(integrity);
		if (stored === 0) series.none++;
		else if (stored === setup.features) series.all++;
		else series.partial++;
		if (!outcome.killed && (outcome.code !== 0 || stored !== setup.features)) series.badFinishes++;
		onRun?.(
			`kill ${kill + 1} (aimed ${point.phase}): ${point.delayMs} ms after "${point.after}" (${outcome.ms} ms from start), ` +
				`${when}, integrity ${integrity}, ${stored.toLocaleString('en-GB')} of ${setup.features.toLocaleString('en-GB')} stored`
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
