import { redirect } from '@sveltejs/kit';
import { NEIGHBOURHOOD_WORDS as W } from '$lib/components/directory/words';
import { getDb } from '$lib/server/db';
import { findPatchForPoint, lookupPostcode } from '$lib/server/queries/directory';
import { listPatchBoundaries } from '$lib/server/queries/patch-boundaries';
import { getProgramme } from '$lib/server/queries/patches';
import { readNeighbourhoodQuery } from './find-neighbourhood';
import type { PageServerLoad } from './$types';

/** A postcode or point inside a patch goes to its page; anything else gets a plain message. */
export const load: PageServerLoad = ({ url }) => {
	const db = getDb();
	const query = readNeighbourhoodQuery(url.searchParams);
	let message: string | null = null;
	if (query.kind === 'postcode') {
		const found = lookupPostcode(db, query.postcode);
		const patch = found && findPatchForPoint(db, [found.lon, found.lat]);
		if (patch) redirect(303, `/patches/${patch.slug}`);
		message = found ? W.outside(query.postcode) : W.notFound(query.postcode);
	} else if (query.kind === 'point') {
		const patch = findPatchForPoint(db, query.point);
		if (patch) redirect(303, `/patches/${patch.slug}`);
		message = W.outsidePoint;
	} else if (query.kind === 'off-globe') message = W.offGlobe;
	else if (query.kind === 'not-postcode') message = W.notPostcode(query.text);

	const programme = getProgramme(db);
	return {
		message,
		postcode: query.kind === 'postcode' ? query.postcode : '',
		patches: programme ? listPatchBoundaries(db, programme.id) : []
	};
};
