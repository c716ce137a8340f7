/**
 * HTTP load on the search page: starts the built server (node build/index.js) on a fresh demo
 * database on a free loopback port, keeps 50 connections busy for 30 seconds with varied /search
 * queries, then prints requests per second, p50/p99/max latency and errors, and stops the server.
 * The loader is wrk where it is installed (`apt-get install wrk`; a Lua script cycles the queries,
 * 10 s timeout), else a small bounded one on node:http in this process (keep-alive, one request in
 * flight per connection). wrk loads harder: being C, it takes less of the CPU the server shares.
 *
 *   npm run build && npx tsx src/cli/bench/http-load.ts [--connections 50] [--duration 30] [--loader wrk|node]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './measure';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const HOST = '127.0.0.1';

/** What residents type, with and without filters: words, prefixes, a postcode, days, paging. */
const QUERIES = [
	'q=coffee',
	'q=caf',
	'q=walking+group',
	'q=choir',
	'q=art&kind=group',
	'q=knit',
	'q=food&cost=free',
	'q=yoga&day=tue&time=morning',
	'q=football&age=9',
	'q=support&access=step_free',
	'q=cymraeg',
	'q=club&page=2',
	'q=garden&postcode=FV1+0LW&radius=5',
	'q=%22unterminated',
	'q=' + encodeURIComponent("'; DROP TABLE assets; --")
];

export interface HttpLoadOptions {
	connections?: number;
	durationSeconds?: number;
	/** wrk when it is on the PATH, else node. */
	loader?: 'wrk' | 'node';
	log?: (line: string) => void;
}

export interface HttpLoadResult {
	loader: 'wrk' | 'node';
	requests: number;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	max: number;
	errors: number;
	statuses: Record<string, number>;
}

type LoadNumbers = Omit<HttpLoadResult, 'loader'>;

const hasWrk = () => {
	try {
		execFileSync('wrk', ['--version'], { stdio: 'ignore' });
		return true;
	} catch (error) {
		// wrk --version prints its usage and exits 1: installed. ENOENT: not installed.
		return (error as NodeJS.ErrnoException).code !== 'ENOENT';
	}
};

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

function get(agent: Agent, port: number, path: string): Promise<number> {
	return new Promise((done, fail) => {
		const req = request({ host: HOST, port, path, agent, timeout: 10_000 }, (res) => {
			res.resume();
			res.on('end', () => done(res.statusCode ?? 0));
			res.on('error', fail);
		});
		req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
		req.on('error', fail);
		req.end();
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

/** Runs the load and returns its numbers; the server is always stopped, the database removed. */
export async function runHttpLoad(options: HttpLoadOptions = {}): Promise<HttpLoadResult> {
	const { connections = 50, durationSeconds = 30, log = console.log } = options;
	const loader = options.loader ?? (hasWrk() ? 'wrk' : 'node');
	const entry = resolve(ROOT, 'build/index.js');
	if (!existsSync(entry)) throw new Error('There is no build yet: run `npm run build` first.');
	const dir = mkdtempSync(join(tmpdir(), 'patchwork-http-'));
	const port = await freePort();
	const output: string[] = [];
	const server = spawn(process.execPath, [entry], {
		cwd: ROOT,
		env: {
			...process.env,
			HOST,
			PORT: String(port),
			ORIGIN: `http://${HOST}:${port}`,
			DATABASE_PATH: join(dir, 'demo.db'),
			SEED_DEMO: 'true',
			// A log line per request would only fill memory here.
			LOG_FORMAT: 'off',
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
	server.stdout!.on('data', keep);
	server.stderr!.on('data', keep);
	try {
		await waitForServer(port, server);
		log(`Server pid ${server.pid} on http://${HOST}:${port} with a fresh demo database.`);
		log(`Loading /search with ${connections} connections for ${durationSeconds} s (${loader}) …`);
		const started = performance.now();
		const numbers =
			loader === 'wrk'
				? loadWithWrk(port, connections, durationSeconds, dir)
				: await loadWithNode(port, connections, durationSeconds);
		const seconds = (performance.now() - started) / 1000;
		const result: HttpLoadResult = { loader, ...numbers };
		const { errors, statuses } = result;
		const [load] = loadavg();
		log(
			`\nHTTP /search: ${connections} connections, ${seconds.toFixed(1)} s, loader ${loader}, ${cpus().length} cores shared by server and loader, load average ${load.toFixed(1)}`
		);
		log(
			`  requests      ${result.requests.toLocaleString('en-GB')} (${result.requestsPerSecond.toFixed(0)} a second)`
		);
		log(
			`  latency       p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`
		);
		log(`  errors        ${errors}${errors === 0 ? ' (target: 0)' : ' (target is 0)'}`);
		log(
			`  responses     ${Object.entries(statuses)
				.map(([k, v]) => `${k}: ${v.toLocaleString('en-GB')}`)
				.join(', ')}`
		);
		return result;
	} catch (error) {
		log(`The server said:\n${output.slice(-20).join('\n')}`);
		throw error;
	} finally {
		await stop(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The bounded node:http loader: one request in flight per connection, keep-alive. */
async function loadWithNode(
	port: number,
	connections: number,
	durationSeconds: number
): Promise<LoadNumbers> {
	const agent = new Agent({ keepAlive: true, maxSockets: connections });
	const latencies: number[] = [];
	const statuses: Record<string, number> = {};
	let errors = 0;
	let sent = 0;
	const start = performance.now();
	const end = start + durationSeconds * 1000;
	const worker = async (offset: number) => {
		for (let i = offset; performance.now() < end; i += connections) {
			const path = `/search?${QUERIES[i % QUERIES.length]}`;
			const began = performance.now();
			sent++;
			try {
				const status = await get(agent, port, path);
				statuses[status] = (statuses[status] ?? 0) + 1;
				if (status >= 400) errors++;
				latencies.push(performance.now() - began);
			} catch (error) {
				errors++;
				const kind = error instanceof Error ? error.message : 'error';
				statuses[kind] = (statuses[kind] ?? 0) + 1;
			}
		}
	};
	await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
	const seconds = (performance.now() - start) / 1000;
	agent.destroy();
	return {
		requests: sent,
		requestsPerSecond: latencies.length / seconds,
		p50: percentile(latencies, 0.5),
		p99: percentile(latencies, 0.99),
		max: Math.max(...latencies),
		errors,
		statuses
	};
}

/** wrk in a child process, one thread, the queries cycled by a Lua script; its summary parsed. */
function loadWithWrk(
	port: number,
	connections: number,
	durationSeconds: number,
	dir: string
): LoadNumbers {
	const script = join(dir, 'queries.lua');
	const paths = QUERIES.map((q) => `"/search?${q.replace(/["\\]/g, '\\$&')}"`).join(', ');
	writeFileSync(
		script,
		`local paths = { ${paths} }\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`
	);
	const output = execFileSync(
		'wrk',
		[
			'-t1',
			`-c${connections}`,
			`-d${durationSeconds}s`,
			'--timeout',
			'10s',
			'--latency',
			'-s',
			script,
			`http://${HOST}:${port}`
		],
		{ encoding: 'utf8' }
	);
	return parseWrk(output);
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const toMs = (value: string) => {
	const [, number, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(value) ?? [];
	return number ? Number(number) * MS[unit] : Number.NaN;
};

/** Requests, rate, latency percentiles, max and errors from wrk's printed summary. */
export function parseWrk(output: string): LoadNumbers {
	const find = (pattern: RegExp) => pattern.exec(output)?.slice(1) ?? [];
	const [requests] = find(/(\d+) requests in/);
	const [rate] = find(/Requests\/sec:\s+([\d.]+)/);
	const [p50] = find(/\s50%\s+([\d.]+\w+)/);
	const [p99] = find(/\s99%\s+([\d.]+\w+)/);
	const [max] = find(/Latency\s+\S+\s+\S+\s+(\S+)/);
	const socket = find(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/).map(
		Number
	);
	const [non2xx] = find(/Non-2xx or 3xx responses: (\d+)/);
	const statuses: Record<string, number> = {};
	const names = ['connect errors', 'read errors', 'write errors', 'timeouts (10 s)'];
	socket.forEach((count, i) => count > 0 && (statuses[names[i]] = count));
	if (non2xx) statuses['non-2xx or 3xx'] = Number(non2xx);
	const errors = Object.values(statuses).reduce((sum, count) => sum + count, 0);
	return {
		requests: Number(requests),
		requestsPerSecond: Number(rate),
		p50: toMs(p50),
		p99: toMs(p99),
		max: toMs(max),
		errors,
		statuses: { ...statuses, ...(errors === 0 ? { '2xx or 3xx': Number(requests) } : {}) }
	};
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

function option(name: string): number | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 ? Number(process.argv[at + 1]) : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const at = process.argv.indexOf('--loader');
	const loader = at >= 0 ? (process.argv[at + 1] as 'wrk' | 'node') : undefined;
	runHttpLoad({
		connections: option('connections'),
		durationSeconds: option('duration'),
		loader
	}).then(
		(result) => {
			process.exitCode = result.errors === 0 ? 0 : 1;
		},
		(error: Error) => {
			console.error(error.message);
			process.exitCode = 1;
		}
	);
}
