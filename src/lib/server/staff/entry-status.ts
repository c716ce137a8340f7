/**
 * Publishing, archiving and restoring an entry from the editor: the same version check, audit row and
 * row-count check as a save (./entries.ts), for a change of status only.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { Actor } from '../../domain/permissions';
import type { AssetStatus } from '../../domain/vocabulary';
import { recordChange } from './audit';
import {
	EntryNotFoundError,
	expectChanges,
	getEntryForEditing,
	readEntry,
	StaleVersion,
	type StoredEntry
} from './entries';

export type StatusResult =
	| { ok: true; version: number }
	| { ok: false; conflict: StoredEntry }
	/** The entry is not in a state this applies to (e.g. publishing one that is not a draft). */
	| { ok: false; refused: string };

interface StatusChange {
	action: string;
	/** The statuses this change applies to. */
	from: readonly AssetStatus[];
	refused: string;
	set: (current: StoredEntry) => Partial<typeof t.assets.$inferInsert>;
}

function changeStatus(
	db: Db,
	actor: Actor,
	id: number,
	baseVersion: number,
	change: StatusChange
): StatusResult {
	const current = getEntryForEditing(db, actor, id);
	if (current.version !== baseVersion) return { ok: false, conflict: current };
	if (!change.from.includes(current.data.status)) return { ok: false, refused: change.refused };
	const values = {
		...change.set(current),
		version: baseVersion + 1,
		updatedAt: new Date().toISOString()
	};
	const before = {
		status: current.data.status,
		archivedAt: current.archivedAt,
		archivedReason: current.archivedReason,
		mergedIntoId: current.mergedIntoId,
		version: current.version
	};
	try {
		db.transaction((tx) => {
			const updated = tx
				.update(t.assets)
				.set(values)
				.where(and(eq(t.assets.id, id), eq(t.assets.version, baseVersion)))
				.run();
			if (updated.changes === 0) throw new StaleVersion();
			expectChanges(updated, 1, 'the entry');
			recordChange(tx, {
				actorId: actor.id,
				action: change.action,
				entity: 'entry',
				entityId: id,
				before,
				after: {
					status: values.status,
					archivedAt: values.archivedAt ?? null,
					archivedReason: values.archivedReason ?? null,
					mergedIntoId: values.mergedIntoId ?? before.mergedIntoId,
					version: values.version
				},
				patchIds: current.patchIds
			});
		});
	} catch (error) {
		if (!(error instanceof StaleVersion)) throw error;
		const now = readEntry(db, id);
		if (!now) throw new EntryNotFoundError(id);
		return { ok: false, conflict: now };
	}
	return { ok: true, version: values.version };
}

/** Makes a draft public (for a private informal support, public only once consent says so). */
export function publishEntry(db: Db, actor: Actor, id: number, baseVersion: number) {
	return changeStatus(db, actor, id, baseVersion, {
		action: 'entry.published',
		from: ['draft'],
		refused: 'Only a draft can be published',
		set: () => ({ status: 'published' })
	});
}

/** Takes an entry out of the directory, never deleting it; Restore brings it back. */
export function archiveEntry(db: Db, actor: Actor, id: number, baseVersion: number) {
	return changeStatus(db, actor, id, baseVersion, {
		action: 'entry.archived',
		from: ['draft', 'published'],
		refused: 'This entry is already archived',
		set: () => ({
			status: 'archived',
			archivedAt: new Date().toISOString(),
			archivedReason: 'by_hand'
		})
	});
}

/**
 * Brings an archived entry back as it was before (draft or published, from the audit row that
 * archived it; published when no row says, as the freshness job archives published entries).
 */
export function restoreEntry(db: Db, actor: Actor, id: number, baseVersion: number) {
	return changeStatus(db, actor, id, baseVersion, {
		action: 'entry.restored',
		from: ['archived'],
		refused: 'Only an archived entry can be restored',
		set: () => ({
			status: statusBeforeArchiving(db, id),
			archivedAt: null,
			archivedReason: null,
			mergedIntoId: null
		})
	});
}

function statusBeforeArchiving(db: Db, id: number): AssetStatus {
	const rows = db
		.select({ detail: t.auditLog.detail })
		.from(t.auditLog)
		.where(and(eq(t.auditLog.entity, 'entry'), eq(t.auditLog.entityId, String(id))))
		.orderBy(desc(t.auditLog.id))
		.limit(50)
		.all();
	for (const { detail } of rows) {
		const before = detail?.before as { status?: unknown } | null | undefined;
		const after = detail?.after as { status?: unknown } | null | undefined;
		if (after?.status !== 'archived') continue;
		if (before?.status === 'draft' || before?.status === 'published') return before.status;
		break;
	}
	return 'published';
}
