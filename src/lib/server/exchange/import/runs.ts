/**
 * The council page's two steps, kept apart by a redirect: "Check file" runs the import as a dry
 * run and keeps the uploaded file in asset_import_runs (state "checked"); "Import" carries out that
 * checked run for real. A checked file is kept for a day at most, then deleted.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import type { AssetStatus } from '../../../domain/vocabulary';
import type { AssetImportFormat } from '../../../domain/exchange/import/kinds';
import { assetMappingSchema, type AssetMapping } from '../../../domain/exchange/import/mapping';
import type { AssetImportReport } from '../../../domain/exchange/import/report';
import { programmeForImport } from '../../import/transaction';
import { runAssetImport } from './run';
import { insertedId } from '../../db/write';

/** How long a checked file waits to be imported. */
export const CHECKED_RUN_HOURS = 24;

export interface CheckRequest {
	bytes: Uint8Array;
	file: string;
	format: AssetImportFormat;
	mapping: AssetMapping | null;
	status: AssetStatus;
	source?: string;
	userId: number;
}

/** Deletes the files of checked runs older than CHECKED_RUN_HOURS. */
export function expireCheckedRuns(db: Db, now = new Date()): number {
	const cutoff = new Date(now.getTime() - CHECKED_RUN_HOURS * 3600_000).toISOString();
	return db
		.update(t.assetImportRuns)
		.set({ state: 'expired', upload: null })
		.where(and(eq(t.assetImportRuns.state, 'checked'), lt(t.assetImportRuns.createdAt, cutoff)))
		.run().changes;
}

/**
 * Checks a file (a dry run) and keeps it for the import. Throws ImportError when the file cannot
 * be read at all; nothing is kept then.
 */
export function checkUpload(
	db: Db,
	request: CheckRequest
): { runId: number; report: AssetImportReport } {
	expireCheckedRuns(db);
	const report = runAssetImport(db, {
		...request,
		dryRun: true,
		actorId: request.userId,
		via: 'web'
	});
	// One transaction, so a failed write (a full disk) keeps nothing and throws.
	const runId = db.transaction((tx) => {
		const programme = programmeForImport(tx);
		return insertedId(
			tx
				.insert(t.assetImportRuns)
				.values({
					programmeId: programme.id,
					fileName: request.file,
					format: request.format,
					source: report.source,
					newStatus: request.status,
					mapping: request.mapping as Record<string, unknown> | null,
					state: 'checked',
					upload: Buffer.from(request.bytes),
					report: report as unknown as Record<string, unknown>,
					createdBy: request.userId
				})
				.run()
		);
	});
	return { runId, report };
}

export interface RunView {
	id: number;
	state: 'checked' | 'imported' | 'expired';
	fileName: string;
	format: AssetImportFormat;
	createdAt: string;
	importedAt: string | null;
	createdBy: number | null;
	report: AssetImportReport;
}

/** A run to show on the page, or null. */
export function getRun(db: Db, id: number): RunView | null {
	const row = db
		.select({
			id: t.assetImportRuns.id,
			state: t.assetImportRuns.state,
			fileName: t.assetImportRuns.fileName,
			format: t.assetImportRuns.format,
			createdAt: t.assetImportRuns.createdAt,
			importedAt: t.assetImportRuns.importedAt,
			createdBy: t.assetImportRuns.createdBy,
			report: t.assetImportRuns.report
		})
		.from(t.assetImportRuns)
		.where(eq(t.assetImportRuns.id, id))
		.get();
	return row ? { ...row, report: row.report as unknown as AssetImportReport } : null;
}

/** The latest imports, newest first, for the page's history. */
export function listRecentRuns(db: Db, limit = 10) {
	return db
		.select({
			id: t.assetImportRuns.id,
			fileName: t.assetImportRuns.fileName,
			format: t.assetImportRuns.format,
			source: t.assetImportRuns.source,
			importedAt: t.assetImportRuns.importedAt,
			report: t.assetImportRuns.report
		})
		.from(t.assetImportRuns)
		.where(eq(t.assetImportRuns.state, 'imported'))
		.orderBy(desc(t.assetImportRuns.id))
		.limit(limit)
		.all()
		.map(({ report, ...run }) => {
			const r = report as unknown as AssetImportReport;
			return { ...run, created: r.created, updated: r.updated, rejected: r.rejectedCount };
		});
}

/**
 * Imports a checked run for real, from the file kept at the check. Null when there is no such
 * checked run for this user (already imported, expired, or someone else's).
 */
export function importCheckedRun(db: Db, runId: number, userId: number): AssetImportReport | null {
	expireCheckedRuns(db);
	const run = db
		.select()
		.from(t.assetImportRuns)
		.where(
			and(
				eq(t.assetImportRuns.id, runId),
				eq(t.assetImportRuns.state, 'checked'),
				eq(t.assetImportRuns.createdBy, userId)
			)
		)
		.get();
	if (!run || !run.upload) return null;
	const mapping = run.mapping ? assetMappingSchema.parse(run.mapping) : null;
	return runAssetImport(db, {
		bytes: new Uint8Array(run.upload),
		file: run.fileName,
		format: run.format,
		mapping,
		status: run.newStatus,
		source: run.source,
		dryRun: false,
		actorId: userId,
		via: 'web',
		runId
	});
}
