/**
 * The entries behind the calendar feeds (domain/calendar-feed.ts): one public entry's sessions, or
 * every public entry's sessions in a patch (its "What's on"). Only what a visitor may see: public
 * entries and their session notes, never contacts.
 */
import type { Db } from '../db/client';
import type { FeedEntry } from '../../domain/calendar-feed';
import type { Lang } from '../../domain/sessions';
import { getPublicAsset } from '../queries/assets';
import { getPatchBySlug, listPublicAssetsInPatch } from '../queries/patches';
import { listPublicSessionsWithNotes } from '../queries/whats-on';

const local = (english: string, welsh: string | null | undefined, lang: Lang) =>
	lang === 'cy' && welsh ? welsh : english;

const place = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(', ') || null;

/**
 * One entry's feed, or null when a visitor may not see it.
 * @param pageUrl makes an entry's absolute page address from its path ('/assets/7')
 */
export function assetFeed(
	db: Db,
	id: number,
	lang: Lang,
	pageUrl: (path: string) => string
): { name: string; entries: FeedEntry[] } | null {
	const found = getPublicAsset(db, id);
	if (!found) return null;
	const { asset, venue } = found;
	const name = local(asset.name, asset.nameCy, lang);
	const sessions = listPublicSessionsWithNotes(db, [id]).get(id) ?? [];
	const location = place(
		venue && local(venue.name, venue.nameCy, lang),
		asset.address,
		asset.postcode
	);
	return {
		name,
		entries: [{ id, name, url: pageUrl(`/assets/${id}`), location, sessions }]
	};
}

/** Every public entry's sessions in a patch, or null for no such patch. */
export function patchFeed(
	db: Db,
	slug: string,
	lang: Lang,
	pageUrl: (path: string) => string
): { name: string; entries: FeedEntry[] } | null {
	const patch = getPatchBySlug(db, slug);
	if (!patch) return null;
	const assets = listPublicAssetsInPatch(db, patch);
	const sessions = listPublicSessionsWithNotes(
		db,
		assets.map((asset) => asset.id)
	);
	return {
		name: local(patch.name, patch.nameCy, lang),
		entries: assets
			.filter((asset) => sessions.has(asset.id))
			.map((asset) => ({
				id: asset.id,
				name: local(asset.name, asset.nameCy, lang),
				url: pageUrl(`/assets/${asset.id}`),
				location: place(asset.address, asset.postcode),
				sessions: sessions.get(asset.id)!
			}))
	};
}
