/**
 * Loads a page of entries a visitor may see (../../queries/visibility.ts) with everything the HSDS
 * mapping needs, in a fixed number of queries whatever the page size (assets, categories, visible
 * contacts, sessions, venues): no N+1.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import type { AssetForHsds, PlaceForHsds } from '../../../domain/exchange/openreferral/to-hsds';
import type { SessionRow } from '../../../domain/exchange/openreferral/schedule';
import { contactVisibleToVisitors, entryVisibleToVisitors } from '../../queries/visibility';

function group<T extends { assetId: number }>(rows: T[]): Map<number, T[]> {
	const groups = new Map<number, T[]>();
	for (const row of rows) groups.set(row.assetId, [...(groups.get(row.assetId) ?? []), row]);
	return groups;
}

/**
 * The entries a visitor may see among `assetIds`, in the order given, each with its categories,
 * visible contacts, sessions and place (its visible venue's, else its own point). Other or unknown
 * ids are left out.
 */
export function loadAssetsForHsds(db: Db, assetIds: number[]): AssetForHsds[] {
	if (assetIds.length === 0) return [];
	const rows = db
		.select({
			id: t.assets.id,
			kind: t.assets.kind,
			sector: t.assets.sector,
			name: t.assets.name,
			description: t.assets.description,
			locationKind: t.assets.locationKind,
			lon: t.assets.lon,
			lat: t.assets.lat,
			address: t.assets.address,
			postcode: t.assets.postcode,
			venueId: t.assets.venueId,
			accessibility: t.assets.accessibility,
			ageMin: t.assets.ageMin,
			ageMax: t.assets.ageMax,
			cost: t.assets.cost,
			costDetail: t.assets.costDetail,
			languages: t.assets.languages,
			lastVerifiedOn: t.assets.lastVerifiedOn,
			updatedAt: t.assets.updatedAt
		})
		.from(t.assets)
		.where(and(inArray(t.assets.id, assetIds), entryVisibleToVisitors))
		.all();
	const ids = rows.map((row) => row.id);
	if (ids.length === 0) return [];

	const categories = group(
		db
			.select({ assetId: t.assetCategories.assetId, categoryId: t.assetCategories.categoryId })
			.from(t.assetCategories)
			.innerJoin(t.categories, eq(t.categories.id, t.assetCategories.categoryId))
			.where(inArray(t.assetCategories.assetId, ids))
			.orderBy(asc(t.categories.sortOrder), asc(t.categories.id))
			.all()
	);
	// Visible contacts only: coordinators-only contacts, and an informal support's without consent,
	// are filtered here, in SQL, never later.
	const contacts = group(
		db
			.select({
				assetId: t.assetContacts.assetId,
				id: t.assetContacts.id,
				kind: t.assetContacts.kind,
				label: t.assetContacts.label,
				value: t.assetContacts.value
			})
			.from(t.assetContacts)
			.innerJoin(t.assets, eq(t.assets.id, t.assetContacts.assetId))
			.where(and(inArray(t.assetContacts.assetId, ids), contactVisibleToVisitors))
			.orderBy(asc(t.assetContacts.id))
			.all()
	);
	const sessions = group(
		db
			.select()
			.from(t.assetSessions)
			.where(inArray(t.assetSessions.assetId, ids))
			.orderBy(
				asc(t.assetSessions.weekday),
				asc(t.assetSessions.startTime),
				asc(t.assetSessions.id)
			)
			.all()
	);
	const venueIds = [...new Set(rows.map((row) => row.venueId).filter((id) => id !== null))];
	const venues = new Map(
		(venueIds.length
			? db
					.select({
						id: t.assets.id,
						name: t.assets.name,
						description: t.assets.description,
						lon: t.assets.lon,
						lat: t.assets.lat,
						address: t.assets.address,
						postcode: t.assets.postcode,
						accessibility: t.assets.accessibility
					})
					.from(t.assets)
					.where(
						and(
							inArray(t.assets.id, venueIds),
							entryVisibleToVisitors,
							isNotNull(t.assets.lon),
							isNotNull(t.assets.lat)
						)
					)
					.all()
			: []
		).map((venue) => [venue.id, venue])
	);

	const byId = new Map(
		rows.map((row): [number, AssetForHsds] => {
			const venue = row.venueId !== null ? venues.get(row.venueId) : undefined;
			let place: PlaceForHsds | null = null;
			if (venue) {
				place = { ...venue, assetId: venue.id, lon: venue.lon!, lat: venue.lat! };
			} else if (row.lon !== null && row.lat !== null) {
				place = {
					assetId: row.id,
					name: row.name,
					description: row.description,
					lon: row.lon,
					lat: row.lat,
					address: row.address,
					postcode: row.postcode,
					accessibility: row.accessibility
				};
			}
			return [
				row.id,
				{
					...row,
					categoryIds: (categories.get(row.id) ?? []).map((c) => c.categoryId),
					contacts: contacts.get(row.id) ?? [],
					sessions: (sessions.get(row.id) ?? []) as SessionRow[],
					place
				}
			];
		})
	);
	return assetIds.flatMap((id) => byId.get(id) ?? []);
}
