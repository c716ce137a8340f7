/**
 * After an import's drafts are written (inside its transaction): flag possible duplicates for
 * review, and count the assets that fall in no patch.
 */
import { and, eq, ne } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { Tx } from '../../import/transaction';
import {
	findPossibleDuplicates,
	type DuplicateItem
} from '../../../domain/exchange/import/duplicates';
import type { DuplicateNote } from '../../../domain/exchange/import/report';
import type { ReadyDraft } from '../../../domain/exchange/import/records';
import { boxesIntersect, type AreaGeometry } from '../../../domain/geometry';
import { pointInArea } from '../../../domain/point-in-area';

/**
 * Finds possible duplicates among the written drafts and between them and the programme's other
 * assets (archived ones aside), and records each pair once in asset_duplicate_flags.
 */
export function flagDuplicates(
	tx: Tx,
	programmeId: number,
	drafts: readonly ReadyDraft[],
	assetIds: Map<string, number>,
	importRunId: number | null
): { count: number; notes: DuplicateNote[] } {
	const incoming: DuplicateItem[] = [];
	const labels = new Map<string, string>();
	const ids = new Map<string, number>();
	for (const { ref, draft } of drafts) {
		const id = assetIds.get(ref)!;
		const key = `a${id}`;
		incoming.push({
			key,
			name: draft.name,
			point: draft.point ? [draft.point.lon, draft.point.lat] : null,
			postcode: draft.postcode
		});
		labels.set(key, ref);
		ids.set(key, id);
	}
	const mine = new Set(assetIds.values());
	const existing: DuplicateItem[] = [];
	const rows = tx
		.select({
			id: t.assets.id,
			name: t.assets.name,
			lon: t.assets.lon,
			lat: t.assets.lat,
			postcode: t.assets.postcode,
			source: t.assets.source
		})
		.from(t.assets)
		.where(and(eq(t.assets.programmeId, programmeId), ne(t.assets.status, 'archived')))
		.all();
	for (const row of rows) {
		if (mine.has(row.id)) continue;
		const key = `a${row.id}`;
		existing.push({
			key,
			name: row.name,
			point: row.lon !== null && row.lat !== null ? [row.lon, row.lat] : null,
			postcode: row.postcode
		});
		labels.set(key, `asset ${row.id} ("${row.name}", from ${row.source})`);
		ids.set(key, row.id);
	}
	const pairs = findPossibleDuplicates(incoming, existing);
	for (const { a, b, reason } of pairs) {
		const [x, y] = [ids.get(a.key)!, ids.get(b.key)!];
		if (x === y) continue;
		tx.insert(t.assetDuplicateFlags)
			.values({ assetId: Math.min(x, y), otherAssetId: Math.max(x, y), reason, importRunId })
			.onConflictDoNothing()
			.run();
	}
	return {
		count: pairs.length,
		notes: pairs.map(({ a, b, reason }) => ({
			ref: labels.get(a.key)!,
			other: labels.get(b.key)!,
			reason
		}))
	};
}

/** How many of the drafts have a point in no (active or planned) patch, and how many have no point. */
export function countOutsidePatches(
	tx: Tx,
	programmeId: number,
	drafts: readonly ReadyDraft[]
): { outside: number; withoutPoint: number; patchCount: number } {
	const patches = tx
		.select({
			boundary: t.patches.boundary,
			minLon: t.patches.minLon,
			minLat: t.patches.minLat,
			maxLon: t.patches.maxLon,
			maxLat: t.patches.maxLat,
			status: t.patches.status
		})
		.from(t.patches)
		.where(eq(t.patches.programmeId, programmeId))
		.all()
		.filter((patch) => patch.status !== 'retired');
	let outside = 0;
	let withoutPoint = 0;
	for (const { draft } of drafts) {
		if (!draft.point) {
			withoutPoint++;
			continue;
		}
		const { lon, lat } = draft.point;
		const box = { minLon: lon, minLat: lat, maxLon: lon, maxLat: lat };
		const inside = patches.some(
			(patch) =>
				boxesIntersect(patch, box) && pointInArea([lon, lat], patch.boundary as AreaGeometry)
		);
		if (!inside) outside++;
	}
	return { outside, withoutPoint, patchCount: patches.length };
}
