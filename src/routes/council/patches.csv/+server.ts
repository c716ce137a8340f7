/**
 * The patch-sizing table as a CSV download, in the same method, population set and order as the
 * page it is linked from. Council and admin only (layouts do not guard endpoints).
 */
import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { checkProgrammeSizing } from '$lib/server/sizing';
import { getProgramme } from '$lib/server/queries/patches';
import { listPopulationSets } from '$lib/server/queries/patch-boundaries';
import { parseSizingQuery } from '$lib/components/sizing/query';
import { sizingRows, sortRows } from '$lib/components/sizing/rows';
import { londonDate } from '$lib/domain/sessions';
import { sizingReportCsv } from '$lib/domain/sizing-report';
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

	const order = sortRows(sizingRows(check.patches, new Map()), query.sort, query.dir).map(
		(row) => row.id
	);
	const byId = new Map(check.patches.map((patch) => [patch.id, patch]));
	const sorted = { ...check, patches: order.map((id) => byId.get(id)!) };
	const csv = sizingReportCsv(sorted, check.context);
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="patch-sizing-${londonDate(new Date())}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
