/**
 * One way in for every asset import, used by the command line and the council page alike: read the
 * file into drafts (pure, outside the transaction), then in ONE transaction create the categories
 * it needs, insert or update every asset, flag possible duplicates and record the run. A dry run
 * does exactly the same work and rolls it back, so its report is what the real import will do; a
 * failure at any point rolls everything back, so a failed import changes nothing.
 */
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import { insertedId } from '../../db/write';
import { importTransaction, programmeForImport } from '../../import/transaction';
import type { AssetStatus } from '../../../domain/vocabulary';
import type { AssetImportFormat, ImportVia } from '../../../domain/exchange/import/kinds';
import type { AssetMapping } from '../../../domain/exchange/import/mapping';
import { prepareAssetImport } from '../../../domain/exchange/import/prepare';
import {
	capList,
	groupWarnings,
	type AssetImportReport
} from '../../../domain/exchange/import/report';
import { countOutsidePatches, planDuplicates, recordDuplicates } from './checks';
import { createCategories, writeDrafts } from './write';

/** Reports progress by phase ("Reading", "Saving"), so a long file shows it is moving. */
export type AssetImportProgress = (phase: string, done: number, total: number) => void;

export interface AssetImportRequest {
	bytes: Uint8Array;
	/** The file's name as the person knows it, used in every message. */
	file: string;
	format: AssetImportFormat;
	mapping: AssetMapping | null;
	/** The status new assets get. */
	status: AssetStatus;
	/** Overrides the mapping's source name and the default (see defaultSource). */
	source?: string;
	dryRun: boolean;
	actorId?: number | null;
	via: ImportVia;
	/** Create the programme with this name if the database has none. */
	programmeName?: string;
	onProgress?: AssetImportProgress;
	/** The council page's checked run this real import carries out. */
	runId?: number;
}

/** Looks postcodes up in the postcode table, remembering each answer. */
export function postcodeLookup(db: Db): (postcode: string) => [number, number] | null {
	const cache = new Map<string, [number, number] | null>();
	return (postcode) => {
		if (cache.has(postcode)) return cache.get(postcode)!;
		const row = db
			.select({ lon: t.postcodes.lon, lat: t.postcodes.lat })
			.from(t.postcodes)
			.where(eq(t.postcodes.postcode, postcode))
			.get();
		const point: [number, number] | null = row ? [row.lon, row.lat] : null;
		cache.set(postcode, point);
		return point;
	};
}

/**
 * Reads, checks and imports (or, on a dry run, only checks) one asset file.
 * @throws ImportError naming the file when it cannot be read at all (empty, not JSON, a zip…);
 * records it cannot use are rejected in the report instead.
 */
export function runAssetImport(db: Db, request: AssetImportRequest): AssetImportReport {
	const { dryRun, onProgress } = request;
	const prepared = prepareAssetImport(request.bytes, {
		file: request.file,
		format: request.format,
		mapping: request.mapping,
		status: request.status,
		source: request.source,
		categories: db
			.select({ id: t.categories.id, name: t.categories.name })
			.from(t.categories)
			.all(),
		lookupPostcode: postcodeLookup(db),
		onProgress: (done, total) => onProgress?.('Reading', done, total)
	});
	// Everything that only reads is done before the transaction, so the write lock (the site's own
	// writes wait while it is held) covers the writes alone: finding duplicates and placing points
	// in patches take seconds for a large file.
	const existingProgramme =
		db.select({ id: t.programmes.id }).from(t.programmes).orderBy(asc(t.programmes.id)).get()?.id ??
		null;
	const duplicatePlan = planDuplicates(db, existingProgramme, prepared.source, prepared.drafts);
	const where = countOutsidePatches(db, existingProgramme, prepared.drafts);
	return importTransaction(db, dryRun, (tx) => {
		const programme = programmeForImport(tx, request.programmeName);
		createCategories(tx, prepared.newCategories);
		let runId: number | null = null;
		if (!dryRun) {
			const values = {
				programmeId: programme.id,
				fileName: prepared.file,
				format: prepared.format,
				source: prepared.source,
				newStatus: request.status,
				mapping: request.mapping as Record<string, unknown> | null,
				state: 'imported' as const,
				upload: null,
				report: {},
				importedAt: new Date().toISOString()
			};
			runId = request.runId
				? (tx
						.update(t.assetImportRuns)
						.set(values)
						.where(eq(t.assetImportRuns.id, request.runId))
						.returning({ id: t.assetImportRuns.id })
						.all()[0]?.id ?? null)
				: null;
			runId ??= insertedId(
				tx
					.insert(t.assetImportRuns)
					.values({ ...values, createdBy: request.actorId ?? null })
					.run()
			);
		}
		const written = writeDrafts(tx, programme.id, prepared.source, prepared.drafts, (done, total) =>
			onProgress?.('Saving', done, total)
		);
		const duplicates = recordDuplicates(
			tx,
			duplicatePlan,
			prepared.drafts,
			written.assetIds,
			runId
		);
		const [{ stored }] = tx
			.select({ stored: count() })
			.from(t.assets)
			.where(eq(t.assets.source, prepared.source))
			.all();
		const warnings = groupWarnings(prepared.drafts);
		const report: AssetImportReport = {
			dryRun,
			file: prepared.file,
			format: prepared.format,
			source: prepared.source,
			newStatus: request.status,
			encodingNote: prepared.encodingNote,
			notes: prepared.notes,
			total: prepared.total,
			created: written.created,
			updated: written.updated,
			unchanged: written.unchanged,
			rejectedCount: prepared.rejected.length,
			rejected: capList(prepared.rejected),
			duplicateCount: duplicates.count,
			duplicates: capList(duplicates.notes),
			warningCount: warnings.count,
			warningGroups: warnings.groups,
			newCategories: prepared.newCategories,
			unmatchedTerms: prepared.unmatchedTerms.slice(0, 100),
			outsidePatches: where.outside,
			withoutPoint: where.withoutPoint,
			patchCount: where.patchCount,
			notInFile: stored - prepared.drafts.length,
			runId
		};
		if (runId !== null) {
			tx.update(t.assetImportRuns)
				.set({ report: report as unknown as Record<string, unknown> })
				.where(eq(t.assetImportRuns.id, runId))
				.run();
			tx.insert(t.auditLog)
				.values({
					userId: request.actorId ?? null,
					action: 'import.assets',
					entity: 'asset_import_run',
					entityId: String(runId),
					detail: {
						via: request.via,
						file: prepared.file,
						format: prepared.format,
						source: prepared.source,
						created: report.created,
						updated: report.updated,
						unchanged: report.unchanged,
						rejected: report.rejectedCount,
						duplicates: report.duplicateCount
					}
				})
				.run();
		}
		return report;
	});
}
