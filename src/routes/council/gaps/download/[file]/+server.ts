/**
 * The Gaps page's tables as downloads, for the same threshold, method and category as the page:
 * the patch × category table, the time-of-week grids and the small areas (CSV, formula-safe), and the
 * small areas with their boundaries as GeoJSON (which the page's map also draws). Council and admin
 * only (layouts do not guard endpoints).
 */
import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { runGaps, UnknownCategoryError } from '$lib/server/gaps';
import { listSmallAreaOutlines } from '$lib/server/queries/patch-boundaries';
import { parseGapQuery } from '$lib/domain/gaps/options';
import {
	patchCategoryCsv,
	smallAreasCsv,
	smallAreasGeoJson,
	timeOfWeekCsv
} from '$lib/domain/gaps/report-output';
import { londonDate } from '$lib/domain/sessions';
import { isMostDeprived } from '$lib/domain/gaps/types';
import type { RequestHandler } from './$types';

const FILES = [
	'patch-categories.csv',
	'time-of-week.csv',
	'small-areas.csv',
	'small-areas.geojson'
];

export const GET: RequestHandler = ({ locals, url, params }) => {
	requireRole(locals, url, 'council');
	if (!FILES.includes(params.file)) error(404, 'There is no such download');
	const { query, errors } = parseGapQuery(url.searchParams);
	if (errors.length) error(400, errors.join(' '));
	const db = getDb();
	let run;
	try {
		run = runGaps(db, query);
	} catch (problem) {
		if (problem instanceof UnknownCategoryError) error(400, problem.message);
		throw problem;
	}
	if (!run) error(404, 'There is no programme yet');
	const { report, inputs } = run;
	const [name, extension] = params.file.split('.');
	let body: string;
	if (params.file === 'patch-categories.csv') body = patchCategoryCsv(report);
	else if (params.file === 'time-of-week.csv') body = timeOfWeekCsv(report);
	else if (params.file === 'small-areas.csv') body = smallAreasCsv(report, inputs.areas);
	else {
		const outlines =
			run.populationSetId === null ? null : listSmallAreaOutlines(db, run.populationSetId);
		const boundaries = new Map(outlines?.map((o) => [o.code, o.geometry]));
		// The map of the most deprived 20% draws only their small areas.
		const keep =
			query.deprivation === 'most' && report.method.deprivation !== null
				? isMostDeprived
				: undefined;
		body = JSON.stringify(
			smallAreasGeoJson(report, inputs.areas, (code) => boundaries.get(code), keep)
		);
	}
	return new Response(body, {
		headers: {
			'Content-Type':
				extension === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8',
			'Content-Disposition': `attachment; filename="gaps-${name}-${londonDate(new Date())}.${extension}"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
