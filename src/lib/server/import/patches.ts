/**
 * Writing patch boundaries: each patch updated by its slug (from its name) if it exists, otherwise
 * added as active, in one transaction. Patches the file does not mention are left as they were.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { invalidateSizingCache, patchesCoveringNoSmallArea } from '../sizing';
import { boundingBoxOf } from '../../domain/geometry';
import { ImportError } from '../../domain/import/errors';
import type { PatchFile } from '../../domain/import/patches';
import { patchSummary, type PatchImportResult } from '../../domain/import/summary';
import {
	importTransaction,
	nowIso,
	programmeForImport,
	recordImport,
	type ImportVia
} from './transaction';

export interface ImportPatchesOptions {
	/** Create the programme with this name when the database has none. */
	programmeName?: string;
	dryRun?: boolean;
	actorId?: number | null;
	via?: ImportVia;
	onProgress?: (done: number, total: number) => void;
}

/** Stores a checked patch file. Throws ImportError (nothing written) if a slug is another programme's. */
export function importPatches(
	db: Db,
	file: PatchFile,
	options: ImportPatchesOptions = {}
): PatchImportResult & { auditId: number | null } {
	const { dryRun = false, actorId = null, via = 'cli', onProgress } = options;
	const result = importTransaction(db, dryRun, (tx) => {
		const programme = programmeForImport(tx, options.programmeName);
		const slugs = file.patches.map((patch) => patch.slug);
		const taken = tx
			.select({ slug: t.patches.slug, programmeId: t.patches.programmeId })
			.from(t.patches)
			.where(and(inArray(t.patches.slug, slugs), ne(t.patches.programmeId, programme.id)))
			.all();
		if (taken.length) {
			throw new ImportError(
				taken.map(({ slug }) => {
					const patch = file.patches.find((p) => p.slug === slug)!;
					return `${file.source}: feature ${patch.index} (${patch.name}) has the same name as a patch of another programme.`;
				})
			);
		}
		const stored = new Map(
			tx
				.select({
					id: t.patches.id,
					slug: t.patches.slug,
					name: t.patches.name,
					status: t.patches.status
				})
				.from(t.patches)
				.where(eq(t.patches.programmeId, programme.id))
				.orderBy(asc(t.patches.name))
				.all()
				.map((row) => [row.slug, row])
		);
		const created: string[] = [];
		const updated: string[] = [];
		file.patches.forEach((patch, i) => {
			const values = {
				name: patch.name,
				boundary: patch.geometry,
				...boundingBoxOf(patch.geometry)
			};
			const existing = stored.get(patch.slug);
			if (existing) {
				tx.update(t.patches)
					.set({ ...values, updatedAt: nowIso() })
					.where(eq(t.patches.id, existing.id))
					.run();
				updated.push(patch.name);
			} else {
				tx.insert(t.patches)
					.values({ programmeId: programme.id, slug: patch.slug, status: 'planned', ...values })
					.run();
				created.push(patch.name);
			}
			onProgress?.(i + 1, file.patches.length);
		});
		const inFile = new Set(slugs);
		const storedNotInFile = [...stored.values()]
			.filter((row) => !inFile.has(row.slug) && row.status !== 'retired')
			.map((row) => row.name);
		const outside = patchesCoveringNoSmallArea(
			tx,
			programme.defaultPopulationSetId,
			file.patches.map((patch) => ({ id: patch.index, name: patch.name, geometry: patch.geometry }))
		);
		const warnings = [
			...file.warnings,
			...outside.map(
				(patch) =>
					`Feature ${patch.id} (${patch.name}) covers no small area of ${programme.name}, so it counts 0 people: check its coordinates, or import the small areas it covers first.`
			)
		];
		const result: PatchImportResult = {
			dryRun,
			source: file.source,
			programme: programme.name,
			crsNote: file.crsNote,
			nameNote: file.nameNote,
			created,
			updated,
			storedNotInFile,
			warnings
		};
		const auditId = recordImport(tx, {
			action: 'import.patches',
			entity: 'programme',
			entityId: programme.id,
			actorId,
			detail: { file: file.source, via, created, updated, summary: patchSummary(result) }
		});
		return { ...result, auditId: dryRun ? null : auditId };
	});
	if (!dryRun) invalidateSizingCache();
	return result;
}
