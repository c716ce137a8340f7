/**
 * For tests that run the command line or the server in a child process. A time limit there catches a
 * hang, not slowness: the suite must hold on a busy machine (a load average of 8 on 2 cores makes a
 * 3-second command take 20), so it is generous. Speed is measured by the benchmarks, never here.
 */
import { fileURLToPath } from 'node:url';

export const SPAWN_TIMEOUT_MS = 150_000;

/** tsx itself, not `npx tsx`: npx adds a second Node start-up to every run. */
export const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
