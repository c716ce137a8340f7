import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/db';
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
	const found = staff?.page ?? getPublicAsset(db, id);
	if (!found) error(404, 'Page not found');
	const { lon, lat } = found.asset;
	return {
		...found,
		// The same sessions with their notes, which are public.
		sessions: staff?.page.sessions ?? listPublicSessionsWithNotes(db, [id]).get(id) ?? [],
		patches: lon !== null && lat !== null ? findPatchesContaining(db, [lon, lat]) : [],
		staff: staff?.marks ?? null,
		/** A raster tile URL for the small Leaflet map; none keeps the offline plain background. */
		tileUrl: env.BASEMAP_TILE_URL?.trim() || null,
		tileAttribution: env.BASEMAP_TILE_ATTRIBUTION?.trim() || ''
	};
};
