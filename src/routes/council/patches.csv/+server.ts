/**
 * The patch-sizing table as a CSV download, in the same method, population set and order as the
 * page it is linked from. Council and admin only (layouts do not guard endpoints).
 */
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { sizingForDownload } from '$lib/server/sizing-download';
import { sizingRows, sortRows } from '$lib/components/sizing/rows';
import { londonDate } from '$lib/domain/sessions';
import { sizingReportCsv } from '$lib/domain/sizing-report';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const { query, check } = await sizingForDownload(getDb(), url.searchParams);
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
