/**
 * Starts the built app (`build/`, made once by global-setup.ts) on a fresh database, as a child
 * process: each Playwright worker gets its own, so test files that write (imports, suggestions, edited
 * boundaries) never race one another.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

export interface TestServer {
	origin: string;
	databasePath: string;
	/** The server's process, for tests that signal it. */
	child: ChildProcess;
	/** Everything it has printed so far, stdout and stderr. */
	output(): string;
	stop(): Promise<void>;
}

export interface TestServerOptions {
	/** More environment for the server (ORIGIN, PORT, HOST and DATABASE_PATH are set already); undefined unsets. */
	env?: Record<string, string | undefined>;
	/** Keep the database file that is there instead of starting on a new one. */
	keepDatabase?: boolean;
	/**
	 * The largest file the server may write, in KiB (the shell's `ulimit -f`): writes past it fail as
	 * on a full disk, for tests of what people are told when the database cannot be written.
	 */
	fileSizeLimitKiB?: number;
}

/** Starts the server on `port` with a new database at `databasePath`; resolves once it listens. */
export async function startTestServer(
	port: number,
	databasePath: string,
	{ env = {}, keepDatabase = false, fileSizeLimitKiB }: TestServerOptions = {}
): Promise<TestServer> {
	mkdirSync('test-results', { recursive: true });
	if (!keepDatabase) {
		for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
	}
	const origin = `http://localhost:${port}`;
	const serverEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATABASE_PATH: databasePath,
		// The demo's dates are fixed: the daily auto-archive would archive its oldest entries under
		// the tests that read them. The jobs have their own tests (tests/integration/jobs.test.ts).
		PATCHWORK_JOBS: 'off',
		// Load the demo as of its reference date, so its dates are exactly those in data/demo.
		DEMO_TODAY: '2026-11-01',
		// The demo's own basemap under every map, as `npm run demo` serves it.
		BASEMAP_GEOJSON: 'data/demo/basemap.geojson',
		// The full sizing check on worker threads however few the small areas, so the browser tests
		// run the built server's threads (a deployment uses them from 20,000 small areas).
		SIZING_THREADS_MIN_AREAS: '1',
		...env
	};
	const options: SpawnOptions = { env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] };
	const child =
		fileSizeLimitKiB === undefined
			? spawn(process.execPath, ['build/index.js'], options)
			: // bash counts `ulimit -f` in KiB; exec keeps the same process, so stop() stops the server.
				spawn(
					'bash',
					['-c', `ulimit -f ${fileSizeLimitKiB} && exec "$0" build/index.js`, process.execPath],
					options
				);
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const read = (chunk: Buffer) => {
			output += chunk;
			if (/Listening on/.test(output)) resolve();
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.on('exit', (code: number | null) =>
			reject(new Error(`the test server exited (${code}):\n${output}`))
		);
	});
	return { origin, databasePath, child, output: () => output, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill();
	});
}
