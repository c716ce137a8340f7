/**
 * Archive entries nobody has checked for longer than the programme's archive_after_months (never
 * delete them): status archived, archived_at now, archived_reason 'unchecked', one audit row each with
 * no actor. An entry never checked counts from the day it was created. Running it twice on a day
 * archives nothing the second time.
 */
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { freshnessCutoffs } from '../../domain/freshness';
import { recordChange } from '../staff/audit';
import { getFreshnessSettings } from '../staff/freshness';
import { listPatchIdsOfEntry } from '../staff/entry-patches';

export interface AutoArchiveSummary {
	/** The London date the run counted from. */
	today: string;
	archiveAfterMonths: number;
	/** Entries checked before this date (or created before it and never checked) were archived. */
	cutoff: string;
	archived: number;
	/** The archived entries' ids (at most 200, for the log). */
	ids: number[];
}

export function autoArchiveUnchecked(db: Db, today: string): AutoArchiveSummary {
	const settings = getFreshnessSettings(db);
	const cutoff = freshnessCutoffs(settings, today).archive;
	return db.transaction((tx) => {
		const due = tx
			.select({
				id: t.assets.id,
				version: t.assets.version,
				lastVerifiedOn: t.assets.lastVerifiedOn
			})
			.from(t.assets)
			.where(
				and(
					eq(t.assets.status, 'published'),
					or(
						lt(t.assets.lastVerifiedOn, cutoff),
						and(
							isNull(t.assets.lastVerifiedOn),
							lt(sql`substr(${t.assets.createdAt}, 1, 10)`, cutoff)
						)
					)
				)
			)
			.orderBy(asc(t.assets.id))
			.all();
		const archivedAt = new Date().toISOString();
		for (const entry of due) {
			const after = {
				status: 'archived' as const,
				archivedAt,
				archivedReason: 'unchecked' as const,
				version: entry.version + 1
			};
			const result = tx
				.update(t.assets)
				.set({ ...after, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
				.where(and(eq(t.assets.id, entry.id), eq(t.assets.version, entry.version)))
				.run();
			if (result.changes !== 1) throw new Error(`Entry ${entry.id} changed while it was archived`);
			recordChange(tx, {
				actorId: null,
				action: 'entry.archived',
				entity: 'entry',
				entityId: entry.id,
				before: {
					status: 'published',
					lastVerifiedOn: entry.lastVerifiedOn,
					version: entry.version
				},
				after,
				patchIds: listPatchIdsOfEntry(tx as unknown as Db, entry.id),
				note: `Not checked for over ${settings.archiveAfterMonths} months: archived automatically`
			});
		}
		return {
			today,
			archiveAfterMonths: settings.archiveAfterMonths,
			cutoff,
			archived: due.length,
			ids: due.slice(0, 200).map((e) => e.id)
		};
	});
}
