/**
 * The result list's rows for one page of ids: public fields only (no contacts at all), with sessions
 * and categories loaded in one query each for the whole page.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { firstSentence } from '../../domain/directory';
import { checkedSince } from '../../domain/freshness';
import type { SessionRule } from '../../domain/sessions';
import type { AssetKind, CostKind, LocationKind, ServiceSector } from '../../domain/vocabulary';
import { listSessionsForAssets } from '../queries/assets';
import { entryVisibleSql } from '../queries/visibility';

/** One entry in the directory's result list. */
export interface DirectoryRow {
	id: number;
	kind: AssetKind;
	sector: ServiceSector | null;
	name: string;
	nameCy: string | null;
	/** The description's first sentence. */
	summary: string;
	summaryCy: string | null;
	locationKind: LocationKind;
	lon: number | null;
	lat: number | null;
	address: string | null;
	postcode: string | null;
	cost: CostKind | null;
	lastVerifiedOn: string | null;
	/** The day it was imported, for an entry that came from a council's file (importedOn()). */
	importedOn: string | null;
	/** Not checked for over 12 months (or never): shown labelled, ranked below fresh entries. */
	stale: boolean;
	/** Metres from the search's place, when it has one. */
	distanceMetres: number | null;
	sessions: SessionRule[];
	categories: { id: string; name: string; nameCy: string | null }[];
}

type AssetFields = Omit<
	DirectoryRow,
	'summary' | 'summaryCy' | 'stale' | 'distanceMetres' | 'sessions' | 'categories'
> & { description: string; descriptionCy: string | null };

/** Rows for `ids` in that order; an id a visitor may not (or no longer) see is left out. */
export function loadDirectoryRows(
	db: Db,
	ids: number[],
	{ staleCutoff, distances }: { staleCutoff: string; distances: Map<number, number> }
): DirectoryRow[] {
	if (ids.length === 0) return [];
	// Driven from the page's ids (CROSS JOIN fixes the order): otherwise SQLite may walk every
	// visible entry in an index and test each against the list.
	const idList = JSON.stringify(ids);
	const assets = db.all<AssetFields>(sql`
		SELECT a.id, a.kind, a.sector, a.name, a.name_cy AS nameCy, a.description,
			a.description_cy AS descriptionCy, a.location_kind AS locationKind, a.lon, a.lat, a.address,
			a.postcode, a.cost, a.last_verified_on AS lastVerifiedOn,
			CASE WHEN a.source <> 'patchwork' THEN substr(a.created_at, 1, 10) END AS importedOn
		FROM json_each(${idList}) page CROSS JOIN assets a ON a.id = page.value
		WHERE ${entryVisibleSql('a')}`);
	const categories = new Map<number, DirectoryRow['categories']>();
	const categoryRows = db.all<{ assetId: number; id: string; name: string; nameCy: string | null }>(
		sql`SELECT ac.asset_id AS assetId, c.id, c.name, c.name_cy AS nameCy
		FROM json_each(${idList}) page
			CROSS JOIN asset_categories ac ON ac.asset_id = page.value
			JOIN categories c ON c.id = ac.category_id
		ORDER BY c.sort_order, c.id`
	);
	for (const { assetId, ...category } of categoryRows) {
		categories.set(assetId, [...(categories.get(assetId) ?? []), category]);
	}
	const sessions = listSessionsForAssets(db, ids);
	const byId = new Map(assets.map((asset) => [asset.id, asset]));
	return ids.flatMap((id) => {
		const asset = byId.get(id);
		if (!asset) return [];
		const { description, descriptionCy, ...fields } = asset;
		return [
			{
				...fields,
				summary: firstSentence(description),
				summaryCy: descriptionCy ? firstSentence(descriptionCy) : null,
				// The same test the ranking used in SQL, so a row's label matches its place in the list.
				stale: (checkedSince(asset.lastVerifiedOn, asset.importedOn) ?? '') < staleCutoff,
				distanceMetres: distances.get(id) ?? null,
				sessions: sessions.get(id) ?? [],
				categories: categories.get(id) ?? []
			}
		];
	});
}
