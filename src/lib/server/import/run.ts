/**
 * One way in for every import, used by the command line and the council import page alike: parse
 * the text, check it, write it (or, on a dry run, roll back), and say what happened.
 */
import type { Db } from '../db/client';
import { parseJsonText } from '../../domain/import/json';
import { parsePatchBoundaries } from '../../domain/import/patches';
import { parsePopulationCsv } from '../../domain/import/population';
import { parseSmallAreaBoundaries } from '../../domain/import/small-areas';
import type { ImportRequest, PopulationImportOptions } from '../../domain/import/options';
import { populationFromProperty } from '../../domain/import/population-property';
import type { PopulationFile } from '../../domain/import/population';
import type { SmallAreaFile } from '../../domain/import/small-areas';
import { invalidateSizingCache } from '../sizing';
import { importTransaction } from './transaction';
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
			const json = parseJsonText(text, source);
			const file = parseSmallAreaBoundaries(json, {
				source,
				codeProperty: request.options.codeProperty,
				kind: request.options.kind,
				onProgress: reading
			});
			const { populationProperty } = request.options;
			if (populationProperty) {
				const population = populationFromProperty(json, {
					source,
					codeProperty: file.codeProperty,
					property: populationProperty
				});
				return importAreasWithPopulation(db, file, population, request.options.population, run);
			}
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
				valueColumn,
				strict
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
				strict,
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

/**
 * Boundaries and the population they carry, in one transaction: the set joins to the areas just
 * written, so a dry run writes both and rolls the whole back, and a refused set saves no areas.
 */
function importAreasWithPopulation(
	db: Db,
	areas: SmallAreaFile,
	population: PopulationFile,
	options: PopulationImportOptions = {},
	run: RunImportOptions
): ImportOutcome {
	const { dryRun, actorId = null, via } = run;
	const outcome = importTransaction(db, dryRun, (tx) => {
		// Written for real inside the outer transaction; the outer one rolls back a dry run.
		const inner = { dryRun: false, actorId, via };
		const areaResult = importSmallAreas(tx as unknown as Db, areas, inner);
		const setResult = importPopulationSet(tx as unknown as Db, population, {
			...options,
			...inner,
			programmeName: run.programmeName
		});
		const a = smallAreaSummary({ ...areaResult, dryRun });
		const p = populationSummary({ ...setResult, dryRun });
		return {
			summary: {
				title: a.title,
				lines: [...a.lines, p.title, ...p.lines.map((line) => `  ${line}`)],
				warnings: [...a.warnings, ...p.warnings]
			},
			auditId: dryRun ? null : setResult.auditId
		};
	});
	if (!dryRun) invalidateSizingCache();
	return outcome;
}
