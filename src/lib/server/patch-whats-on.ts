/**
 * One patch's "What's on" alone, for its embeddable widget (/embed/patches/[slug]): the same list
 * as the patch page's (domain/whats-on.ts groupsWhatsOn), read without the rest of that page.
 */
import type { Db } from './db/client';
import { cachedRead } from './db/read-cache';
import { getPatchBySlug, listPublicAssetsInPatch } from './queries/patches';
import { listPublicSessionsWithNotes } from './queries/whats-on';
import { groupsWhatsOn, sessionsAreMeetings } from '../domain/whats-on';
import type { Lang } from '../domain/sessions';

/**
 * The patch's name and its groups' meetings in the 7 days from `today`, or null for no published
 * patch by that slug. Read once until the next write, as the patch page is.
 */
export function readPatchWhatsOn(db: Db, slug: string, lang: Lang, today: string) {
	return cachedRead(db, `patch-whats-on:${slug}:${lang}:${today}`, () => {
		const patch = getPatchBySlug(db, slug);
		if (!patch) return null;
		const groups = listPublicAssetsInPatch(db, patch).filter((asset) =>
			sessionsAreMeetings(asset.kind)
		);
		const sessions = listPublicSessionsWithNotes(
			db,
			groups.map((asset) => asset.id)
		);
		return {
			patch: { slug: patch.slug, name: patch.name, nameCy: patch.nameCy },
			whatsOn: groupsWhatsOn(
				groups.map((asset) => ({ ...asset, sessions: sessions.get(asset.id) ?? [] })),
				today,
				lang
			)
		};
	});
}
