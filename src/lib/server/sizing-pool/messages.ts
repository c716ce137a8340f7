/** What the sizing pool and its worker threads say to each other (see pool.ts and worker.ts). */
import type { PackedSmallAreas } from '../../domain/sizing/pack';
import type { ScanRecords } from '../../domain/sizing/scan';
import type { PatchInput } from '../../domain/sizing/types';

export type ToWorker =
	| { type: 'areas'; packed: PackedSmallAreas }
	| { type: 'patches'; job: number; patches: PatchInput[] }
	| { type: 'scan'; job: number; lo: number; hi: number; account: boolean };

export type FromWorker =
	| { type: 'scanned'; job: number; records: ScanRecords }
	| { type: 'failed'; job: number; message: string };
