/**
 * A large command-line import run in a child process beside a stream of the site's reads and
 * writes on the same database file: shared by the integration test (which asserts no errors and no
 * lost writes) and `npm run bench:import-lock` (which prints how long reads took meanwhile).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Writes a CSV of `rows` groups placed by latitude and longitude, all different. */
export function writeLargeCsv(path: string, rows: number): void {
	const lines = ['id,name,description,latitude,longitude,postcode,website'];
	for (let i = 0; i < rows; i++) {
		const lat = (53.4 + (i % 150) * 0.001).toFixed(4);
		const lon = (-2.3 + Math.floor(i / 150) * 0.001).toFixed(4);
		lines.push(
			`r${i},Lock test group ${i},"Meets weekly, group ${i}",${lat},${lon},M${i % 30} 1AA,https://example.org/${i}`
		);
	}
	writeFileSync(path, lines.join('\n'));
}

export interface ChildRun {
	/** Resolves with the exit code once the import ends. */
	done: Promise<{ code: number | null; output: string }>;
	running: () => boolean;
}

/**
 * Starts `npm run assets -- import` in one Node process (tsx as a loader, not a second process).
 * @param programme created when the database has none, else must match it
 */
export function startImport(
	database: string,
	file: string,
	{ programme, source }: { programme: string; source: string }
): ChildRun {
	let running = true;
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'src/cli/assets.ts', 'import', file, '--format', 'csv'].concat([
			'--status',
			'published',
			'--programme',
			programme,
			'--source',
			source
		]),
		{
			cwd: ROOT,
			env: { ...process.env, DATABASE_PATH: database },
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const done = new Promise<{ code: number | null; output: string }>((resolve) =>
		child.once('exit', (code) => {
			running = false;
			resolve({ code, output });
		})
	);
	return { done, running: () => running };
}

/** One kind of request in the stream: a read or a write, and what it did. */
export interface StreamStep {
	name: string;
	kind: 'read' | 'write';
	/** Resolves true when the write was acknowledged (reads: true when they answered). */
	run: (n: number) => Promise<boolean>;
}

export interface StreamResult {
	/** Milliseconds each read took, in order. */
	readMs: number[];
	writeMs: number[];
	/** Steps that threw, with their messages. */
	errors: string[];
	/** Writes acknowledged to the person. */
	acknowledged: number;
	/** Steps run while the child was still running. */
	duringImport: number;
}

/**
 * Runs the steps in turn, round and round, while `running()` holds (and at least once each), with
 * a short pause between rounds so the stream is a site's, not a flood.
 */
export async function runStream(
	steps: readonly StreamStep[],
	running: () => boolean,
	{ pauseMs = 5 }: { pauseMs?: number } = {}
): Promise<StreamResult> {
	const result: StreamResult = {
		readMs: [],
		writeMs: [],
		errors: [],
		acknowledged: 0,
		duringImport: 0
	};
	let n = 0;
	do {
		for (const step of steps) {
			const started = performance.now();
			try {
				const ok = await step.run(n);
				if (step.kind === 'write' && ok) result.acknowledged++;
				if (!ok && step.kind === 'read') result.errors.push(`${step.name}: no answer`);
			} catch (error) {
				const took = (performance.now() - started).toFixed(0);
				result.errors.push(`${step.name}: ${(error as Error).message} (after ${took} ms)`);
			}
			(step.kind === 'read' ? result.readMs : result.writeMs).push(performance.now() - started);
			if (running()) result.duringImport++;
			n++;
		}
		await new Promise((resolve) => setTimeout(resolve, pauseMs));
	} while (running());
	return result;
}
