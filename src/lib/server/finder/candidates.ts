/**
 * The entries the finder weighs, loaded for a set of ids: what a coordinator may see, and nothing
 * else. Published entries only; an informal support without consent to be shown publicly only when
 * the viewer may see its private parts (a coordinator of one of its patches; council and admin).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { FinderCandidate } from '../../domain/finder';
import { canSeePrivateParts, type Actor } from '../../domain/permissions';
import type { AssetKind, CostKind, LocationKind, ServiceSector } from '../../domain/vocabulary';
import { listSessionsForAssets } from '../queries/assets';
import { listPatchIdsOfEntry } from '../staff/entry-patches';

/** A finder candidate with what the result list shows. */
export interface FinderRow extends FinderCandidate {
	nameCy: string | null;
	description: string;
	address: string | null;
	postcode: string | null;
	lon: number | null;
	lat: number | null;
	lastVerifiedOn: string | null;
	/** Contacts the viewer may see; `coordinatorsOnly` marks those a visitor never sees. */
	contacts: { kind: string; label: string | null; value: string; coordinatorsOnly: boolean }[];
	/** True for an informal support without consent to be shown publicly (own patch only). */
	private: boolean;
}

interface AssetFields {
	id: number;
	name: string;
	nameCy: string | null;
	description: string;
	kind: AssetKind;
	sector: ServiceSector | null;
	locationKind: LocationKind;
	lon: number | null;
	lat: number | null;
	address: string | null;
	postcode: string | null;
	accessibility: string;
	ageMin: number | null;
	ageMax: number | null;
	familyFriendly: number;
	cost: CostKind | null;
	languages: string;
	lastVerifiedOn: string | null;
	consentPublic: number;
	consentContactsPublic: number;
}

const jsonList = (text: string): string[] => {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
};

/** Published entries among `ids` that the actor may see, with their private informal supports checked one by one. */
export function loadFinderRows(
	db: Db,
	ids: readonly number[],
	actor: Actor,
	{
		staleCutoff,
		distances,
		wordsMatched
	}: {
		staleCutoff: string;
		distances: Map<number, number>;
		wordsMatched: Map<number, string[]>;
	}
): FinderRow[] {
	if (ids.length === 0) return [];
	const idList = JSON.stringify(ids);
	// Informal supports whose private parts this person may see (looked up once each).
	const privateAllowed = new Set<number>();
	const mayHavePrivate = (a: AssetFields) => {
		// Council and admin see every patch's: no need to work out the entry's patches for them.
		const patchIds = actor.role === 'coordinator' ? listPatchIdsOfEntry(db, a.id) : [];
		if (canSeePrivateParts(actor, patchIds)) privateAllowed.add(a.id);
		return privateAllowed.has(a.id);
	};
	const assets = db
		.all<AssetFields>(
			sql`SELECT a.id, a.name, a.name_cy AS nameCy, a.description, a.kind, a.sector,
			a.location_kind AS locationKind, a.lon, a.lat, a.address, a.postcode, a.accessibility,
			a.age_min AS ageMin, a.age_max AS ageMax, a.family_friendly AS familyFriendly, a.cost,
			a.languages, a.last_verified_on AS lastVerifiedOn, a.consent_public AS consentPublic,
			a.consent_contacts_public AS consentContactsPublic
		FROM json_each(${idList}) page CROSS JOIN assets a ON a.id = page.value
		WHERE a.status = 'published'`
		)
		.filter((a) => a.kind !== 'informal_support' || mayHavePrivate(a) || a.consentPublic === 1);
	if (assets.length === 0) return [];
	const shown = JSON.stringify(assets.map((a) => a.id));
	const categories = new Map<number, string[]>();
	for (const row of db.all<{ assetId: number; id: string }>(
		sql`SELECT ac.asset_id AS assetId, ac.category_id AS id
		FROM json_each(${shown}) page CROSS JOIN asset_categories ac ON ac.asset_id = page.value`
	)) {
		categories.set(row.assetId, [...(categories.get(row.assetId) ?? []), row.id]);
	}
	const contacts = new Map<number, FinderRow['contacts']>();
	for (const row of db.all<{
		assetId: number;
		kind: string;
		label: string | null;
		value: string;
		visibility: string;
	}>(
		sql`SELECT c.asset_id AS assetId, c.kind, c.label, c.value, c.visibility
		FROM json_each(${shown}) page CROSS JOIN asset_contacts c ON c.asset_id = page.value
		ORDER BY c.id`
	)) {
		const { assetId, visibility, ...contact } = row;
		contacts.set(assetId, [
			...(contacts.get(assetId) ?? []),
			{ ...contact, coordinatorsOnly: visibility !== 'public' }
		]);
	}
	const sessions = listSessionsForAssets(
		db,
		assets.map((a) => a.id)
	);
	return assets.map((a) => ({
		id: a.id,
		name: a.name,
		nameCy: a.nameCy,
		description: a.description,
		kind: a.kind,
		sector: a.sector,
		locationKind: a.locationKind,
		lon: a.lon,
		lat: a.lat,
		address: a.address,
		postcode: a.postcode,
		distanceMetres: distances.get(a.id) ?? null,
		categoryIds: categories.get(a.id) ?? [],
		wordsMatched: wordsMatched.get(a.id) ?? [],
		sessions: sessions.get(a.id) ?? [],
		accessibility: jsonList(a.accessibility),
		ageMin: a.ageMin,
		ageMax: a.ageMax,
		familyFriendly: a.familyFriendly === 1,
		cost: a.cost,
		languages: jsonList(a.languages),
		lastVerifiedOn: a.lastVerifiedOn,
		stale: !a.lastVerifiedOn || a.lastVerifiedOn < staleCutoff,
		private: a.kind === 'informal_support' && a.consentPublic !== 1,
		// An informal support's contacts are a person's: shown with consent for them, or to those who
		// may see its private parts (it is in the list only then, or with public consent).
		contacts:
			a.kind !== 'informal_support' || a.consentContactsPublic === 1 || privateAllowed.has(a.id)
				? (contacts.get(a.id) ?? []).filter(
						(c) => !c.coordinatorsOnly || a.kind !== 'informal_support' || privateAllowed.has(a.id)
					)
				: []
	}));
}
