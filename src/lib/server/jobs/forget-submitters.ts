/**
 * Delete the name and email of whoever sent a suggestion once it has been closed (accepted or rejected)
 * for more than 90 days: personal data kept no longer than moderation needs it (UK GDPR storage
 * limitation). The suggestion itself stays, without them.
 */
import { and, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';

export const SUBMITTER_RETENTION_DAYS = 90;

export interface ForgetSubmittersSummary {
	today: string;
	/** Suggestions closed before this date lost their submitter's name and email. */
	closedBefore: string;
	cleared: number;
}

/** The date `days` days before a 'YYYY-MM-DD' date. */
function daysBefore(iso: string, days: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/** Closed on `today` less 91 days or earlier: cleared; closed 90 days ago or later: kept. */
export function forgetOldSubmitters(db: Db, today: string): ForgetSubmittersSummary {
	const closedBefore = daysBefore(today, SUBMITTER_RETENTION_DAYS);
	const result = db
		.update(t.suggestions)
		.set({
			submitterName: null,
			submitterEmail: null,
			updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`
		})
		.where(
			and(
				inArray(t.suggestions.status, ['accepted', 'rejected']),
				lt(sql`substr(${t.suggestions.reviewedAt}, 1, 10)`, closedBefore),
				or(isNotNull(t.suggestions.submitterName), isNotNull(t.suggestions.submitterEmail))
			)
		)
		.run();
	return { today, closedBefore, cleared: result.changes };
}
