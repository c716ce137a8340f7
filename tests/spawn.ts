/**
 * For tests that run the command line or the server in a child process. A time limit there catches a
 * hang, not slowness: the suite must hold on a busy machine (a load average of 8 on 2 cores makes a
 * 3-second command take 20), so it is generous. Speed is measured by the benchmarks, never here.
 */
import { fileURLToPath } from 'node:url';

export const SPAWN_TIMEOUT_MS = 150_000;

/**
 * The limit for a test that runs several commands in turn: each command has its own limit above, so
 * this only has to allow for a slow machine. At a load average of 20 on 2 cores a test of five
 * commands was seen to take 4 minutes.
 */
export const SPAWNING_TEST_TIMEOUT_MS = 600_000;

/** The command-line programs the tests run, each bundled once by tests/cli-build.ts. */
export const CLI_SCRIPTS = [
	'areas',
	'assets',
	'backup',
	'gaps',
	'migrate',
	'patches',
	'population',
	'restore',
	'user'
] as const;
export type CliScript = (typeof CLI_SCRIPTS)[number];

/** Inside node_modules, so the bundles find the project's packages as the sources do. */
export const CLI_BUILD_FOLDER = fileURLToPath(
	new URL('../node_modules/.cache/patchwork-cli', import.meta.url)
);

/**
 * The program and arguments that run `npm run SCRIPT -- ...args` in a child process: Node on the
 * bundle tests/cli-build.ts made from src/cli/SCRIPT.ts.
 */
export function cli(script: CliScript, ...args: string[]): [string, string[]] {
	return [process.execPath, [`${CLI_BUILD_FOLDER}/${script}.mjs`, ...args]];
}

/**
 * Spawn options that run a child as a user file permissions apply to: root ignores them, so when the
 * tests run as root the child runs as `nobody` (uid 65534). Its files and folders must be readable by
 * everyone (chmod 755).
 */
export const AS_UNPRIVILEGED_USER: { uid?: number; gid?: number } =
	process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
