/**
 * The sizing check behind the council's downloads (CSV table, GeoJSON boundaries), in the method and
 * population set the page's query names: a set that is not the programme's falls back to its default.
 */
import { error } from '@sveltejs/kit';
import type { Db } from '$lib/server/db';
import { checkProgrammeSizingSoon } from '$lib/server/sizing';
import { getProgramme } from '$lib/server/queries/patches';
import { listPopulationSets } from '$lib/server/queries/patch-boundaries';
import { parseSizingQuery } from '$lib/components/sizing/query';

/** The programme, the page's query and its check; 404 with a plain reason when there is none. */
export async function sizingForDownload(db: Db, params: URLSearchParams) {
	const query = parseSizingQuery(params);
	const programme = getProgramme(db);
	if (!programme) error(404, 'There is no programme yet');
	const sets = listPopulationSets(db, programme.id);
	const set = sets.some((s) => s.id === query.set) ? query.set : undefined;
	const check = await checkProgrammeSizingSoon(db, programme.id, {
		method: query.method,
		populationSetId: set
	});
	if (!check) error(404, 'There are no population figures to size patches with yet');
	return { programme, query, check };
}
