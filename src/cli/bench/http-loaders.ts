/**
 * The two loaders of the HTTP benchmark, each keeping `connections` requests in flight for a bounded
 * time over a list of paths: wrk where it is installed (`apt-get install wrk`; a Lua script cycles
 * the paths, 10 s timeout), else a small one on node:http in this process (keep-alive, one request
 * in flight per connection). wrk loads harder: being C, it takes less of the CPU the server shares.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { percentile } from './measure';

export const HOST = '127.0.0.1';

/** Every request of the load comes from this address (the server reads X-Forwarded-For). */
const LOAD_ADDRESS = '10.9.0.1';

export interface LoadNumbers {
	requests: number;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	max: number;
	errors: number;
	statuses: Record<string, number>;
}

export const hasWrk = () => {
	try {
		execFileSync('wrk', ['--version'], { stdio: 'ignore' });
		return true;
	} catch (error) {
		// wrk --version prints its usage and exits 1: installed. ENOENT: not installed.
		return (error as NodeJS.ErrnoException).code !== 'ENOENT';
	}
};

export function get(agent: Agent, port: number, path: string): Promise<number> {
	return new Promise((done, fail) => {
		const req = request(
			{
				host: HOST,
				port,
				path,
				agent,
				timeout: 10_000,
				headers: { 'x-forwarded-for': LOAD_ADDRESS }
			},
			(res) => {
				res.resume();
				res.on('end', () => done(res.statusCode ?? 0));
				res.on('error', fail);
			}
		);
		req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
		req.on('error', fail);
		req.end();
	});
}

/** The bounded node:http loader: one request in flight per connection, keep-alive. */
export async function loadWithNode(
	port: number,
	paths: readonly string[],
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
			const path = paths[i % paths.length];
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
export function loadWithWrk(
	port: number,
	paths: readonly string[],
	connections: number,
	durationSeconds: number,
	dir: string
): LoadNumbers {
	const script = join(dir, 'queries.lua');
	const quoted = paths.map((path) => `"${path.replace(/["\\]/g, '\\$&')}"`).join(', ');
	writeFileSync(
		script,
		`local paths = { ${quoted} }\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i], { ["X-Forwarded-For"] = "${LOAD_ADDRESS}" })\nend\n`
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
