/**
 * The full sizing check on worker threads, where it pays off: a programme with tens of thousands of
 * small areas (a county or more) is clipped on every core (sizing-pool), with the very figures of
 * one thread. A small programme (a borough's few thousand) is checked on this thread: starting the
 * threads would cost more than it saves.
 *
 * The pool has a thread per core (on a single core, set SIZING_THREADS_MIN_AREAS=off).
 * One pool at a time, for the population set last checked, so its threads and memory are not
 * multiplied by the sets a council keeps; invalidateSizingCache closes it.
 */
import type { PreparedSmallAreas } from '../domain/sizing/prepare';
import { startSizingPool, type SizingPool } from './sizing-pool/pool';

/** Fewer small areas than this are checked on one thread (SIZING_THREADS_MIN_AREAS changes it). */
export const POOL_MIN_SMALL_AREAS = 20_000;

/**
 * The smallest number of small areas checked on threads: SIZING_THREADS_MIN_AREAS when it is a
 * whole number ('off' never uses them), else POOL_MIN_SMALL_AREAS. Read from process.env, as the
 * command line (tsx) has no SvelteKit environment.
 */
export function poolMinSmallAreas(value = process.env.SIZING_THREADS_MIN_AREAS): number {
	if (value === 'off') return Infinity;
	const n = Number(value);
	return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0
		? n
		: POOL_MIN_SMALL_AREAS;
}

let current: { prepared: PreparedSmallAreas; pool: SizingPool } | null = null;

/** The pool for these small areas (started on first use), or null where one thread is better. */
export function sizingPoolFor(prepared: PreparedSmallAreas): SizingPool | null {
	if (prepared.count === 0 || prepared.count < poolMinSmallAreas()) return null;
	if (current?.prepared === prepared) return current.pool;
	void closeSizingPool();
	current = { prepared, pool: startSizingPool(prepared) };
	return current.pool;
}

/** Stops the pool's threads (a check under way finishes first). */
export async function closeSizingPool(): Promise<void> {
	const pool = current?.pool;
	current = null;
	await pool?.close();
}
