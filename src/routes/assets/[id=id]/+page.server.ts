import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPublicAsset } from '$lib/server/queries/assets';
import { findPatchesContaining } from '$lib/server/queries/patches';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	// The [id=id] matcher has already refused anything but a plain positive number.
	const id = Number(params.id);
	const db = getDb();
	const found = getPublicAsset(db, id);
	if (!found) error(404, 'Page not found');
	const { lon, lat } = found.asset;
	return {
		...found,
		patches: lon !== null && lat !== null ? findPatchesContaining(db, [lon, lat]) : []
	};
};
