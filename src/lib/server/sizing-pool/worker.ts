/**
 * A sizing worker thread (started by pool.ts with workerData { [SIZING_WORKER]: true }): holds the
 * small areas (their rings in shared memory) and scans runs of them against a check's patches when
 * asked (src/lib/domain/sizing/scan.ts); for the centroid method it finds which points a run of
 * patches holds, and checks a run of patches' boundaries. A check's patches stay packed
 * (pack-patches.ts): the centroid method reads them in place; a scan unpacks and prepares each when
 * a run first reaches it, and drops it when the next run does not.
 */
import Flatbush from 'flatbush';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { unpackSmallAreas, type PackedSmallAreas } from '../../domain/sizing/pack';
import { arraySource, packedSource, type PatchSource } from '../../domain/sizing/pack-patches';
import { lazyPatches } from '../../domain/sizing/programme-patches';
import { findPointOwners } from '../../domain/sizing/point-owners';
import type { PreparedSmallAreas } from '../../domain/sizing/prepare';
import { overlapCache, scanBuffers, scanSmallAreas } from '../../domain/sizing/scan';
import type { GeometryProblem } from '../../domain/sizing/types';
import { validatePatchGeometry, validatePatchRings } from '../../domain/sizing/validate';
import type { FromWorker, ToWorker } from './messages';

let packed: PackedSmallAreas | undefined;
/** The small areas without their shapes: each scan unpacks the shapes of its own run. */
let prepared: PreparedSmallAreas | undefined;
let pointIndex: Flatbush | null | undefined;
let job = -1;
let patches: PatchSource = arraySource([]);
let ready: ReturnType<typeof lazyPatches> | undefined;
let mayOverlap: ((a: number, b: number) => boolean) | undefined;

/** Heap in use (bytes) above which a finished run is followed by a full collection. */
let collectAbove = 96 * 2 ** 20;
let collect: (() => void) | undefined;

/**
 * A full collection once the heap has grown well past what the thread holds. Each run's prepared
 * patches live long enough to reach the old generation, and are garbage after the next run; V8
 * collected them only when a thread's heap had reached about four times what it held (two threads
 * added some 300 MB to a check of 189,000 small areas). A collection costs about 1% of a run.
 */
function collectAfterRun(): void {
	if (getHeapStatistics().used_heap_size < collectAbove) return;
	collect ??= (() => {
		try {
			setFlagsFromString('--expose-gc');
			return runInNewContext('gc') as () => void;
		} catch {
			return () => {};
		}
	})();
	collect();
	collectAbove = Math.max(collectAbove, 2 * getHeapStatistics().used_heap_size);
}

/** The small areas' points indexed, for the centroid method (built on first use). */
function points(areas: PreparedSmallAreas): Flatbush | null {
	if (pointIndex !== undefined) return pointIndex;
	pointIndex = areas.count > 0 ? new Flatbush(areas.count) : null;
	for (let s = 0; s < areas.count; s++) {
		const x = areas.points[s * 2];
		const y = areas.points[s * 2 + 1];
		pointIndex?.add(x, y, x, y);
	}
	pointIndex?.finish();
	return pointIndex;
}

/**
 * The flag in workerData that makes a thread serve sizing. After `vite build` this module is in the
 * same bundle as the pool, which starts its workers on that bundle's own file: the flag keeps the
 * main thread (and any other worker) from serving.
 */
export const SIZING_WORKER = 'patchworkSizingWorker';

/** Answers the pool's messages on this thread. */
function serve(port: NonNullable<typeof parentPort>): void {
	const reply = (message: FromWorker, transfer: ArrayBuffer[] = []) =>
		port.postMessage(message, transfer);
	port.on('message', (message: ToWorker) => answer(message, reply));
}

function answer(
	message: ToWorker,
	reply: (message: FromWorker, transfer?: ArrayBuffer[]) => void
): void {
	try {
		if (message.type === 'areas') {
			packed = message.packed;
			prepared = unpackSmallAreas(packed, 0, 0);
			pointIndex = undefined;
			job = -1;
			ready = undefined;
		} else if (message.type === 'patches') {
			if (!prepared) throw new Error('The worker has no small areas yet');
			job = message.job;
			// Kept packed: a patch becomes GeoJSON only when a run reaches it.
			patches = Array.isArray(message.patches)
				? arraySource(message.patches)
				: packedSource(message.patches);
			ready = undefined;
		} else {
			if (!prepared || job !== message.job) {
				throw new Error(`The worker has not been sent the patches of check ${message.job}`);
			}
			if (message.type === 'validate') {
				const problems: [number, GeometryProblem[]][] = [];
				for (let p = message.lo; p < message.hi; p++) {
					const rings = patches.rings(p);
					const found = rings
						? validatePatchRings(rings)
						: validatePatchGeometry(patches.at(p).geometry);
					if (found.length > 0) problems.push([p, found]);
				}
				reply({ type: 'validated', job: message.job, lo: message.lo, problems });
				return;
			}
			if (message.type === 'owners') {
				const owners = findPointOwners(
					{ ...prepared, pointIndex: points(prepared) },
					patches,
					message.lo,
					message.hi
				);
				const buffers = [owners.boxes, owners.areaKm2, owners.ownedStart, owners.owned];
				reply(
					{ type: 'owned', job: message.job, owners },
					buffers.map((a) => a.buffer as ArrayBuffer)
				);
				return;
			}
			if (!ready) {
				ready = lazyPatches(prepared, patches);
				mayOverlap = overlapCache(ready.patchAt);
			}
			// Patches this run did not reach are dropped: the next run is prepared afresh as needed.
			ready.forgetUnused();
			const records = scanSmallAreas(
				unpackSmallAreas(packed!, message.lo, message.hi),
				ready,
				message.lo,
				message.hi,
				message.account,
				mayOverlap
			);
			reply({ type: 'scanned', job: message.job, records }, scanBuffers(records));
			collectAfterRun();
		}
	} catch (error) {
		const job = 'job' in message ? message.job : -1;
		reply({ type: 'failed', job, message: error instanceof Error ? error.message : String(error) });
	}
}

if (!isMainThread && parentPort && workerData?.[SIZING_WORKER] === true) serve(parentPort);
