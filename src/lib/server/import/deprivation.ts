/**
 * Writing deprivation deciles: each small area Patchwork holds gets its LSOA's decile, as a new
 * deprivation set that replaces the one before, in one transaction (all or nothing). The gap
 * analysis then shows each gap also for the people in the most deprived 20% (deciles 1-2).
 */
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { insertedId } from '../db/write';
import { ImportError } from '../../domain/import/errors';
import { resolveDeciles, type DeprivationFile } from '../../domain/import/deprivation';
import type { ImportSummary } from '../../domain/import/summary';
import { formatNumber } from '../../domain/format';
import { importTransaction, recordImport, type ImportVia } from './transaction';

export interface ImportDeprivationOptions {
	name: string;
	lookup: Map<string, string> | null;
	lookupSource?: string;
	dryRun?: boolean;
	actorId?: number | null;
	via?: ImportVia;
}

const LISTED = 10;
const listed = (codes: string[]) =>
	codes.slice(0, LISTED).join(', ') +
	(codes.length > LISTED ? ` and ${formatNumber(codes.length - LISTED)} more` : '');

/** Stores the deciles of the small areas Patchwork holds and says what it did. */
export function importDeprivation(
	db: Db,
	file: DeprivationFile,
	{
		name,
		lookup,
		lookupSource,
		dryRun = false,
		actorId = null,
		via = 'cli'
	}: ImportDeprivationOptions
): { summary: ImportSummary } {
	const outcome = importTransaction(db, dryRun, (tx) => {
		const areas = tx
			.select({ id: t.smallAreas.id, code: t.smallAreas.code })
			.from(t.smallAreas)
			.all();
		if (areas.length === 0) {
			throw new ImportError([
				'Patchwork holds no small areas yet: import the Output Area or LSOA boundaries first.'
			]);
		}
		const { assigned, notInFile, notInLookup } = resolveDeciles(areas, file.deciles, lookup);
		if (assigned.length === 0) {
			throw new ImportError([
				notInLookup.length > 0 && !lookup
					? `None of Patchwork's small areas is an LSOA in ${file.source}: Output Areas need an OA → LSOA lookup (give --lookup FILE).`
					: `None of Patchwork's small areas has a decile in ${file.source}${lookupSource ? ` through ${lookupSource}` : ''}: check the file is for the same census year (2021 LSOAs).`
			]);
		}
		tx.delete(t.deprivationSets).run();
		const setId = insertedId(
			tx.insert(t.deprivationSets).values({ indexKind: 'IMD', name, source: file.source }).run()
		);
		const id = new Map(areas.map((area) => [area.code, area.id]));
		for (let i = 0; i < assigned.length; i += 300) {
			tx.insert(t.smallAreaDeprivation)
				.values(
					assigned.slice(i, i + 300).map((row) => ({
						deprivationSetId: setId,
						smallAreaId: id.get(row.code)!,
						lsoaCode: row.lsoaCode,
						decile: row.decile
					}))
				)
				.run();
		}
		const deprived = assigned.filter((row) => row.decile <= 2).length;
		const warnings: string[] = [];
		if (notInLookup.length > 0) {
			warnings.push(
				`${formatNumber(notInLookup.length)} small areas are neither LSOAs in the file nor in ${lookupSource ?? 'a lookup'}, so they have no decile: ${listed(notInLookup)}.`
			);
		}
		if (notInFile.length > 0) {
			warnings.push(
				`${formatNumber(notInFile.length)} small areas' LSOAs are not in the file, so they have no decile: ${listed(notInFile)}.`
			);
		}
		const summary: ImportSummary = {
			title: dryRun
				? `Checked ${file.source}: ${formatNumber(assigned.length)} small areas can be given a decile (nothing has been saved yet)`
				: `Imported "${name}" from ${file.source}: ${formatNumber(assigned.length)} small areas have a decile`,
			lines: [
				file.note,
				`${formatNumber(file.deciles.size)} LSOAs in the file; ${formatNumber(deprived)} of Patchwork's small areas are in the most deprived 20% (deciles 1-2).`,
				'This replaces any deprivation figures imported before.'
			],
			warnings
		};
		recordImport(tx, {
			action: 'import.deprivation',
			entity: 'small_area',
			entityId: null,
			actorId,
			detail: { file: file.source, via, assigned: assigned.length, summary }
		});
		return { summary };
	});
	return outcome;
}
