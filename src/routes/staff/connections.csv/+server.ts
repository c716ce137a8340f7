/** The connections log's counts as CSV: the same rows, and the same small-count rule, as the page. */
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import { countConnections } from '$lib/server/finder/connections';
import { countRows, countsCsv } from '$lib/domain/finder/log';
import { londonDate } from '$lib/domain/sessions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => {
	const user = requireRole(locals, url, 'coordinator', 'council');
	const db = getDb();
	const csv = countsCsv(countRows(countConnections(db), actorFor(db, user).patchIds));
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="connections-${londonDate(new Date())}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
