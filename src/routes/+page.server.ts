import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { cachedRead } from '$lib/server/db/read-cache';
import { countPublicAssetsByKind } from '$lib/server/queries/assets';
import { getProgramme, listPatches } from '$lib/server/queries/patches';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const db = getDb();
	const programme = getProgramme(db);
	if (!programme) error(503, 'This site has no programme set up yet');
	// The same for every visitor until the next write.
	return cachedRead(db, 'home', () => ({
		programme,
		patches: listPatches(db, programme.id),
		assetCounts: countPublicAssetsByKind(db, programme.id)
	}));
};
