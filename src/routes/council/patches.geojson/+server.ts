/**
 * The patches as a GeoJSON download (boundaries with their figures), in the method and population
 * set of the page it is linked from. Council and admin only (layouts do not guard endpoints).
 */
import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { checkProgrammeSizing } from '$lib/server/sizing';
import { getProgramme } from '$lib/server/queries/patches';
import { listPatchBoundaries, listPopulationSets } from '$lib/server/queries/patch-boundaries';
import { parseSizingQuery } from '$lib/components/sizing/query';
import { londonDate } from '$lib/domain/sessions';
import { patchesGeojson } from '$lib/domain/sizing-geojson';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const db = getDb();
	const query = parseSizingQuery(url.searchParams);
	const programme = getProgramme(db);
	if (!programme) error(404, 'There is no programme yet');
	const sets = listPopulationSets(db, programme.id);
	const set = sets.some((s) => s.id === query.set) ? query.set : undefined;
	const check = checkProgrammeSizing(db, programme.id, {
		method: query.method,
		populationSetId: set
	});
	if (!check) error(404, 'There are no population figures to size patches with yet');
	const collection = patchesGeojson(check, listPatchBoundaries(db, programme.id), check.context);
	return new Response(JSON.stringify(collection), {
		headers: {
			'Content-Type': 'application/geo+json; charset=utf-8',
			'Content-Disposition': `attachment; filename="patches-${londonDate(new Date())}.geojson"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
