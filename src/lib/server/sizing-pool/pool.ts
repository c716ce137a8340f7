/**
 * Checks a whole programme on several threads: worker threads scan runs of small areas (the
 * clipping, scan.ts) while this thread checks the patches' boundaries, then the runs'
 * records are added up in small-area order (finishCheck), so the figures are exactly those of
 * checkProgramme on one thread. The centroid method alone splits the patches instead: each thread
 * finds which small areas' points a run of patches holds (point-owners.ts), then checks a run of
 * patches' boundaries while this thread adds up the points.
 *
 * The workers hold the small areas (rings in shared memory, no copy), so start a pool once per
 * prepared set and reuse it; close it when done, or the process will not exit.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { packSmallAreas } from '../../domain/sizing/pack';
import {
	arraySource,
	packedSource,
	packPatches,
	type PackedPatches
} from '../../domain/sizing/pack-patches';
import type { PreparedSmallAreas } from '../../domain/sizing/prepare';
import { findPointOwners, type PointOwners } from '../../domain/sizing/point-owners';
import { finishCheck, type ProgrammeOptions } from '../../domain/sizing/programme';
import { checkIds, fromOwners } from '../../domain/sizing/programme-patches';
import type { ScanRecords } from '../../domain/sizing/scan';
import { sizingStats } from '../../domain/sizing/shares';
import { validatePatchGeometry } from '../../domain/sizing/validate';
import type { GeometryProblem, PatchInput, ProgrammeCheck } from '../../domain/sizing/types';
import type { FromWorker, ToWorker } from './messages';
import { SIZING_WORKER } from './worker';

/**
 * The patches' boundary problems, a slice at a time: between slices this thread hands the workers
 * their next runs (in one go it kept them waiting for seconds on a programme of 5,000 patches).
 */
async function validateAll(patches: PatchInput[]): Promise<GeometryProblem[][]> {
	const problems: GeometryProblem[][] = [];
	for (let i = 0; i < patches.length; i += 100) {
		for (const patch of patches.slice(i, i + 100)) {
			problems.push(validatePatchGeometry(patch.geometry));
		}
		await new Promise((resolve) => setImmediate(resolve));
	}
	return problems;
}

export interface SizingPool {
	/** How many worker threads scan. */
	readonly threads: number;
	/** checkProgramme on the pool's small areas: the same result, sooner. */
	check(patches: PatchInput[], options?: ProgrammeOptions): Promise<ProgrammeCheck>;
	/** Stops the workers, once the checks already asked for have finished. */
	close(): Promise<void>;
}

export interface PoolOptions {
	/** Worker threads (default: one per core the process may use). */
	threads?: number;
	/** Runs of small areas handed out per thread, so a thread that finishes early takes more. */
	runsPerThread?: number;
}

/**
 * The file a worker thread runs. From the sources (tsx, Vitest, `vite dev`) a small .mjs file that
 * compiles worker.ts on the fly; after `vite build` (`node build`) this very bundle file, which holds
 * worker.ts too (imported above) and serves only in a thread started with the flag.
 */
function workerScript(): URL {
	const here = import.meta.url;
	return /\.[cm]?ts(\?.*)?$/.test(here) ? new URL('./worker-entry.mjs', here) : new URL(here);
}

/**
 * Keeps the memory of every V8 heap made from now on (the workers'): a young generation of 16 MB,
 * V8's largest by default, and no memory reducer. A few seconds after a check, the memory reducer
 * collects an idle thread's heap to shrink it (and its young generation to 1 MB), and the next
 * check then ran about 100 scavenges instead of 11 and took half as long again (the centroid
 * method on 5,000 patches after 90 quiet seconds: 629 ms, against 427 ms without the reducer and
 * 400 ms back to back). The main thread's heap is made before any code runs, so `npm start` and
 * the benchmarks give Node the young generation's flag; the main thread keeps its memory reducer,
 * which kept the PostGIS comparison's peak at 976 MB (1,018 MB without it). Its collections run
 * while the thread is idle; a thread blocked for a minute (as the comparison once was, waiting for
 * PostgreSQL) runs them all when it wakes, during whatever check comes next.
 */
function keepHeaps(): void {
	setFlagsFromString('--min-semi-space-size=16');
	setFlagsFromString('--no-memory-reducer');
}

/** Starts worker threads holding these small areas. */
export function startSizingPool(
	prepared: PreparedSmallAreas,
	{ threads = availableParallelism(), runsPerThread = 8 }: PoolOptions = {}
): SizingPool {
	const count = Math.max(1, Math.floor(threads));
	const packed = packSmallAreas(prepared);
	keepHeaps();
	const workers = Array.from(
		{ length: count },
		() => new Worker(workerScript(), { workerData: { [SIZING_WORKER]: true } })
	);
	for (const worker of workers) worker.postMessage({ type: 'areas', packed } satisfies ToWorker);
	let job = 0;
	// One check at a time: a second waits for the first (the workers hold one check's patches).
	let queue: Promise<unknown> = Promise.resolve();
	// The memory of the last check's packed coordinates, packed into again by the next: fresh memory
	// for each check (13 MB for 5,000 patches) was faulted in page by page, slowest after a quiet
	// spell. Safe because checks run one at a time, and a worker reads only its current check's.
	let coordinates: Float64Array | undefined;

	/**
	 * Sends a check's patches to every worker; returns the check's job number, and the patches
	 * packed (null when one is not a plain polygon: then they were sent as they are).
	 */
	function send(patches: PatchInput[]): { thisJob: number; packed: PackedPatches | null } {
		const thisJob = ++job;
		// Flat arrays copy to each worker as blocks (see pack-patches.ts).
		const packed = packPatches(patches, coordinates);
		if (packed) coordinates = new Float64Array(packed.coords.buffer);
		const sent = packed ?? patches;
		for (const worker of workers) {
			worker.postMessage({ type: 'patches', job: thisJob, patches: sent } satisfies ToWorker);
		}
		return { thisJob, packed };
	}

	/**
	 * Hands out runs [lo, hi) of `total` items (small areas or patches) of a job, and collects each
	 * run's answer in run order. A few at a time by default, so a thread that finishes early takes
	 * more; with upFront, every run at once, in turn, so the workers go on to them (and to whatever
	 * is sent after) while this thread is busy.
	 */
	function distribute<T>(
		thisJob: number,
		total: number,
		ask: (job: number, lo: number, hi: number) => ToWorker,
		answer: (message: FromWorker) => { lo: number; value: T } | null,
		upFront = false
	): Promise<T[]> {
		const size = Math.max(1, Math.ceil(total / (count * runsPerThread)));
		const runs: number[] = [];
		for (let lo = 0; lo < total; lo += size) runs.push(lo);
		const results: T[] = new Array(runs.length);
		let nextRun = 0;
		let done = 0;
		return new Promise((resolve, reject) => {
			const cleanups: (() => void)[] = [];
			const finish = (error?: Error) => {
				for (const cleanup of cleanups) cleanup();
				if (error) reject(error);
				else resolve(results);
			};
			const give = (worker: Worker) => {
				if (nextRun >= runs.length) return;
				const lo = runs[nextRun++];
				worker.postMessage(ask(thisJob, lo, Math.min(total, lo + size)));
			};
			for (const worker of workers) {
				const onMessage = (message: FromWorker) => {
					if (message.job !== thisJob) return;
					if (message.type === 'failed') return finish(new Error(message.message));
					const got = answer(message);
					// Another kind of answer to the same job is another distribute's.
					if (!got) return;
					results[runs.indexOf(got.lo)] = got.value;
					if (++done === runs.length) finish();
					else if (!upFront) give(worker);
				};
				const onError = (error: Error) => finish(error);
				worker.on('message', onMessage);
				worker.on('error', onError);
				cleanups.push(() => {
					worker.off('message', onMessage);
					worker.off('error', onError);
				});
			}
			if (upFront) {
				for (let r = 0; r < runs.length; r++) give(workers[r % count]);
			} else {
				// Two runs each at first, so a worker never waits for this thread to hand out the next.
				for (const worker of workers) {
					give(worker);
					give(worker);
				}
			}
			if (runs.length === 0) finish();
		});
	}

	const scanAll = (patches: PatchInput[], account: boolean) =>
		distribute<ScanRecords>(
			send(patches).thisJob,
			prepared.count,
			(job, lo, hi) => ({ type: 'scan', job, lo, hi, account }),
			(message) => {
				if (message.type !== 'scanned') return null;
				const { records } = message;
				sizingStats.clipCount += records.stats.clipCount;
				sizingStats.wholeCount += records.stats.wholeCount;
				sizingStats.outsideCount += records.stats.outsideCount;
				return { lo: records.lo, value: records };
			}
		);

	/**
	 * The centroid method's two passes over the patches, both handed out at once: which points
	 * each patch holds, then each patch's boundary problems. The second runs on the workers while
	 * this thread adds up the first and works out suggested moves.
	 */
	function ownersThenProblems(patches: PatchInput[]) {
		const { thisJob, packed } = send(patches);
		const owners = distribute<PointOwners>(
			thisJob,
			patches.length,
			(job, lo, hi) => ({ type: 'owners', job, lo, hi }),
			(message) =>
				message.type === 'owned' ? { lo: message.owners.lo, value: message.owners } : null,
			true
		);
		const problems = distribute<[number, GeometryProblem[]][]>(
			thisJob,
			patches.length,
			(job, lo, hi) => ({ type: 'validate', job, lo, hi }),
			(message) =>
				message.type === 'validated' ? { lo: message.lo, value: message.problems } : null,
			true
		);
		return { owners, problems, packed };
	}

	async function check(
		patches: PatchInput[],
		options: ProgrammeOptions = {}
	): Promise<ProgrammeCheck> {
		checkIds(patches);
		const method = options.method ?? 'areal';
		const arealOn = method === 'areal' || (options.compare ?? true);
		if (!arealOn) {
			const { owners, problems, packed } = ownersThenProblems(patches);
			const runs = await alongside(problems, () => owners);
			const ready = fromOwners(prepared, patches, runs, packed ? packedSource(packed) : undefined);
			// Boundary problems come in front of the others once the workers have them.
			const none = patches.map(() => []);
			const check = await alongside(problems, () =>
				finishCheck(prepared, patches, options, ready, [], none)
			);
			for (const run of await problems) {
				for (const [p, found] of run) check.patches[p].problems.unshift(...found);
			}
			return check;
		}
		const scanned = scanAll(patches, method === 'areal');
		// While the workers clip, this thread finds the patches' boxes and areas, and checks their
		// boundaries. Each patch is projected once for its box and area, and prepared in full only
		// if a finishing step needs it (about a third need suggested moves): keeping 5,000 prepared
		// patches on this thread cost about 100 MB.
		const ready = await alongside(scanned, () =>
			fromOwners(prepared, patches, [
				findPointOwners({ ...prepared, pointIndex: null }, arraySource(patches), 0, patches.length)
			])
		);
		const validated = await alongside(scanned, () => validateAll(patches));
		return finishCheck(prepared, patches, options, ready, await scanned, validated);
	}

	/** Runs work on this thread while `pending` runs on the workers; on failure waits for them. */
	async function alongside<T>(pending: Promise<unknown>, work: () => T | Promise<T>): Promise<T> {
		try {
			return await work();
		} catch (error) {
			await pending.catch(() => undefined);
			throw error;
		}
	}

	return {
		threads: count,
		check(patches, options) {
			const result = queue.then(() => check(patches, options));
			queue = result.catch(() => undefined);
			return result;
		},
		async close() {
			// Checks already asked for finish first (a worker stopped mid-check would never answer).
			await queue;
			await Promise.all(workers.map((worker) => worker.terminate()));
		}
	};
}
