import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import { AUDIT_PAGE_SIZE, listAuditPeople, listAuditRows } from '$lib/server/staff/audit-log';
import { auditScope } from '$lib/domain/permissions';
import { parseAuditQuery } from '$lib/domain/audit-query';
import {
	AUDIT_ENTITIES,
	actionLabel,
	actorName,
	entityLabel,
	viewDetail,
	type AuditRowLike
} from '$lib/domain/audit';
import { formatDateTime, formatNumber } from '$lib/domain/format';
import type { PageServerLoad } from './$types';

/** Where a row's record can be seen, for this reader, if anywhere. */
function recordHref(row: AuditRowLike, isAdmin: boolean): string | null {
	if (!row.entityId || !/^\d+$/.test(row.entityId)) return null;
	if (row.entity === 'entry') return `/assets/${row.entityId}`;
	if (row.entity === 'user' && isAdmin) return `/admin/users/${row.entityId}`;
	return null;
}

export const load: PageServerLoad = ({ locals, url }) => {
	// Every staff role reads the log; what they see is scoped below.
	const user = requireRole(locals, url, 'coordinator', 'council');
	const db = getDb();
	const actor = actorFor(db, user);
	const scope = auditScope(actor);
	const { query, errors, values } = parseAuditQuery(url.searchParams);
	const { rows, total } = listAuditRows(db, scope, query);
	const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
	const isAdmin = user.role === 'admin';

	const pageHref = (page: number) => {
		const params = new URLSearchParams();
		for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
		if (page > 1) params.set('page', String(page));
		const search = params.toString();
		return `/audit${search ? `?${search}` : ''}`;
	};
	const filterSearch = new URLSearchParams(
		Object.entries(values).filter(([, value]) => value !== '')
	).toString();

	return {
		rows: rows.map((row) => ({
			id: row.id,
			when: formatDateTime(row.at),
			who: actorName(row),
			action: actionLabel(row.action),
			record: entityLabel(row.entity),
			recordId: row.entityId,
			recordHref: recordHref(row, isAdmin),
			...viewDetail(row.detail)
		})),
		total: formatNumber(total),
		totalCount: total,
		page: query.page,
		pageCount,
		previousHref: query.page > 1 ? pageHref(query.page - 1) : null,
		nextHref: query.page < pageCount ? pageHref(query.page + 1) : null,
		filters: values,
		errors,
		people: listAuditPeople(db).map((p) => ({ value: String(p.id), label: p.name })),
		entities: Object.entries(AUDIT_ENTITIES).map(([value, label]) => ({ value, label })),
		scoped: scope !== null,
		hasPatches: actor.patchIds.length > 0,
		csvHref:
			user.role === 'council' || isAdmin
				? `/audit.csv${filterSearch ? `?${filterSearch}` : ''}`
				: null
	};
};
