/**
 * Audit rows for changes people make to the directory and its settings: who, what, and the record
 * before and after, with the patches it concerns so a coordinator can read their own patches' log.
 * Never put a password, token or hash in `before` or `after`.
 */
import { auditLog } from '../db/schema';
import type { Db } from '../db/client';

export interface AuditedChange {
	/** Who acted (null: the system, e.g. a daily job or an emailed link). */
	actorId: number | null;
	/** e.g. 'entry.updated', 'entry.archived', 'suggestion.approved', 'user.disabled'. */
	action: string;
	/** 'entry', 'suggestion', 'patch', 'user', 'programme', 'presence' … */
	entity: string;
	entityId: number | string | null;
	before?: Record<string, unknown> | null;
	after?: Record<string, unknown> | null;
	/** The patches the change concerns (an entry's patches); empty when none. */
	patchIds?: readonly number[];
	/** Anything else worth keeping, e.g. a reason. */
	note?: string;
}

/** Write one audit row (works inside a transaction: it only needs `insert`). */
export function recordChange(db: Pick<Db, 'insert'>, change: AuditedChange): void {
	const detail: Record<string, unknown> = { patchIds: [...(change.patchIds ?? [])] };
	if (change.before !== undefined) detail.before = change.before;
	if (change.after !== undefined) detail.after = change.after;
	if (change.note !== undefined) detail.note = change.note;
	db.insert(auditLog)
		.values({
			userId: change.actorId,
			action: change.action,
			entity: change.entity,
			entityId: change.entityId === null ? null : String(change.entityId),
			detail
		})
		.run();
}
