/**
 * Checks a whole programme on several threads: worker threads scan runs of small areas (the
 * clipping, scan.ts) while this thread prepares the patches for the finishing steps, then the runs'
 * records are added up in small-area order (finishCheck), so the figures are exactly those of
 * checkProgramme on one thread. The centroid method alone clips nothing and stays on this thread.
 *
 * The workers hold the small areas (rings in shared memory, no copy), so start a pool once per
 * prepared set and reuse it; close it when done, or the process will not exit.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { packSmallAreas } from '../../domain/sizing/pack';
import type { PreparedSmallAreas } from '../../domain/sizing/prepare';
import { checkProgramme, finishCheck, type ProgrammeOptions } from '../../domain/sizing/programme';
import { checkIds, preparePatches } from '../../domain/sizing/programme-patches';
import type { ScanRecords } from '../../domain/sizing/scan';
import { sizingStats } from '../../domain/sizing/shares';
import type { PatchInput, ProgrammeCheck } from '../../domain/sizing/types';
import type { FromWorker, ToWorker } from './messages';

export interface SizingPool {
	/** How many worker threads scan. */
	readonly threads: number;
	/** checkProgramme on the pool's small areas: the same result, sooner. */
	check(patches: PatchInput[], options?: ProgrammeOptions): Promise<ProgrammeCheck>;
	/** Stops the workers. */
	close(): Promise<void>;
}

export interface PoolOptions {
	/** Worker threads (default: one per core the process may use). */
	threads?: number;
	/** Runs of small areas handed out per thread, so a thread that finishes early takes more. */
	runsPerThread?: number;
}

/** Starts worker threads holding these small areas. */
export function startSizingPool(
	prepared: PreparedSmallAreas,
	{ threads = availableParallelism(), runsPerThread = 8 }: PoolOptions = {}
): SizingPool {
	const count = Math.max(1, Math.floor(threads));
	const packed = packSmallAreas(prepared);
	const workers = Array.from(
		{ length: count },
		() => new Worker(new URL('./worker-entry.mjs', import.meta.url))
	);
	for (const worker of workers) worker.postMessage({ type: 'areas', packed } satisfies ToWorker);
	let job = 0;
	// One check at a time: a second waits for the first (the workers hold one check's patches).
	let queue: Promise<unknown> = Promise.resolve();

	function scanAll(patches: PatchInput[], account: boolean): Promise<ScanRecords[]> {
		const thisJob = ++job;
		const size = Math.max(1, Math.ceil(prepared.count / (count * runsPerThread)));
		const runs: [number, number][] = [];
		for (let lo = 0; lo < prepared.count; lo += size) {
			runs.push([lo, Math.min(prepared.count, lo + size)]);
		}
		const records: ScanRecords[] = new Array(runs.length);
		let nextRun = 0;
		let done = 0;
		return new Promise((resolve, reject) => {
			const cleanups: (() => void)[] = [];
			const finish = (error?: Error) => {
				for (const cleanup of cleanups) cleanup();
				if (error) reject(error);
				else resolve(records);
			};
			if (runs.length === 0) return finish();
			const give = (worker: Worker) => {
				if (nextRun >= runs.length) return;
				const [lo, hi] = runs[nextRun++];
				worker.postMessage({ type: 'scan', job: thisJob, lo, hi, account } satisfies ToWorker);
			};
			for (const worker of workers) {
				const onMessage = (message: FromWorker) => {
					if (message.job !== thisJob) return;
					if (message.type === 'failed') return finish(new Error(message.message));
					const at = runs.findIndex(([lo]) => lo === message.records.lo);
					records[at] = message.records;
					sizingStats.clipCount += message.records.stats.clipCount;
					sizingStats.wholeCount += message.records.stats.wholeCount;
					sizingStats.outsideCount += message.records.stats.outsideCount;
					if (++done === runs.length) finish();
					else give(worker);
				};
				const onError = (error: Error) => finish(error);
				worker.on('message', onMessage);
				worker.on('error', onError);
				cleanups.push(() => {
					worker.off('message', onMessage);
					worker.off('error', onError);
				});
				worker.postMessage({ type: 'patches', job: thisJob, patches } satisfies ToWorker);
				// Two runs each at first, so a worker never waits for this thread to hand out the next.
				give(worker);
				give(worker);
			}
		});
	}

	async function check(
		patches: PatchInput[],
		options: ProgrammeOptions = {}
	): Promise<ProgrammeCheck> {
		checkIds(patches);
		const method = options.method ?? 'areal';
		const arealOn = method === 'areal' || (options.compare ?? true);
		if (!arealOn) return checkProgramme(prepared, patches, options);
		const scanned = scanAll(patches, method === 'areal');
		// While the workers clip, this thread prepares the patches for guidance and moves.
		let ready: ReturnType<typeof preparePatches>;
		try {
			ready = preparePatches(prepared, patches, true);
		} catch (error) {
			await scanned.catch(() => undefined);
			throw error;
		}
		return finishCheck(prepared, patches, options, ready, await scanned);
	}

	return {
		threads: count,
		check(patches, options) {
			const result = queue.then(() => check(patches, options));
			queue = result.catch(() => undefined);
			return result;
		},
		async close() {
			await Promise.all(workers.map((worker) => worker.terminate()));
		}
	};
}
