import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb, type Db } from '$lib/server/db';
import { cachedRead } from '$lib/server/db/read-cache';
import { estimateBoundary, getSizingContext } from '$lib/server/sizing';
import { listPublicSessionsWithNotes } from '$lib/server/queries/whats-on';
import { londonDate } from '$lib/domain/sessions';
import { groupsWhatsOn, presenceThisWeek } from '$lib/domain/whats-on';
import {
	getPatchBySlug,
	listPresenceForPatch,
	listPublicAssetsInPatch,
	listWelshDescriptions,
	type PatchDetail
} from '$lib/server/queries/patches';
import { pageLang } from '$lib/components/lang';
import { placesForList } from '$lib/server/queries/locality';
import type { Lang } from '$lib/domain/sessions';
import { getStaffPatchView } from '$lib/server/staff/public-pages';
import { sharePage } from '$lib/server/http/page-cache';
import type { PageServerLoad } from './$types';

const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(100);

export const load: PageServerLoad = ({ params, locals }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, 'Page not found');
	const db = getDb();
	const lang = pageLang();
	// Today in London, as the layout has it: the week ahead starts today.
	const today = londonDate(new Date());
	// What every visitor sees changes only on a write: read and sized once until the next one.
	const page = cachedRead(db, `patch-page:${slug.data}:${lang}:${today}`, () =>
		readPatchPage(db, slug.data, lang, today)
	);
	if (!page) error(404, 'Page not found');
	sharePage(locals);
	return {
		...page,
		// Signed in: Edit links, and (for this patch's coordinators, council, admin) what visitors never see.
		staff: locals.user
			? getStaffPatchView(
					db,
					locals.user,
					page.patch.id,
					page.assets.map((asset) => asset.id)
				)
			: null
	};
};

/** The patch page as every visitor sees it, or null when there is no such patch. */
function readPatchPage(db: Db, slug: string, lang: Lang, today: string) {
	const patch = getPatchBySlug(db, slug);
	if (!patch) return null;
	const assets = listPublicAssetsInPatch(db, patch);
	const sessions = listPublicSessionsWithNotes(
		db,
		assets.map((asset) => asset.id)
	);
	// Welsh descriptions only where a Welsh page shows them.
	const descriptionsCy =
		lang === 'cy'
			? listWelshDescriptions(
					db,
					assets.map((asset) => asset.id)
				)
			: new Map<number, string>();
	const withSessions = assets.map((asset) => ({
		...asset,
		descriptionCy: descriptionsCy.get(asset.id) ?? null,
		sessions: sessions.get(asset.id) ?? []
	}));
	// A Welsh page lists entries by the names it shows, in Welsh alphabetical order ("ch" after
	// "cy"). Sorted here, not in the page: browsers' collation data may lack Welsh, and the order
	// must be the same when the page hydrates.
	if (lang === 'cy') {
		const welshOrder = new Intl.Collator('cy');
		const shown = (asset: (typeof withSessions)[number]) => asset.nameCy || asset.name;
		withSessions.sort((a, b) => welshOrder.compare(shown(a), shown(b)));
	}
	const presence = listPresenceForPatch(db, patch.id, today);
	// Same-named entries here say where in the neighbourhood they are (its small areas' names).
	const listPlaces = placesForList(db, withSessions, { skipPatches: true, lang });
	return {
		patch,
		assets: withSessions,
		places: Object.fromEntries(listPlaces.places),
		placesApart: Object.fromEntries(listPlaces.apart),
		// Groups' meetings only: a venue's or a service's sessions are its opening hours, shown on it.
		whatsOn: groupsWhatsOn(withSessions, today, lang),
		presenceWeek: presenceThisWeek(presence, today, lang),
		sizing: patchSizing(db, patch)
	};
}

/** The patch's population by areal weighting (and the centroid figure beside it), or null without figures. */
function patchSizing(db: Db, patch: PatchDetail) {
	const context = getSizingContext(db, patch.programmeId);
	if (!context) return null;
	const estimate = estimateBoundary(db, context, {
		id: patch.id,
		name: patch.name,
		geometry: patch.boundary
	});
	return {
		areal: estimate.areal,
		centroid: estimate.centroid,
		method: estimate.method,
		band: estimate.band,
		populationSetName: context.populationSet.name,
		limits: context.limits
	};
}
