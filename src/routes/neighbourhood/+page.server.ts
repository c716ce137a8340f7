import { redirect } from '@sveltejs/kit';
import { sortByName } from '$lib/components/directory/search-view';
import { href, localText, pageLang } from '$lib/components/lang';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { findPatchForPoint, lookupPostcode } from '$lib/server/queries/directory';
import { listPatchBoundaries } from '$lib/server/queries/patch-boundaries';
import { getProgramme } from '$lib/server/queries/patches';
import { readNeighbourhoodQuery } from './find-neighbourhood';
import type { PageServerLoad } from './$types';

/**
 * A postcode or point inside a patch goes to its page (in the page's language); anything else gets
 * a plain message.
 */
export const load: PageServerLoad = ({ url }) => {
	const db = getDb();
	const lang = pageLang();
	const query = readNeighbourhoodQuery(url.searchParams);
	let message: string | null = null;
	if (query.kind === 'postcode') {
		const found = lookupPostcode(db, query.postcode);
		const patch = found && findPatchForPoint(db, [found.lon, found.lat]);
		if (patch) redirect(303, href(`/patches/${patch.slug}`));
		message = found
			? m.nbhd_outside({ place: query.postcode })
			: m.nbhd_not_found({ postcode: query.postcode });
	} else if (query.kind === 'point') {
		const patch = findPatchForPoint(db, query.point);
		if (patch) redirect(303, href(`/patches/${patch.slug}`));
		message = m.nbhd_outside_point();
	} else if (query.kind === 'off-globe') message = m.nbhd_off_globe();
	else if (query.kind === 'not-postcode') message = m.nbhd_not_postcode({ text: query.text });

	const programme = getProgramme(db);
	// Names in the page's language where the patch has one; `lang` marks English on a Welsh page.
	const patches = (programme ? listPatchBoundaries(db, programme.id, { published: true }) : []).map(
		({ nameCy, ...patch }) => {
			const name = localText(patch.name, nameCy, lang);
			return { ...patch, name: name.text, lang: name.lang };
		}
	);
	return {
		message,
		postcode: query.kind === 'postcode' ? query.postcode : '',
		patches: sortByName(patches, lang)
	};
};
