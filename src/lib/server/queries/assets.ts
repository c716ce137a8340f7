/**
 * Asset queries for visitors. Everything here returns only what a visitor may see (./visibility.ts):
 * published entries (informal supports only with consent to be shown), public contacts (an informal
 * support's only with consent for those too), and coordinators by display name. Personal data is
 * filtered in SQL, not in pages.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { AssetKind } from '../../domain/vocabulary';
import type { SessionRule } from '../../domain/sessions';
import { contactVisibleToVisitors, entryVisibleToVisitors } from './visibility';

/** The fields of an asset a visitor may see, as list rows. */
export const publicAssetColumns = {
	id: t.assets.id,
	kind: t.assets.kind,
	sector: t.assets.sector,
	name: t.assets.name,
	nameCy: t.assets.nameCy,
	description: t.assets.description,
	locationKind: t.assets.locationKind,
	lon: t.assets.lon,
	lat: t.assets.lat,
	address: t.assets.address,
	postcode: t.assets.postcode,
	cost: t.assets.cost,
	lastVerifiedOn: t.assets.lastVerifiedOn,
	/** The day an imported entry came in (importedOn() in domain/freshness), null for one made here. */
	importedOn: sql<
		string | null
	>`CASE WHEN ${t.assets.source} <> 'patchwork' THEN substr(${t.assets.createdAt}, 1, 10) END`
};

export type PublicAssetRow = {
	id: number;
	kind: AssetKind;
	sector: string | null;
	name: string;
	nameCy: string | null;
	description: string;
	locationKind: string;
	lon: number | null;
	lat: number | null;
	address: string | null;
	postcode: string | null;
	cost: string | null;
	lastVerifiedOn: string | null;
	importedOn: string | null;
};

/** Visible entries whose point lies inside a bounding box (R*Tree), in name order. */
export function listPublicAssetsInBox(
	db: Db,
	box: { minLon: number; minLat: number; maxLon: number; maxLat: number }
): PublicAssetRow[] {
	return db
		.select(publicAssetColumns)
		.from(t.assets)
		.where(
			and(
				entryVisibleToVisitors,
				sql`${t.assets.id} IN (SELECT id FROM assets_rtree
					WHERE max_lon >= ${box.minLon} AND min_lon <= ${box.maxLon}
					AND max_lat >= ${box.minLat} AND min_lat <= ${box.maxLat})`
			)
		)
		.orderBy(asc(t.assets.name))
		.all() as PublicAssetRow[];
}

/** The coordinators (not disabled) who can be met at a venue, and when, in weekday order. */
export function listCoordinatorsAtVenue(db: Db, venueId: number) {
	return db
		.select({
			displayName: t.users.displayName,
			weekday: t.presenceSessions.weekday,
			startTime: t.presenceSessions.startTime,
			endTime: t.presenceSessions.endTime
		})
		.from(t.presenceSessions)
		.innerJoin(t.users, eq(t.users.id, t.presenceSessions.userId))
		.where(and(eq(t.presenceSessions.venueId, venueId), eq(t.users.disabled, false)))
		.orderBy(asc(t.presenceSessions.weekday), asc(t.presenceSessions.startTime))
		.all();
}

/** One asset's sessions with their notes, in weekday and time order (for staff screens). */
export function listSessionsWithNotes(db: Db, assetId: number) {
	return db
		.select({
			frequency: t.assetSessions.frequency,
			weekday: t.assetSessions.weekday,
			weekOfMonth: t.assetSessions.weekOfMonth,
			anchorDate: t.assetSessions.anchorDate,
			startTime: t.assetSessions.startTime,
			endTime: t.assetSessions.endTime,
			note: t.assetSessions.note
		})
		.from(t.assetSessions)
		.where(eq(t.assetSessions.assetId, assetId))
		.orderBy(asc(t.assetSessions.weekday), asc(t.assetSessions.startTime))
		.all();
}

/** Session rows for many assets at once, grouped by asset id, in weekday and time order. */
export function listSessionsForAssets(db: Db, assetIds: number[]): Map<number, SessionRule[]> {
	const sessions = new Map<number, SessionRule[]>();
	if (assetIds.length === 0) return sessions;
	const rows = db
		.select()
		.from(t.assetSessions)
		.where(inArray(t.assetSessions.assetId, assetIds))
		.orderBy(asc(t.assetSessions.weekday), asc(t.assetSessions.startTime))
		.all();
	for (const { assetId, id: _id, note: _note, ...rule } of rows) {
		const list = sessions.get(assetId) ?? [];
		list.push(rule as SessionRule);
		sessions.set(assetId, list);
	}
	return sessions;
}

/** Everything a visitor may see about one visible entry, or null if there is none they may see. */
export function getPublicAsset(db: Db, id: number) {
	const asset = db
		.select({
			...publicAssetColumns,
			descriptionCy: t.assets.descriptionCy,
			venueId: t.assets.venueId,
			accessibility: t.assets.accessibility,
			ageMin: t.assets.ageMin,
			ageMax: t.assets.ageMax,
			familyFriendly: t.assets.familyFriendly,
			costDetail: t.assets.costDetail,
			languages: t.assets.languages,
			source: t.assets.source,
			lastVerifiedByRole: t.users.role
		})
		.from(t.assets)
		.leftJoin(t.users, eq(t.users.id, t.assets.lastVerifiedBy))
		.where(and(eq(t.assets.id, id), entryVisibleToVisitors))
		.get();
	if (!asset) return null;

	const categories = db
		.select({ id: t.categories.id, name: t.categories.name, nameCy: t.categories.nameCy })
		.from(t.assetCategories)
		.innerJoin(t.categories, eq(t.categories.id, t.assetCategories.categoryId))
		.where(eq(t.assetCategories.assetId, id))
		.orderBy(asc(t.categories.sortOrder))
		.all();

	const contacts = db
		.select({
			id: t.assetContacts.id,
			kind: t.assetContacts.kind,
			label: t.assetContacts.label,
			value: t.assetContacts.value
		})
		.from(t.assetContacts)
		.innerJoin(t.assets, eq(t.assets.id, t.assetContacts.assetId))
		.where(and(eq(t.assetContacts.assetId, id), contactVisibleToVisitors))
		.orderBy(asc(t.assetContacts.id))
		.all();

	const sessions = listSessionsForAssets(db, [id]).get(id) ?? [];

	const venue = asset.venueId
		? (db
				.select({ id: t.assets.id, name: t.assets.name, nameCy: t.assets.nameCy })
				.from(t.assets)
				.where(and(eq(t.assets.id, asset.venueId), entryVisibleToVisitors))
				.get() ?? null)
		: null;

	const meetingHere = db
		.select({ id: t.assets.id, name: t.assets.name, nameCy: t.assets.nameCy, kind: t.assets.kind })
		.from(t.assets)
		.where(and(eq(t.assets.venueId, id), entryVisibleToVisitors))
		.orderBy(asc(t.assets.name))
		.all();

	const coordinatorsHere = listCoordinatorsAtVenue(db, id);

	return { asset, categories, contacts, sessions, venue, meetingHere, coordinatorsHere };
}

export type PublicAsset = NonNullable<ReturnType<typeof getPublicAsset>>;

/** How many entries of each kind a visitor may see in the programme. */
export function countPublicAssetsByKind(
	db: Db,
	programmeId: number
): Partial<Record<AssetKind, number>> {
	const rows = db
		.select({ kind: t.assets.kind, n: sql<number>`count(*)` })
		.from(t.assets)
		.where(and(eq(t.assets.programmeId, programmeId), entryVisibleToVisitors))
		.groupBy(t.assets.kind)
		.all();
	return Object.fromEntries(rows.map(({ kind, n }) => [kind, n]));
}
