/**
 * Which patches an entry belongs to, and which entries a patch holds, for the staff screens' permission
 * checks (src/lib/domain/permissions). An entry at a place belongs to every patch (not retired) whose
 * boundary holds its point; an online or roaming entry to the patches it is linked to in asset_patches.
 */
import { and, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { pointInArea } from '../../domain/point-in-area';
import type { Actor } from '../../domain/permissions';
import type { SessionUser } from '../auth/roles';
import type { AssetStatus } from '../../domain/vocabulary';

/** The patches a user coordinates (not retired), by id. */
export function listPatchIdsOfUser(db: Db, userId: number): number[] {
	return db
		.select({ id: t.patchCoordinators.patchId })
		.from(t.patchCoordinators)
		.innerJoin(t.patches, eq(t.patches.id, t.patchCoordinators.patchId))
		.where(and(eq(t.patchCoordinators.userId, userId), ne(t.patches.status, 'retired')))
		.all()
		.map((row) => row.id);
}

/** The signed-in user as the permission rules see them. */
export function actorFor(db: Db, user: SessionUser): Actor {
	return { id: user.id, role: user.role, patchIds: listPatchIdsOfUser(db, user.id) };
}

/** The patches (not retired) whose boundary holds a point: R*-style box test in SQL, then the exact one. */
export function listPatchIdsAtPoint(db: Db, [lon, lat]: [number, number]): number[] {
	return db
		.select({ id: t.patches.id, boundary: t.patches.boundary })
		.from(t.patches)
		.where(
			and(
				ne(t.patches.status, 'retired'),
				lte(t.patches.minLon, lon),
				gte(t.patches.maxLon, lon),
				lte(t.patches.minLat, lat),
				gte(t.patches.maxLat, lat)
			)
		)
		.all()
		.filter((patch) => pointInArea([lon, lat], patch.boundary))
		.map((patch) => patch.id);
}

/** Where an entry is, as the rules need it: a point, or its explicit links. */
export interface EntryWhere {
	locationKind: string;
	lon: number | null;
	lat: number | null;
	/** For online and roaming entries (ignored for a place). */
	linkedPatchIds?: readonly number[];
}

/** The patches an entry (saved or about to be) belongs to. */
export function listPatchIdsForWhere(db: Db, where: EntryWhere): number[] {
	if (where.locationKind === 'place' && where.lon !== null && where.lat !== null) {
		return listPatchIdsAtPoint(db, [where.lon, where.lat]);
	}
	return [...(where.linkedPatchIds ?? [])];
}

/** The patches a saved entry belongs to; empty when there is no such entry. */
export function listPatchIdsOfEntry(db: Db, assetId: number): number[] {
	const asset = db
		.select({ locationKind: t.assets.locationKind, lon: t.assets.lon, lat: t.assets.lat })
		.from(t.assets)
		.where(eq(t.assets.id, assetId))
		.get();
	if (!asset) return [];
	const linkedPatchIds = db
		.select({ id: t.assetPatches.patchId })
		.from(t.assetPatches)
		.where(eq(t.assetPatches.assetId, assetId))
		.all()
		.map((row) => row.id);
	return listPatchIdsForWhere(db, { ...asset, linkedPatchIds });
}

/**
 * The ids of entries that belong to any of the patches, optionally of some statuses only: by the R*Tree
 * over each patch's box and the exact point test, plus the linked online and roaming entries.
 */
export function listEntryIdsInPatches(
	db: Db,
	patchIds: readonly number[],
	statuses?: readonly AssetStatus[]
): Set<number> {
	const ids = new Set<number>();
	if (patchIds.length === 0) return ids;
	const statusFilter = statuses ? inArray(t.assets.status, [...statuses]) : undefined;
	const patches = db
		.select()
		.from(t.patches)
		.where(inArray(t.patches.id, [...patchIds]))
		.all();
	for (const patch of patches) {
		const candidates = db
			.select({ id: t.assets.id, lon: t.assets.lon, lat: t.assets.lat })
			.from(t.assets)
			.where(
				and(
					statusFilter,
					eq(t.assets.locationKind, 'place'),
					sql`${t.assets.id} IN (SELECT id FROM assets_rtree
						WHERE max_lon >= ${patch.minLon} AND min_lon <= ${patch.maxLon}
						AND max_lat >= ${patch.minLat} AND min_lat <= ${patch.maxLat})`
				)
			)
			.all();
		for (const asset of candidates) {
			if (pointInArea([asset.lon!, asset.lat!], patch.boundary)) ids.add(asset.id);
		}
	}
	const linked = db
		.select({ id: t.assetPatches.assetId })
		.from(t.assetPatches)
		.innerJoin(t.assets, eq(t.assets.id, t.assetPatches.assetId))
		.where(and(inArray(t.assetPatches.patchId, [...patchIds]), statusFilter))
		.all();
	for (const { id } of linked) ids.add(id);
	return ids;
}
