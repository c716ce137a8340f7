/**
 * HTTP load on the search page: starts the built server (node build/index.js) on a fresh demo
 * database on a free loopback port, keeps 50 connections busy for 30 seconds with varied /search
 * queries, then prints requests per second, p50/p99 latency and errors, and stops the server.
 * Neither wrk nor autocannon is installed here, so the loader is a small bounded one on node:http
 * (keep-alive, one request in flight per connection). It runs in this process, the server in another.
 *
 *   npm run build && npx tsx src/cli/bench/http-load.ts [--connections 50] [--duration 30]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
	log?: (line: string) => void;
}

export interface HttpLoadResult {
	requests: number;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	statuses: Record<string, number>;
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
		log(`Loading /search with ${connections} connections for ${durationSeconds} s …`);
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
		const result: HttpLoadResult = {
			requests: sent,
			requestsPerSecond: latencies.length / seconds,
			p50: percentile(latencies, 0.5),
			p99: percentile(latencies, 0.99),
			errors,
			statuses
		};
		const [load] = loadavg();
		log(
			`\nHTTP /search: ${connections} connections, ${seconds.toFixed(1)} s, ${cpus().length} cores shared by server and loader, load average ${load.toFixed(1)}`
		);
		log(
			`  requests      ${result.requests.toLocaleString('en-GB')} (${result.requestsPerSecond.toFixed(0)} a second)`
		);
		log(`  latency       p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
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
	runHttpLoad({ connections: option('connections'), durationSeconds: option('duration') }).then(
		(result) => {
			process.exitCode = result.errors === 0 ? 0 : 1;
		},
		(error: Error) => {
			console.error(error.message);
			process.exitCode = 1;
		}
	);
}
