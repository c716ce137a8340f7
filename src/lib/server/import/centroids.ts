/**
 * Writing population-weighted centroids: each point stored on the small area with its code, used by
 * the centroid method in place of the interior point. ONS publishes them for every area in England
 * and Wales, so points for areas Patchwork does not hold are skipped (and counted), not refused.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { invalidateSizingCache } from '../sizing';
import type { CentroidFile } from '../../domain/import/centroids';
import type { ImportSummary } from '../../domain/import/summary';
import { formatNumber } from '../../domain/format';
import { importTransaction, recordImport, type ImportVia } from './transaction';

export interface ImportCentroidsOptions {
	dryRun?: boolean;
	actorId?: number | null;
	via?: ImportVia;
}

const plural = (n: number, one: string, many: string) =>
	`${formatNumber(n)} ${n === 1 ? one : many}`;

/** Areas named in a warning; the rest are counted. */
const LISTED = 10;

function listed(codes: string[]): string {
	const more = codes.length - LISTED;
	return codes.slice(0, LISTED).join(', ') + (more > 0 ? ` and ${formatNumber(more)} more` : '');
}

/** Stores the points of the small areas Patchwork holds, in one transaction, and says what it did. */
export function importCentroids(
	db: Db,
	file: CentroidFile,
	{ dryRun = false, actorId = null, via = 'cli' }: ImportCentroidsOptions = {}
): { summary: ImportSummary; auditId: number | null } {
	const outcome = importTransaction(db, dryRun, (tx) => {
		const stored = new Map(
			tx
				.select({ id: t.smallAreas.id, code: t.smallAreas.code, geometry: t.smallAreas.geometry })
				.from(t.smallAreas)
				.all()
				.map((row) => [row.code, row])
		);
		const hadPoints = tx
			.select({ id: t.smallAreas.id })
			.from(t.smallAreas)
			.where(isNotNull(t.smallAreas.weightedPointLon))
			.all().length;
		let matched = 0;
		const outside: string[] = [];
		const given = new Set<string>();
		for (const point of file.points) {
			const area = stored.get(point.code);
			if (!area) continue;
			matched++;
			given.add(point.code);
			if (!booleanPointInPolygon([point.lon, point.lat], area.geometry)) outside.push(point.code);
			tx.update(t.smallAreas)
				.set({ weightedPointLon: point.lon, weightedPointLat: point.lat })
				.where(eq(t.smallAreas.id, area.id))
				.run();
		}
		const skipped = file.points.length - matched;
		const missing = [...stored.keys()].filter((code) => !given.has(code)).sort();
		const be = dryRun ? 'would be' : matched === 1 ? 'was' : 'were';
		const lines = [
			file.codeNote,
			file.crsNote,
			`${plural(matched, 'small area', 'small areas')} ${be} given ${matched === 1 ? 'its' : 'their'} population-weighted centroid (matched by code); the centroid method uses ${matched === 1 ? 'it' : 'them'} in place of the interior point.`
		];
		if (skipped > 0) {
			lines.push(
				`${plural(skipped, 'point is for a small area', 'points are for small areas')} Patchwork does not hold, so ${skipped === 1 ? 'it was' : 'they were'} skipped.`
			);
		}
		if (hadPoints > 0)
			lines.push(
				`${formatNumber(hadPoints)} had a centroid before; points in this file replace theirs.`
			);
		const warnings: string[] = [];
		if (matched === 0) {
			warnings.push(
				`None of the file's ${formatNumber(file.points.length)} codes is a small area Patchwork holds: import the boundaries first, or check the file is for the same census year.`
			);
		}
		if (missing.length > 0 && matched > 0) {
			warnings.push(
				`${plural(missing.length, 'stored small area has', 'stored small areas have')} no point in this file and ${missing.length === 1 ? 'keeps its' : 'keep their'} interior point: ${listed(missing)}.`
			);
		}
		if (outside.length > 0) {
			warnings.push(
				`${plural(outside.length, 'point lies', 'points lie')} outside ${outside.length === 1 ? 'its' : 'their'} small area's boundary (a different census year's codes?): ${listed(outside)}.`
			);
		}
		const summary: ImportSummary = {
			title: dryRun
				? `Checked ${file.source}: ${plural(file.points.length, 'point', 'points')} can be imported (nothing has been saved yet)`
				: `Imported ${plural(file.points.length, 'population-weighted centroid', 'population-weighted centroids')} from ${file.source}`,
			lines,
			warnings
		};
		const auditId = recordImport(tx, {
			action: 'import.centroids',
			entity: 'small_area',
			entityId: null,
			actorId,
			detail: { file: file.source, via, matched, skipped, summary }
		});
		return { summary, auditId: dryRun ? null : auditId };
	});
	if (!dryRun) invalidateSizingCache();
	return outcome;
}
