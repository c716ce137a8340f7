/**
 * Writing a population set: the file's figures joined to stored small areas by code, refused if any
 * row's code is unknown or repeated, then stored as a named set of the programme (replacing the
 * figures of a set with the same name), all in one transaction.
 */
import { and, eq, sql, sum } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { insertedId } from '../db/write';
import { invalidateSizingCache } from '../sizing';
import { ImportError } from '../../domain/import/errors';
import { joinPopulation, joinProblems, joinWarnings } from '../../domain/import/join';
import type { PopulationFile } from '../../domain/import/population';
import { populationSummary, type PopulationImportResult } from '../../domain/import/summary';
import { formatDate } from '../../domain/format';
import type { SmallAreaKind } from '../../domain/vocabulary';
import {
	importTransaction,
	nowIso,
	programmeForImport,
	recordImport,
	type ImportVia
} from './transaction';

export interface ImportPopulationOptions {
	/** The set's name, e.g. "Mid-2022"; by default from the file ("Mid-2022", "Census 2021"). */
	name?: string;
	/** ISO date the figures describe; by default the file's period. */
	referenceDate?: string;
	source?: string;
	/** Make it the programme's default set (the first set of a programme always is). */
	makeDefault?: boolean;
	/** Create the programme with this name when the database has none. */
	programmeName?: string;
	/** Refuse the file when it would import with warnings (stored small areas with no figure). */
	strict?: boolean;
	dryRun?: boolean;
	actorId?: number | null;
	via?: ImportVia;
	onProgress?: (done: number, total: number) => void;
}

const CHUNK = 1000;

/** Stores a population file as a named set. Throws ImportError (nothing written) on any code problem. */
export function importPopulationSet(
	db: Db,
	file: PopulationFile,
	options: ImportPopulationOptions = {}
): PopulationImportResult & { auditId: number | null } {
	const { dryRun = false, actorId = null, via = 'cli', onProgress } = options;
	const name = options.name ?? file.suggestedName;
	const referenceDate = options.referenceDate ?? file.period;
	const missing: string[] = [];
	if (!name)
		missing.push(
			`${file.source}: give the population set a name, like "Mid-2022" or "Census 2021".`
		);
	if (!referenceDate) {
		missing.push(
			`${file.source}: give the date the figures describe (the reference date), like 2022-06-30: the file does not say.`
		);
	}
	if (missing.length) throw new ImportError(missing);

	const stored = new Map<string, SmallAreaKind>();
	const ids = new Map<string, number>();
	for (const row of db
		.select({ id: t.smallAreas.id, code: t.smallAreas.code, kind: t.smallAreas.kind })
		.from(t.smallAreas)
		.all()) {
		stored.set(row.code, row.kind);
		ids.set(row.code, row.id);
	}
	const join = joinPopulation(file, stored);
	const problems = joinProblems(join, file.source, stored.size);
	if (problems.length) throw new ImportError(problems);
	const warnings = [...joinWarnings(join), ...file.warnings];
	if (options.strict && warnings.length) {
		throw new ImportError([
			...warnings.map((warning) => `${file.source}: ${warning}`),
			'With --strict a file that gives warnings is refused: fix the file, or import it without --strict.'
		]);
	}

	const result = importTransaction(db, dryRun, (tx) => {
		const programme = programmeForImport(tx, options.programmeName);
		const existing = tx
			.select({ id: t.populationSets.id })
			.from(t.populationSets)
			.where(
				and(
					eq(t.populationSets.programmeId, programme.id),
					sql`lower(${t.populationSets.name}) = lower(${name})`
				)
			)
			.get();
		const source = options.source ?? `${file.source} (${file.shapeNote.split(':')[0]})`;
		let setId: number;
		let previousPeople: number | null = null;
		if (existing) {
			setId = existing.id;
			previousPeople = Number(
				tx
					.select({ total: sum(t.populationValues.value) })
					.from(t.populationValues)
					.where(eq(t.populationValues.populationSetId, setId))
					.get()?.total ?? 0
			);
			tx.delete(t.populationValues).where(eq(t.populationValues.populationSetId, setId)).run();
			tx.update(t.populationSets)
				.set({ name: name!, referenceDate: referenceDate!, source, updatedAt: nowIso() })
				.where(eq(t.populationSets.id, setId))
				.run();
		} else {
			setId = insertedId(
				tx
					.insert(t.populationSets)
					.values({ programmeId: programme.id, name: name!, referenceDate: referenceDate!, source })
					.run()
			);
		}
		for (let i = 0; i < file.rows.length; i += CHUNK) {
			const chunk = file.rows.slice(i, i + CHUNK);
			tx.insert(t.populationValues)
				.values(
					chunk.map((row) => ({
						populationSetId: setId,
						smallAreaId: ids.get(row.code)!,
						value: row.value
					}))
				)
				.run();
			onProgress?.(Math.min(i + CHUNK, file.rows.length), file.rows.length);
		}
		let defaultReason: PopulationImportResult['defaultReason'] = null;
		if (programme.defaultPopulationSetId === setId) defaultReason = 'already';
		else if (options.makeDefault) defaultReason = 'asked';
		else if (programme.defaultPopulationSetId === null) defaultReason = 'first';
		if (defaultReason === 'asked' || defaultReason === 'first') {
			tx.update(t.programmes)
				.set({ defaultPopulationSetId: setId, updatedAt: nowIso() })
				.where(eq(t.programmes.id, programme.id))
				.run();
		}
		const result: PopulationImportResult = {
			dryRun,
			source: file.source,
			shapeNote: file.shapeNote,
			programme: programme.name,
			set: { id: dryRun ? null : setId, name: name!, referenceDate: referenceDate!, source },
			nameNote: options.name ? null : `Named "${name}" from the file.`,
			dateNote: options.referenceDate
				? file.period && file.period !== referenceDate
					? `The file's rows say ${formatDate(file.period)}, but the reference date given is ${formatDate(referenceDate!)}.`
					: null
				: `Reference date ${formatDate(referenceDate!)}, from the file's period column.`,
			replaced: existing !== undefined,
			previousPeople,
			defaultReason,
			join,
			warnings: file.warnings
		};
		const auditId = recordImport(tx, {
			action: 'import.population',
			entity: 'population_set',
			entityId: setId,
			actorId,
			detail: {
				file: file.source,
				via,
				name,
				referenceDate,
				matched: join.matched,
				people: join.matchedPeople,
				summary: populationSummary(result)
			}
		});
		return { ...result, auditId: dryRun ? null : auditId };
	});
	if (!dryRun) invalidateSizingCache();
	return result;
}
