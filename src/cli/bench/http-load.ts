/**
 * HTTP load on the built server, with people writing at the same time (issue 14, "Load").
 *
 * Starts `node build` on a fresh demo database on a free loopback port (ADDRESS_HEADER set, so each
 * request's address is its X-Forwarded-For). A second process (wrk where installed, else a bounded
 * node:http loader) keeps 50 connections busy for a bounded time on each page set: `mix` cycles the
 * home page, a patch page, the search page with filters, an entry's page and the Open Referral
 * /services endpoint; `search` and `patch` load one page each. A third process (http-writer.ts) saves
 * the demo coordinator's entries and sends resident suggestions all the while. Each round prints
 * requests/s, p50/p99, errors, non-2xx, and the server's CPU time per request (which the other work on
 * a shared machine changes less than requests/s); at the end, medians over the rounds, the server's
 * peak memory (RSS), and, after the server has stopped, "acknowledged writes found afterwards".
 *
 *   npm run build && npm run bench:http -- [--connections 50] [--duration 20] [--rounds 3]
 *     [--pages mix,search,patch] [--loader wrk|node] [--build build] [--no-writes]
 *     [--cpu-prof FOLDER]   (the server's CPU profile, written when it stops: open it in Chrome's DevTools)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { get, hasWrk, HOST, loadWithNode, loadWithWrk, type LoadNumbers } from './http-loaders';
import { checkWrites, DEMO_PATCH, pagesFor, PAGE_SETS, type PageSet } from './http-pages';
import type { Acknowledged } from './http-writer';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLOCK_TICKS_PER_SECOND = 100;

export interface HttpLoadOptions {
	connections?: number;
	durationSeconds?: number;
	rounds?: number;
	pages?: PageSet[];
	/** wrk when it is on the PATH, else node. */
	loader?: 'wrk' | 'node';
	/** The adapter-node output to start (default build/). */
	build?: string;
	/** Run the writer beside the load (default true). */
	writes?: boolean;
	/** Write a CPU profile of the server (node --cpu-prof) into this folder when it stops. */
	cpuProfileDir?: string;
	log?: (line: string) => void;
}

export interface RoundResult extends LoadNumbers {
	pages: PageSet;
	/** The server's CPU time (user + system) per request answered, in milliseconds. */
	cpuMsPerRequest: number;
}

export interface HttpLoadResult {
	loader: 'wrk' | 'node';
	rounds: RoundResult[];
	peakRssMb: number;
	writes: { acknowledged: number; found: number; failures: string[] } | null;
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePort(port));
		});
	});
}

async function waitForServer(port: number, server: ChildProcess): Promise<void> {
	const agent = new Agent({ keepAlive: false });
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`);
		try {
			if ((await get(agent, port, '/')) === 200) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('The server did not answer within 90 seconds');
}

/** CPU seconds the process has used (Linux /proc), or NaN elsewhere. */
function cpuSeconds(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
	} catch {
		return Number.NaN;
	}
}

/** The process's peak resident memory in MB (Linux /proc VmHWM), or NaN elsewhere. */
function peakRssMb(pid: number): number {
	try {
		const [, kb] = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8')) ?? [];
		return Number(kb) / 1024;
	} catch {
		return Number.NaN;
	}
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const whole = (n: number) => Math.round(n).toLocaleString('en-GB');

/** Runs the load and returns its numbers; the server is always stopped, the database removed. */
export async function runHttpLoad(options: HttpLoadOptions = {}): Promise<HttpLoadResult> {
	const { connections = 50, durationSeconds = 20, rounds = 3, log = console.log } = options;
	const pages = options.pages ?? [...PAGE_SETS];
	const loader = options.loader ?? (hasWrk() ? 'wrk' : 'node');
	const entry = resolve(ROOT, options.build ?? 'build', 'index.js');
	if (!existsSync(entry)) throw new Error(`There is no ${entry} yet: run \`npm run build\` first.`);
	const dir = mkdtempSync(join(tmpdir(), 'patchwork-http-'));
	const database = join(dir, 'demo.db');
	const port = await freePort();
	const base = `http://${HOST}:${port}`;
	const output: string[] = [];
	const profile = options.cpuProfileDir
		? ['--cpu-prof', '--cpu-prof-dir', resolve(options.cpuProfileDir)]
		: [];
	const server = spawn(process.execPath, [...profile, entry], {
		cwd: ROOT,
		env: {
			...process.env,
			HOST,
			PORT: String(port),
			ORIGIN: base,
			DATABASE_PATH: database,
			SEED_DEMO: 'true',
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			// A log line per request would only fill memory here.
			LOG_FORMAT: 'off',
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
	server.stdout!.on('data', keep);
	server.stderr!.on('data', keep);
	let writer: ChildProcess | undefined;
	const acknowledgedFile = join(dir, 'acknowledged.json');
	try {
		await waitForServer(port, server);
		const paths = pagesFor(database);
		log(`Server pid ${server.pid} on ${base} with a fresh demo database (${entry}).`);
		const total = durationSeconds * rounds * pages.length;
		if (options.writes !== false) {
			// The writer keeps on a little longer than the load, so writes overlap every round.
			writer = spawn(
				process.execPath,
				[
					...process.execArgv,
					fileURLToPath(new URL('./http-writer.ts', import.meta.url)),
					base,
					String(total + 2),
					acknowledgedFile,
					DEMO_PATCH
				],
				{ cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] }
			);
		}
		log(
			`${connections} connections, ${durationSeconds} s a page set, ${rounds} rounds (${loader}); ` +
				`${cpus().length} cores shared by server, loader${writer ? ', writer' : ''} and anything else running`
		);
		const results: RoundResult[] = [];
		for (let round = 1; round <= rounds; round++) {
			for (const set of pages) {
				const cpuBefore = cpuSeconds(server.pid!);
				const numbers =
					loader === 'wrk'
						? loadWithWrk(port, paths[set], connections, durationSeconds, dir)
						: await loadWithNode(port, paths[set], connections, durationSeconds);
				const cpuMs = (cpuSeconds(server.pid!) - cpuBefore) * 1000;
				const result = { pages: set, ...numbers, cpuMsPerRequest: cpuMs / numbers.requests };
				results.push(result);
				log(`round ${round} ${describe(result)}, load average ${loadavg()[0].toFixed(1)}`);
			}
		}
		if (writer) await exited(writer, (total + 60) * 1000);
		const peak = peakRssMb(server.pid!);
		await stop(server);
		const writes = writer ? checkWrites(database, readAcknowledged(acknowledgedFile)) : null;
		log('\nMedians over the rounds:');
		for (const set of pages) log(`  ${describeMedian(results.filter((r) => r.pages === set))}`);
		log(`Server's peak memory (RSS): ${whole(peak)} MB`);
		if (writes) {
			log(
				`Acknowledged writes found afterwards: ${writes.found} of ${writes.acknowledged}` +
					` (target: all); writes refused or failed: ${writes.failures.length}`
			);
			for (const failure of writes.failures.slice(0, 5)) log(`  ${failure}`);
		}
		return { loader, rounds: results, peakRssMb: peak, writes };
	} catch (error) {
		log(`The server said:\n${output.slice(-20).join('\n')}`);
		throw error;
	} finally {
		if (writer && writer.exitCode === null) writer.kill('SIGTERM');
		await stop(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

function readAcknowledged(file: string): Acknowledged {
	if (!existsSync(file)) throw new Error('The writer stopped without saying what it wrote.');
	return JSON.parse(readFileSync(file, 'utf8')) as Acknowledged;
}

function describe(r: RoundResult): string {
	const non2xx = r.statuses['non-2xx or 3xx'] ?? 0;
	return (
		`${r.pages.padEnd(6)} ${whole(r.requestsPerSecond).padStart(5)} requests/s, ` +
		`p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
		`errors ${r.errors - non2xx}, non-2xx ${non2xx}, ` +
		`server CPU ${r.cpuMsPerRequest.toFixed(2)} ms a request`
	);
}

function describeMedian(rounds: RoundResult[]): string {
	const of = (pick: (r: RoundResult) => number) => median(rounds.map(pick));
	const errors = rounds.reduce((sum, r) => sum + r.errors, 0);
	return (
		`${rounds[0].pages.padEnd(6)} ${whole(of((r) => r.requestsPerSecond)).padStart(5)} requests/s, ` +
		`p50 ${of((r) => r.p50).toFixed(1)} ms, p99 ${of((r) => r.p99).toFixed(1)} ms, ` +
		`server CPU ${of((r) => r.cpuMsPerRequest).toFixed(2)} ms a request; ` +
		`errors and non-2xx in all rounds: ${errors} (target: 0)`
	);
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
	if (child.exitCode !== null) return Promise.resolve();
	return new Promise((done) => {
		const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			done();
		});
	});
}

/** Stops the server process this script started (by its pid), waiting for it to exit. */
function stop(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
	return new Promise((done) => {
		const force = setTimeout(() => server.kill('SIGKILL'), 5000);
		server.once('exit', () => {
			clearTimeout(force);
			done();
		});
		server.kill('SIGTERM');
	});
}

function option(name: string): string | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const number = (name: string) => (option(name) === undefined ? undefined : Number(option(name)));
	runHttpLoad({
		connections: number('connections'),
		durationSeconds: number('duration'),
		rounds: number('rounds'),
		pages: option('pages')?.split(',') as PageSet[] | undefined,
		loader: option('loader') as 'wrk' | 'node' | undefined,
		build: option('build'),
		writes: !process.argv.includes('--no-writes'),
		cpuProfileDir: option('cpu-prof')
	}).then(
		(result) => {
			const clean =
				result.rounds.every((r) => r.errors === 0) &&
				(!result.writes || result.writes.found === result.writes.acknowledged);
			process.exitCode = clean ? 0 : 1;
		},
		(error: Error) => {
			console.error(error.message);
			process.exitCode = 1;
		}
	);
}
