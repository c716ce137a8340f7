/**
 * One way in for every import, used by the command line and the council import page alike: parse
 * the text, check it, write it (or, on a dry run, roll back), and say what happened.
 */
import type { Db } from '../db/client';
import { parseJsonText } from '../../domain/import/json';
import { parsePatchBoundaries } from '../../domain/import/patches';
import { parsePopulationCsv } from '../../domain/import/population';
import { parseSmallAreaBoundaries } from '../../domain/import/small-areas';
import type { ImportRequest } from '../../domain/import/options';
import {
	patchSummary,
	populationSummary,
	smallAreaSummary,
	type ImportSummary
} from '../../domain/import/summary';
import { importPatches } from './patches';
import { importPopulationSet } from './population';
import { importSmallAreas } from './small-areas';
import type { ImportVia } from './transaction';

export type { ImportRequest };

/** Reports progress by phase ("Reading", "Saving"), so a long file shows it is moving. */
export type ImportProgress = (phase: string, done: number, total: number) => void;

export interface RunImportOptions {
	/** The file's name as the person knows it, used in every message. */
	source: string;
	text: string;
	dryRun: boolean;
	actorId?: number | null;
	via: ImportVia;
	/** Create the programme with this name if the database has none (patches and population). */
	programmeName?: string;
	onProgress?: ImportProgress;
}

export interface ImportOutcome {
	summary: ImportSummary;
	/** The audit row of a real import, null for a dry run. */
	auditId: number | null;
}

/** Parses, checks and imports one file. Throws ImportError, naming the file, when it cannot. */
export function runImport(db: Db, request: ImportRequest, run: RunImportOptions): ImportOutcome {
	const { source, text, dryRun, actorId = null, via, onProgress } = run;
	const reading = (done: number, total: number) => onProgress?.('Reading', done, total);
	const saving = (done: number, total: number) => onProgress?.('Saving', done, total);
	switch (request.kind) {
		case 'small-areas': {
			const file = parseSmallAreaBoundaries(parseJsonText(text, source), {
				source,
				codeProperty: request.options.codeProperty,
				kind: request.options.kind,
				onProgress: reading
			});
			const result = importSmallAreas(db, file, { dryRun, actorId, via, onProgress: saving });
			return { summary: smallAreaSummary(result), auditId: result.auditId };
		}
		case 'population': {
			const {
				name,
				referenceDate,
				source: setSource,
				makeDefault,
				codeColumn,
				valueColumn
			} = request.options;
			const file = parsePopulationCsv(text, {
				source,
				codeColumn,
				valueColumn,
				onProgress: reading
			});
			const result = importPopulationSet(db, file, {
				name,
				referenceDate,
				source: setSource,
				makeDefault,
				programmeName: run.programmeName,
				dryRun,
				actorId,
				via,
				onProgress: saving
			});
			return { summary: populationSummary(result), auditId: result.auditId };
		}
		case 'patches': {
			const file = parsePatchBoundaries(parseJsonText(text, source), {
				source,
				nameProperty: request.options.nameProperty,
				onProgress: reading
			});
			const result = importPatches(db, file, {
				programmeName: run.programmeName,
				dryRun,
				actorId,
				via,
				onProgress: saving
			});
			return { summary: patchSummary(result), auditId: result.auditId };
		}
	}
}
