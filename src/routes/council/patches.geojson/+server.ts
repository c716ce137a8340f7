/**
 * The patches as a GeoJSON download (boundaries with their figures), in the method and population
 * set of the page it is linked from. Council and admin only (layouts do not guard endpoints).
 */
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { listPatchBoundaries } from '$lib/server/queries/patch-boundaries';
import { sizingForDownload } from '$lib/server/sizing-download';
import { londonDate } from '$lib/domain/sessions';
import { patchesGeojson } from '$lib/domain/sizing-geojson';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const db = getDb();
	const { programme, check } = await sizingForDownload(db, url.searchParams);
	const collection = patchesGeojson(check, listPatchBoundaries(db, programme.id), check.context);
	return new Response(JSON.stringify(collection), {
		headers: {
			'Content-Type': 'application/geo+json; charset=utf-8',
			'Content-Disposition': `attachment; filename="patches-${londonDate(new Date())}.geojson"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
