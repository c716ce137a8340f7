/**
 * The audit log as a CSV download, with the page's filters. Council and admin only; every cell that
 * could run as a spreadsheet formula is neutralised.
 */
import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import { listAuditRowsForExport } from '$lib/server/staff/audit-log';
import { auditScope } from '$lib/domain/permissions';
import { parseAuditQuery } from '$lib/domain/audit-query';
import { auditRowsToCsv } from '$lib/domain/audit';
import { londonDate } from '$lib/domain/sessions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => {
	const user = requireRole(locals, url, 'council');
	const { query, errors } = parseAuditQuery(url.searchParams);
	const problem = errors.from ?? errors.to;
	if (problem) error(400, problem);
	const db = getDb();
	const rows = listAuditRowsForExport(db, auditScope(actorFor(db, user)), query);
	return new Response(auditRowsToCsv(rows), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8; header=present',
			'Content-Disposition': `attachment; filename="audit-log-${londonDate(new Date())}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
