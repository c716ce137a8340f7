/**
 * Reading the audit log: newest first, filtered by who, what and when, and limited to what the reader
 * may see (src/lib/domain/permissions auditScope: everything for council and admin, rows about their
 * own patches for a coordinator).
 */
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog, users } from '../db/schema';
import type { Db } from '../db/client';
import { atRange, type AuditQuery } from '../../domain/audit-query';

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV download holds; the page says to narrow the filters past that. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

export interface AuditRow {
	id: number;
	at: string;
	userId: number | null;
	userName: string | null;
	action: string;
	entity: string;
	entityId: string | null;
	detail: Record<string, unknown> | null;
}

/** The conditions of a query, or null when the scope lets the reader see nothing at all. */
function conditions(scope: readonly number[] | null, query: AuditQuery): SQL | undefined | null {
	if (scope !== null && scope.length === 0) return null;
	const { since, before } = atRange(query);
	const patchIds = scope === null ? null : scope.map((id) => Math.trunc(id));
	return and(
		patchIds === null
			? undefined
			: sql`EXISTS (SELECT 1 FROM json_each(${auditLog.detail}, '$.patchIds') AS p
				WHERE p.value IN (${sql.join(
					patchIds.map((id) => sql`${id}`),
					sql`, `
				)}))`,
		query.userId === null ? undefined : eq(auditLog.userId, query.userId),
		query.entity === null ? undefined : eq(auditLog.entity, query.entity),
		since === null ? undefined : gte(auditLog.at, since),
		before === null ? undefined : lt(auditLog.at, before)
	);
}

function select(db: Db, where: SQL | undefined) {
	return db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			userId: auditLog.userId,
			userName: users.displayName,
			action: auditLog.action,
			entity: auditLog.entity,
			entityId: auditLog.entityId,
			detail: auditLog.detail
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.where(where)
		.orderBy(desc(auditLog.at), desc(auditLog.id));
}

/**
 * One page of audit rows the reader may see, newest first, and how many there are in all.
 * @param scope from auditScope(actor): null for everything, else the reader's patch ids
 */
export function listAuditRows(
	db: Db,
	scope: readonly number[] | null,
	query: AuditQuery,
	pageSize = AUDIT_PAGE_SIZE
): { rows: AuditRow[]; total: number } {
	const where = conditions(scope, query);
	if (where === null) return { rows: [], total: 0 };
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(auditLog)
			.where(where)
			.get()?.n ?? 0;
	const rows = select(db, where)
		.limit(pageSize)
		.offset((query.page - 1) * pageSize)
		.all();
	return { rows, total };
}

/** Every row the filters keep (up to AUDIT_CSV_MAX_ROWS), for the CSV download. */
export function listAuditRowsForExport(
	db: Db,
	scope: readonly number[] | null,
	query: AuditQuery
): AuditRow[] {
	const where = conditions(scope, query);
	if (where === null) return [];
	return select(db, where).limit(AUDIT_CSV_MAX_ROWS).all();
}

/** People who can be chosen in the "who" filter: every user, by name. */
export function listAuditPeople(db: Db): { id: number; name: string }[] {
	return db
		.select({ id: users.id, name: users.displayName })
		.from(users)
		.orderBy(asc(users.displayName))
		.all();
}
