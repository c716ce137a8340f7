/** Writing small-area boundaries: added or updated by code, in one transaction, then audited. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { invalidateSizingCache } from '../sizing';
import type { SmallAreaFile } from '../../domain/import/small-areas';
import { smallAreaSummary, type SmallAreaImportResult } from '../../domain/import/summary';
import { importTransaction, recordImport, type ImportVia } from './transaction';

export interface ImportSmallAreasOptions {
	dryRun?: boolean;
	actorId?: number | null;
	via?: ImportVia;
	onProgress?: (done: number, total: number) => void;
}

/** Rows per INSERT: 11 columns each, well under SQLite's limit on bound values. */
const CHUNK = 250;

/**
 * Stores every small area of a checked file, updating those whose code is already stored (their
 * population figures stay linked). All or nothing; on a dry run nothing is kept.
 */
export function importSmallAreas(
	db: Db,
	file: SmallAreaFile,
	{ dryRun = false, actorId = null, via = 'cli', onProgress }: ImportSmallAreasOptions = {}
): SmallAreaImportResult & { auditId: number | null } {
	const result = importTransaction(db, dryRun, (tx) => {
		const stored = new Set(
			tx
				.select({ code: t.smallAreas.code })
				.from(t.smallAreas)
				.all()
				.map((row) => row.code)
		);
		let updated = 0;
		for (let i = 0; i < file.areas.length; i += CHUNK) {
			const chunk = file.areas.slice(i, i + CHUNK);
			for (const area of chunk) if (stored.has(area.code)) updated++;
			tx.insert(t.smallAreas)
				.values(
					chunk.map((area) => ({
						code: area.code,
						kind: area.kind,
						name: area.name,
						geometry: area.geometry,
						...area.bbox,
						pointLon: area.point[0],
						pointLat: area.point[1],
						areaM2: area.areaM2
					}))
				)
				.onConflictDoUpdate({
					target: t.smallAreas.code,
					set: {
						kind: sql`excluded.kind`,
						name: sql`coalesce(excluded.name, ${t.smallAreas.name})`,
						geometry: sql`excluded.geometry`,
						minLon: sql`excluded.min_lon`,
						minLat: sql`excluded.min_lat`,
						maxLon: sql`excluded.max_lon`,
						maxLat: sql`excluded.max_lat`,
						pointLon: sql`excluded.point_lon`,
						pointLat: sql`excluded.point_lat`,
						areaM2: sql`excluded.area_m2`
					}
				})
				.run();
			onProgress?.(Math.min(i + CHUNK, file.areas.length), file.areas.length);
		}
		const inFile = new Set(file.areas.map((area) => area.code));
		let storedNotInFile = 0;
		for (const code of stored) if (!inFile.has(code)) storedNotInFile++;
		const result: SmallAreaImportResult = {
			dryRun,
			source: file.source,
			crsNote: file.crsNote,
			codeNote: file.codeNote,
			kindNote: file.kindNote,
			kind: file.kind,
			total: file.areas.length,
			created: file.areas.length - updated,
			updated,
			storedNotInFile,
			warnings: file.warnings
		};
		const auditId = recordImport(tx, {
			action: 'import.small_areas',
			entity: 'small_area',
			entityId: null,
			actorId,
			detail: { file: file.source, via, crs: file.crs, summary: smallAreaSummary(result) }
		});
		return { ...result, auditId: dryRun ? null : auditId };
	});
	if (!dryRun) invalidateSizingCache();
	return result;
}
