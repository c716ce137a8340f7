/** What the sizing pool and its worker threads say to each other (see pool.ts and worker.ts). */
import type { PackedSmallAreas } from '../../domain/sizing/pack';
import type { PackedPatches } from '../../domain/sizing/pack-patches';
import type { PointOwners } from '../../domain/sizing/point-owners';
import type { ScanRecords } from '../../domain/sizing/scan';
import type { GeometryProblem, PatchInput } from '../../domain/sizing/types';

export type ToWorker =
	| { type: 'areas'; packed: PackedSmallAreas }
	| { type: 'patches'; job: number; patches: PatchInput[] | PackedPatches }
	| { type: 'scan'; job: number; lo: number; hi: number; account: boolean }
	| { type: 'owners'; job: number; lo: number; hi: number }
	| { type: 'validate'; job: number; lo: number; hi: number };

export type FromWorker =
	| { type: 'scanned'; job: number; records: ScanRecords }
	| { type: 'owned'; job: number; owners: PointOwners }
	/** problems: [patch number, its boundary problems] for the run's patches that have any. */
	| { type: 'validated'; job: number; lo: number; problems: [number, GeometryProblem[]][] }
	| { type: 'failed'; job: number; message: string };
