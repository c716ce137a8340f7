/**
 * The small areas the patch editor estimates with, as JSON: all of a population set's when it is
 * small enough, otherwise those whose box meets ?bbox=west,south,east,north.
 * Council and admin only (layouts do not guard endpoints, so this checks itself).
 */
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { getSizingContext } from '$lib/server/sizing';
import { getProgramme } from '$lib/server/queries/patches';
import { listSmallAreasNear } from '$lib/server/queries/patch-boundaries';
import type { SmallAreasResponse } from '$lib/map/editor/live-estimator';
import type { RequestHandler } from './$types';

const boxSchema = z
	.string()
	.transform((text) => text.split(',').map((part) => Number(part.trim())))
	.pipe(
		z.tuple([
			z.number().min(-180).max(180),
			z.number().min(-90).max(90),
			z.number().min(-180).max(180),
			z.number().min(-90).max(90)
		])
	)
	.refine(
		([w, s, e, n]) => w <= e && s <= n,
		'West must not be east of east, nor south north of north'
	)
	.transform(([minLon, minLat, maxLon, maxLat]) => ({ minLon, minLat, maxLon, maxLat }));

const querySchema = z.object({
	bbox: boxSchema.optional(),
	set: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()
});

export const GET: RequestHandler = ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const parsed = querySchema.safeParse({
		bbox: url.searchParams.get('bbox') ?? undefined,
		set: url.searchParams.get('set') ?? undefined
	});
	if (!parsed.success)
		error(400, 'Give bbox as west,south,east,north in degrees, and set as a number');

	const db = getDb();
	const programme = getProgramme(db);
	const context = programme && getSizingContext(db, programme.id, parsed.data.set);
	if (!context) error(404, 'There are no population figures for this programme yet');

	const near = listSmallAreasNear(db, context.populationSet.id, parsed.data.bbox ?? null);
	if (!near.ok) {
		error(
			near.reason === 'box_needed' ? 400 : 413,
			near.reason === 'box_needed'
				? 'This programme has too many small areas to send at once: give a bbox'
				: 'That box holds too many small areas to estimate in the browser: draw a smaller patch'
		);
	}
	const body: SmallAreasResponse = {
		complete: near.complete,
		box: near.box,
		smallAreas: near.smallAreas
	};
	return json(body, { headers: { 'Cache-Control': 'private, no-store' } });
};
