import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getDb, type Db } from '$lib/server/db';
import { cachedRead } from '$lib/server/db/read-cache';
import { getPublicAsset } from '$lib/server/queries/assets';
import { findPatchesContaining } from '$lib/server/queries/patches';
import { listPublicSessionsWithNotes } from '$lib/server/queries/whats-on';
import { getStaffAssetPage } from '$lib/server/staff/public-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	// The [id=id] matcher has already refused anything but a plain positive number.
	const id = Number(params.id);
	const db = getDb();
	// Signed in and allowed to edit it: the whole entry (drafts, private parts), marked as such.
	const staff = locals.user ? getStaffAssetPage(db, locals.user, id) : null;
	const found = staff?.page
		? { ...staff.page, patches: patchesAt(db, staff.page.asset) }
		: // What visitors see changes only on a write: read once until the next one.
			cachedRead(db, `asset-page:${id}`, () => readPublicPage(db, id));
	if (!found) error(404, 'Page not found');
	return {
		...found,
		staff: staff?.marks ?? null,
		/** A raster tile URL for the small Leaflet map; none keeps the offline plain background. */
		tileUrl: env.BASEMAP_TILE_URL?.trim() || null,
		tileAttribution: env.BASEMAP_TILE_ATTRIBUTION?.trim() || ''
	};
};

/** The entry's page as visitors see it, or null when they may not. */
function readPublicPage(db: Db, id: number) {
	const found = getPublicAsset(db, id);
	if (!found) return null;
	return {
		...found,
		// The same sessions with their notes, which are public.
		sessions: listPublicSessionsWithNotes(db, [id]).get(id) ?? [],
		patches: patchesAt(db, found.asset)
	};
}

function patchesAt(db: Db, { lon, lat }: { lon: number | null; lat: number | null }) {
	return lon !== null && lat !== null ? findPatchesContaining(db, [lon, lat]) : [];
}
