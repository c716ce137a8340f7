import { z } from 'zod';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { checkProgrammeSizingSoon } from '$lib/server/sizing';
import { getProgramme } from '$lib/server/queries/patches';
import {
	listPatchBoundaries,
	listPopulationSets,
	listSmallAreaOutlines
} from '$lib/server/queries/patch-boundaries';
import { deletedPatchName } from '$lib/server/queries/patch-lifecycle';
import { parseSizingQuery } from '$lib/components/sizing/query';
import { sizingRows, sortRows } from '$lib/components/sizing/rows';
import { areasFromPatches } from '$lib/map/geojson';
import type { AreaCollection } from '$lib/map/types';
import type { PageServerLoad } from './$types';

/** More small areas than this are left off the map (the page would be megabytes); the table has every patch. */
const MAX_OUTLINES = 5000;

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const db = getDb();
	const parsed = parseSizingQuery(url.searchParams);
	const programme = getProgramme(db);
	if (!programme) return { query: parsed, sizing: null, populationSets: [], notice: null };

	const populationSets = listPopulationSets(db, programme.id);
	// A set of another programme, or one that has gone, is ignored like any bad value.
	const set = populationSets.some((s) => s.id === parsed.set) ? parsed.set : undefined;
	const query = { ...parsed, set };
	const check = await checkProgrammeSizingSoon(db, programme.id, {
		method: query.method,
		populationSetId: set
	});
	if (!check) return { query, sizing: null, populationSets, notice: null };

	const patches = listPatchBoundaries(db, programme.id);
	// Only published patches have a public page to link to.
	const slugs = new Map<number | string, string>(
		patches.filter((p) => p.status === 'active').map((p) => [p.id, p.slug])
	);
	const byId = new Map(patches.map((p) => [p.id, p]));
	const rows = sortRows(sizingRows(check.patches, slugs), query.sort, query.dir).map((row) => ({
		...row,
		planned: byId.get(Number(row.id))?.status === 'planned',
		locked: byId.get(Number(row.id))?.locked === true
	}));
	const bands = new Map(check.patches.map((p) => [p.id, p.band]));
	const areas = areasFromPatches(
		patches.map((p) => ({ ...p, band: bands.get(p.id) ?? null })),
		(p) => `/patches/${p.slug}`
	);
	const outlineRows = listSmallAreaOutlines(db, check.context.populationSet.id, MAX_OUTLINES);
	const outlines: AreaCollection | null = outlineRows && {
		type: 'FeatureCollection',
		features: outlineRows.map(({ code, geometry }) => ({
			type: 'Feature',
			geometry,
			properties: { id: code, name: code }
		}))
	};

	return {
		query,
		populationSets,
		sizing: {
			programme: check.context.programme,
			populationSet: check.context.populationSet,
			points: check.context.points,
			limits: check.limits,
			method: check.method,
			rows,
			totals: check.totals,
			overlaps: check.overlaps.map(({ aName, bName, people }) => ({
				aName,
				bName,
				people: Math.round(people)
			})),
			uncoveredAreas: check.uncoveredAreas.length,
			areas,
			outlines
		},
		notice: noticeFor(url.searchParams, rows) ?? deletedNotice(db, url.searchParams)
	};
};

/** After deleting a patch its page sends people here with ?deleted=id: its name is in the audit log. */
function deletedNotice(db: ReturnType<typeof getDb>, params: URLSearchParams) {
	const id = idParam.safeParse(params.get('deleted'));
	const name = id.success ? deletedPatchName(db, id.data) : null;
	return name ? { kind: 'deleted' as const, name, problems: [] } : null;
}

/** After a save the editor sends people here with ?saved=id (or ?added=id): say what happened. */
function noticeFor(params: URLSearchParams, rows: ReturnType<typeof sizingRows>) {
	for (const kind of ['saved', 'added'] as const) {
		const id = idParam.safeParse(params.get(kind));
		if (!id.success) continue;
		const row = rows.find((r) => r.id === id.data);
		if (row) return { kind, name: row.name, problems: row.problems.map((p) => p.message) };
	}
	return null;
}
