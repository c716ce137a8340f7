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

/** tsx itself, not `npx tsx`: npx adds a second Node start-up to every run. */
export const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/**
 * Spawn options that run a child as a user file permissions apply to: root ignores them, so when the
 * tests run as root the child runs as `nobody` (uid 65534). Its files and folders must be readable by
 * everyone (chmod 755).
 */
export const AS_UNPRIVILEGED_USER: { uid?: number; gid?: number } =
	process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
