/**
 * Checks around an import's write: possible duplicates (found before the write, recorded inside it)
 * and the drafts that fall in no patch (counted before the write).
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
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

/** Possible duplicates found before the write: incoming drafts by ref, stored assets by id. */
export interface DuplicatePlan {
	pairs: { a: string; b: string; reason: string }[];
	/** What each key is called in the report. */
	labels: Map<string, string>;
	/** The stored asset behind each `a…` key. */
	storedIds: Map<string, number>;
}

const draftKey = (ref: string) => `r${ref}`;

/**
 * Finds possible duplicates among the drafts and between them and the programme's other assets
 * (archived ones aside, and those this import updates), reading only: it runs before the import's
 * transaction, so the comparison (seconds for a large file) does not hold the write lock.
 */
export function planDuplicates(
	db: Db | Tx,
	programmeId: number | null,
	source: string,
	drafts: readonly ReadyDraft[]
): DuplicatePlan {
	const incoming: DuplicateItem[] = [];
	const labels = new Map<string, string>();
	const storedIds = new Map<string, number>();
	const updating = new Set<string>();
	for (const { ref, draft } of drafts) {
		const key = draftKey(ref);
		incoming.push({
			key,
			name: draft.name,
			point: draft.point ? [draft.point.lon, draft.point.lat] : null,
			postcode: draft.postcode
		});
		labels.set(key, ref);
		if (draft.externalId) updating.add(draft.externalId);
	}
	const existing: DuplicateItem[] = [];
	const rows =
		programmeId === null
			? []
			: db
					.select({
						id: t.assets.id,
						name: t.assets.name,
						lon: t.assets.lon,
						lat: t.assets.lat,
						postcode: t.assets.postcode,
						source: t.assets.source,
						externalId: t.assets.externalId
					})
					.from(t.assets)
					.where(and(eq(t.assets.programmeId, programmeId), ne(t.assets.status, 'archived')))
					.all();
	for (const row of rows) {
		if (row.source === source && row.externalId !== null && updating.has(row.externalId)) continue;
		const key = `a${row.id}`;
		existing.push({
			key,
			name: row.name,
			point: row.lon !== null && row.lat !== null ? [row.lon, row.lat] : null,
			postcode: row.postcode
		});
		labels.set(key, `asset ${row.id} ("${row.name}", from ${row.source})`);
		storedIds.set(key, row.id);
	}
	const pairs = findPossibleDuplicates(incoming, existing).map(({ a, b, reason }) => ({
		a: a.key,
		b: b.key,
		reason
	}));
	return { pairs, labels, storedIds };
}

/**
 * Records the planned pairs once each in asset_duplicate_flags (inside the import's transaction),
 * now that the drafts have ids. A stored asset deleted since the plan is passed over.
 */
export function recordDuplicates(
	tx: Tx,
	plan: DuplicatePlan,
	drafts: readonly ReadyDraft[],
	assetIds: Map<string, number>,
	importRunId: number | null
): { count: number; notes: DuplicateNote[] } {
	const ids = new Map(plan.storedIds);
	for (const { ref } of drafts) ids.set(draftKey(ref), assetIds.get(ref)!);
	const stillStored = tx
		.select({ id: t.assets.id })
		.from(t.assets)
		.where(eq(t.assets.id, sql.placeholder('id')))
		.prepare();
	const insert = tx
		.insert(t.assetDuplicateFlags)
		.values({
			assetId: sql.placeholder('assetId'),
			otherAssetId: sql.placeholder('otherAssetId'),
			reason: sql.placeholder('reason'),
			importRunId
		})
		.onConflictDoNothing()
		.prepare();
	const kept = plan.pairs.filter(({ a, b, reason }) => {
		const [x, y] = [ids.get(a)!, ids.get(b)!];
		if (x === y) return false;
		for (const key of [a, b]) {
			const id = plan.storedIds.get(key);
			if (id !== undefined && !stillStored.get({ id })) return false;
		}
		insert.run({ assetId: Math.min(x, y), otherAssetId: Math.max(x, y), reason });
		return true;
	});
	return {
		count: kept.length,
		notes: kept.map(({ a, b, reason }) => ({
			ref: plan.labels.get(a)!,
			other: plan.labels.get(b)!,
			reason
		}))
	};
}

/** How many of the drafts have a point in no (active or planned) patch, and how many have no point. */
export function countOutsidePatches(
	tx: Tx | Db,
	programmeId: number | null,
	drafts: readonly ReadyDraft[]
): { outside: number; withoutPoint: number; patchCount: number } {
	const patches = (
		programmeId === null
			? []
			: tx
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
	).filter((patch) => patch.status !== 'retired');
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
