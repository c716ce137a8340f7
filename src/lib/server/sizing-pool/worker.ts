/**
 * A sizing worker thread: holds the small areas (their rings in shared memory) and scans runs of
 * them against a check's patches when asked (src/lib/domain/sizing/scan.ts). Patches are prepared
 * as the scan first needs them, and kept until the next check's patches arrive.
 */
import { parentPort } from 'node:worker_threads';
import { unpackSmallAreas } from '../../domain/sizing/pack';
import { lazyPatches } from '../../domain/sizing/programme-patches';
import type { PreparedSmallAreas } from '../../domain/sizing/prepare';
import { overlapCache, scanBuffers, scanSmallAreas } from '../../domain/sizing/scan';
import type { FromWorker, ToWorker } from './messages';

let prepared: PreparedSmallAreas | undefined;
let job = -1;
let ready: ReturnType<typeof lazyPatches> | undefined;
let mayOverlap: ((a: number, b: number) => boolean) | undefined;

const port = parentPort!;
const reply = (message: FromWorker, transfer: ArrayBuffer[] = []) =>
	port.postMessage(message, transfer);

port.on('message', (message: ToWorker) => {
	try {
		if (message.type === 'areas') {
			prepared = unpackSmallAreas(message.packed);
			job = -1;
			ready = undefined;
		} else if (message.type === 'patches') {
			if (!prepared) throw new Error('The worker has no small areas yet');
			job = message.job;
			ready = lazyPatches(prepared, message.patches);
			mayOverlap = overlapCache(ready.patchAt);
		} else {
			if (!prepared || !ready || job !== message.job) {
				throw new Error(`The worker has not been sent the patches of check ${message.job}`);
			}
			const records = scanSmallAreas(
				prepared,
				ready,
				message.lo,
				message.hi,
				message.account,
				mayOverlap
			);
			reply({ type: 'scanned', job: message.job, records }, scanBuffers(records));
		}
	} catch (error) {
		const job = 'job' in message ? message.job : -1;
		reply({ type: 'failed', job, message: error instanceof Error ? error.message : String(error) });
	}
});
