/**
 * Starts the built app (`build/`, made once by global-setup.ts) on a fresh database, as a child
 * process: each Playwright worker gets its own, so test files that write (imports, suggestions, edited
 * boundaries) never race one another.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

export interface TestServer {
	origin: string;
	databasePath: string;
	stop(): Promise<void>;
}

/** Starts the server on `port` with a new database at `databasePath`; resolves once it listens. */
export async function startTestServer(port: number, databasePath: string): Promise<TestServer> {
	mkdirSync('test-results', { recursive: true });
	for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: databasePath,
			// The demo's dates are fixed: the daily auto-archive would archive its oldest entries under
			// the tests that read them. The jobs have their own tests (tests/integration/jobs.test.ts).
			PATCHWORK_JOBS: 'off',
			// Load the demo as of its reference date, so its dates are exactly those in data/demo.
			DEMO_TODAY: '2026-11-01'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await new Promise<void>((resolve, reject) => {
		let output = '';
		const read = (chunk: Buffer) => {
			output += chunk;
			if (/Listening on/.test(output)) resolve();
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.on('exit', (code) => reject(new Error(`the test server exited (${code}):\n${output}`)));
	});
	return { origin, databasePath, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill();
	});
}
