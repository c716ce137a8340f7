/** Audit rows for account events. Never pass a password, a hash or a token in `detail`. */
import { auditLog } from '../db/schema';
import type { Db } from '../db/client';

export type AccountAction =
	| 'user.created'
	| 'user.signed_in'
	| 'user.sign_in_failed'
	/** Refused by a sign-in limit: one row per limit and window, counting them (rate-limit.ts). */
	| 'user.sign_in_refused'
	| 'user.signed_out'
	| 'user.password_set';

/** Record an account event (inside a transaction too: it only needs `insert`) against the user it concerns (null when there is no such user). */
export function recordAccountEvent(
	db: Pick<Db, 'insert'>,
	event: {
		action: AccountAction;
		userId: number | null;
		actorId?: number | null;
		detail?: Record<string, unknown>;
	}
): void {
	db.insert(auditLog)
		.values({
			// userId is who acted; for a sign-in that is the user themself, for the CLI nobody.
			userId: event.actorId === undefined ? event.userId : event.actorId,
			action: event.action,
			entity: 'user',
			entityId: event.userId === null ? null : String(event.userId),
			detail: event.detail ?? null
		})
		.run();
}
