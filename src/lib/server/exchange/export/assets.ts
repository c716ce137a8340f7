/**
 * Entries for export, whole programme or one patch, with their public details loaded in a fixed
 * number of queries. Built on the visitor rule (../../queries/visibility.ts): entries and contacts a
 * visitor may see, no personal data.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import { publicAssetColumns, type PublicAssetRow } from '../../queries/assets';
import { getPatchBySlug, getProgramme, listPublicAssetsInPatch } from '../../queries/patches';
import { contactVisibleToVisitors, entryVisibleToVisitors } from '../../queries/visibility';
import type { ExportAsset } from '../../../domain/exchange/export/asset-export';

export interface AssetExport {
	programme: { slug: string; name: string };
	patch: { slug: string; name: string } | null;
	assets: ExportAsset[];
}

function groupBy<T extends { assetId: number }>(rows: T[]): Map<number, T[]> {
	const groups = new Map<number, T[]>();
	for (const row of rows) groups.set(row.assetId, [...(groups.get(row.assetId) ?? []), row]);
	return groups;
}

/**
 * The entries a visitor may see (in one patch when `patchSlug` is given), by name. Null when there is
 * no programme, or no such patch (retired patches count as none).
 */
export function listAssetsForExport(db: Db, patchSlug: string | null): AssetExport | null {
	const programme = getProgramme(db);
	if (!programme) return null;
	let patch: AssetExport['patch'] = null;
	let rows: PublicAssetRow[];
	if (patchSlug) {
		const found = getPatchBySlug(db, patchSlug);
		if (!found || found.programmeId !== programme.id) return null;
		patch = { slug: found.slug, name: found.name };
		rows = listPublicAssetsInPatch(db, found);
	} else {
		rows = db
			.select(publicAssetColumns)
			.from(t.assets)
			.where(and(eq(t.assets.programmeId, programme.id), entryVisibleToVisitors))
			.all() as PublicAssetRow[];
	}
	rows.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id - b.id);
	const ids = rows.map((row) => row.id);
	const details = new Map(
		(ids.length
			? db
					.select({
						id: t.assets.id,
						venueId: t.assets.venueId,
						accessibility: t.assets.accessibility,
						ageMin: t.assets.ageMin,
						ageMax: t.assets.ageMax,
						costDetail: t.assets.costDetail,
						languages: t.assets.languages,
						updatedAt: t.assets.updatedAt
					})
					.from(t.assets)
					.where(inArray(t.assets.id, ids))
					.all()
			: []
		).map((row) => [row.id, row])
	);
	const venueIds = [
		...new Set([...details.values()].flatMap((d) => (d.venueId ? [d.venueId] : [])))
	];
	const venueNames = new Map(
		(venueIds.length
			? db
					.select({ id: t.assets.id, name: t.assets.name })
					.from(t.assets)
					.where(and(inArray(t.assets.id, venueIds), entryVisibleToVisitors))
					.all()
			: []
		).map((venue) => [venue.id, venue.name])
	);
	const categories = groupBy(
		ids.length
			? db
					.select({ assetId: t.assetCategories.assetId, name: t.categories.name })
					.from(t.assetCategories)
					.innerJoin(t.categories, eq(t.categories.id, t.assetCategories.categoryId))
					.where(inArray(t.assetCategories.assetId, ids))
					.orderBy(asc(t.categories.sortOrder), asc(t.categories.name))
					.all()
			: []
	);
	const contacts = groupBy(
		ids.length
			? db
					.select({
						assetId: t.assetContacts.assetId,
						kind: t.assetContacts.kind,
						value: t.assetContacts.value
					})
					.from(t.assetContacts)
					.innerJoin(t.assets, eq(t.assets.id, t.assetContacts.assetId))
					.where(and(inArray(t.assetContacts.assetId, ids), contactVisibleToVisitors))
					.orderBy(asc(t.assetContacts.id))
					.all()
			: []
	);
	const sessions = groupBy(
		ids.length
			? db
					.select()
					.from(t.assetSessions)
					.where(inArray(t.assetSessions.assetId, ids))
					.orderBy(asc(t.assetSessions.weekday), asc(t.assetSessions.startTime))
					.all()
			: []
	);

	return {
		programme: { slug: programme.slug, name: programme.name },
		patch,
		assets: rows.map((row) => {
			const detail = details.get(row.id)!;
			return {
				...row,
				...detail,
				venueName: detail.venueId ? (venueNames.get(detail.venueId) ?? null) : null,
				categories: (categories.get(row.id) ?? []).map((c) => c.name),
				contacts: contacts.get(row.id) ?? [],
				sessions: sessions.get(row.id) ?? []
			};
		})
	};
}
