/**
 * Freshness for staff: the programme's settings, the entries due for a check or stale in some
 * patches, "still true" checks, and restoring an entry the daily job archived. Every change is one
 * transaction with its audit rows.
 */
import { and, asc, count, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { canChangeProgrammeSettings, canEditEntry, type Actor } from '../../domain/permissions';
import {
	DEFAULT_FRESHNESS,
	freshnessCutoffs,
	freshnessState,
	type FreshnessSettings,
	type FreshnessState
} from '../../domain/freshness';
import type { AssetKind, Verifier } from '../../domain/vocabulary';
import { recordChange } from './audit';
import { listEntryIdsInPatches, listPatchIdsOfEntry } from './entry-patches';

/** The programme's freshness settings (the first programme: one per site), or the defaults. */
export function getFreshnessSettings(db: Db): FreshnessSettings & { programmeId: number | null } {
	const row = db
		.select({
			programmeId: t.programmes.id,
			checkDueMonths: t.programmes.checkDueMonths,
			checkStaleMonths: t.programmes.checkStaleMonths,
			archiveAfterMonths: t.programmes.archiveAfterMonths
		})
		.from(t.programmes)
		.orderBy(asc(t.programmes.id))
		.get();
	return row ?? { programmeId: null, ...DEFAULT_FRESHNESS };
}

export class NotAllowedError extends Error {
	constructor(message = 'You do not have permission to do this') {
		super(message);
	}
}

/** Change the programme's freshness settings, audited. Council and admin only. */
export function updateFreshnessSettings(
	db: Db,
	actor: Actor,
	values: FreshnessSettings
): { changed: boolean } {
	if (!canChangeProgrammeSettings(actor)) throw new NotAllowedError();
	return db.transaction((tx) => {
		const before = getFreshnessSettings(tx as unknown as Db);
		if (before.programmeId === null) throw new Error('There is no programme to change');
		const { programmeId, ...beforeValues } = before;
		const same =
			beforeValues.checkDueMonths === values.checkDueMonths &&
			beforeValues.checkStaleMonths === values.checkStaleMonths &&
			beforeValues.archiveAfterMonths === values.archiveAfterMonths;
		if (same) return { changed: false };
		const result = tx
			.update(t.programmes)
			.set({ ...values, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
			.where(eq(t.programmes.id, programmeId))
			.run();
		if (result.changes !== 1) throw new Error('The settings were not saved');
		recordChange(tx, {
			actorId: actor.id,
			action: 'programme.freshness_changed',
			entity: 'programme',
			entityId: programmeId,
			before: beforeValues,
			after: { ...values }
		});
		return { changed: true };
	});
}

/**
 * The published entries a person may check, as a condition: in their patches (coordinator), or all
 * (council and admin, optionally narrowed to one patch). Null means "none".
 */
function scopeCondition(db: Db, patchIds: readonly number[] | null): SQL | undefined | null {
	if (patchIds === null) return undefined;
	const ids = listEntryIdsInPatches(db, patchIds, ['published']);
	if (ids.size === 0) return null;
	return inArray(t.assets.id, [...ids]);
}

/** An entry on the to-check list. */
export interface EntryToCheck {
	id: number;
	name: string;
	kind: AssetKind;
	lastVerifiedOn: string | null;
	lastVerifiedVia: Verifier | null;
	state: FreshnessState;
}

/**
 * Published entries due for a check or stale (or worse), most overdue first (never checked first,
 * then the oldest check), a page at a time. `patchIds` null: every patch.
 */
export function listEntriesToCheck(
	db: Db,
	{
		patchIds,
		today,
		settings,
		page = 1,
		perPage = 25
	}: {
		patchIds: readonly number[] | null;
		today: string;
		settings: FreshnessSettings;
		page?: number;
		perPage?: number;
	}
): { rows: EntryToCheck[]; total: number; page: number; pageCount: number } {
	const scope = scopeCondition(db, patchIds);
	if (scope === null) return { rows: [], total: 0, page: 1, pageCount: 1 };
	const { due } = freshnessCutoffs(settings, today);
	const where = and(
		eq(t.assets.status, 'published'),
		or(isNull(t.assets.lastVerifiedOn), lt(t.assets.lastVerifiedOn, due)),
		scope
	);
	const total = db.select({ n: count() }).from(t.assets).where(where).get()?.n ?? 0;
	const pageCount = Math.max(1, Math.ceil(total / perPage));
	const current = Math.min(Math.max(1, page), pageCount);
	const rows = db
		.select({
			id: t.assets.id,
			name: t.assets.name,
			kind: t.assets.kind,
			lastVerifiedOn: t.assets.lastVerifiedOn,
			lastVerifiedVia: t.assets.lastVerifiedVia,
			createdAt: t.assets.createdAt
		})
		.from(t.assets)
		.where(where)
		// NULLs sort first in SQLite's ascending order: never checked is the most overdue.
		.orderBy(asc(t.assets.lastVerifiedOn), asc(t.assets.id))
		.limit(perPage)
		.offset((current - 1) * perPage)
		.all();
	return {
		rows: rows.map(({ createdAt, ...row }) => ({
			...row,
			state: freshnessState(row.lastVerifiedOn, settings, today, createdAt)
		})),
		total,
		page: current,
		pageCount
	};
}

/** How many published entries are due for a check, and how many of those are stale (or worse). */
export function countEntriesToCheck(
	db: Db,
	{
		patchIds,
		today,
		settings
	}: { patchIds: readonly number[] | null; today: string; settings: FreshnessSettings }
): { due: number; stale: number } {
	const scope = scopeCondition(db, patchIds);
	if (scope === null) return { due: 0, stale: 0 };
	const cutoffs = freshnessCutoffs(settings, today);
	const row = db
		.select({
			due: sql<number>`coalesce(sum(${t.assets.lastVerifiedOn} IS NULL OR ${t.assets.lastVerifiedOn} < ${cutoffs.due}), 0)`,
			stale: sql<number>`coalesce(sum(${t.assets.lastVerifiedOn} IS NULL OR ${t.assets.lastVerifiedOn} < ${cutoffs.stale}), 0)`
		})
		.from(t.assets)
		.where(and(eq(t.assets.status, 'published'), scope))
		.get();
	return { due: Number(row?.due ?? 0), stale: Number(row?.stale ?? 0) };
}

/** The verifier an actor counts as. */
const viaOf = (actor: Actor): Verifier => actor.role;

const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * "Still true": record that each entry was checked today by this person, bump its version, one audit
 * row each. All or nothing: if any entry is not a published entry this person may check, nothing is
 * written and the answer says why.
 */
export function markStillTrue(
	db: Db,
	actor: Actor,
	assetIds: readonly number[],
	today: string
): { ok: true; checked: number } | { ok: false; reason: 'not_found' | 'forbidden' } {
	const ids = [...new Set(assetIds)];
	if (ids.length === 0) return { ok: true, checked: 0 };
	return db.transaction((tx) => {
		const entries = tx
			.select({
				id: t.assets.id,
				status: t.assets.status,
				version: t.assets.version,
				lastVerifiedOn: t.assets.lastVerifiedOn,
				lastVerifiedBy: t.assets.lastVerifiedBy,
				lastVerifiedVia: t.assets.lastVerifiedVia
			})
			.from(t.assets)
			.where(inArray(t.assets.id, ids))
			.all();
		if (entries.length !== ids.length || entries.some((e) => e.status !== 'published')) {
			return { ok: false as const, reason: 'not_found' as const };
		}
		const patchesOf = new Map(ids.map((id) => [id, listPatchIdsOfEntry(tx as unknown as Db, id)]));
		if (ids.some((id) => !canEditEntry(actor, patchesOf.get(id)!))) {
			return { ok: false as const, reason: 'forbidden' as const };
		}
		for (const entry of entries) {
			const after = {
				lastVerifiedOn: today,
				lastVerifiedBy: actor.id,
				lastVerifiedVia: viaOf(actor),
				version: entry.version + 1
			};
			const result = tx
				.update(t.assets)
				.set({ ...after, updatedAt: nowSql })
				.where(and(eq(t.assets.id, entry.id), eq(t.assets.version, entry.version)))
				.run();
			if (result.changes !== 1) throw new Error(`Entry ${entry.id} changed while it was checked`);
			const { id, status: _status, ...before } = entry;
			recordChange(tx, {
				actorId: actor.id,
				action: 'entry.checked',
				entity: 'entry',
				entityId: id,
				before,
				after,
				patchIds: patchesOf.get(id)
			});
		}
		return { ok: true as const, checked: entries.length };
	});
}

/** The entries the daily job archived as unchecked, most recent first. */
export function listAutoArchivedEntries(db: Db, limit = 500) {
	return db
		.select({
			id: t.assets.id,
			name: t.assets.name,
			kind: t.assets.kind,
			archivedAt: t.assets.archivedAt,
			lastVerifiedOn: t.assets.lastVerifiedOn
		})
		.from(t.assets)
		.where(and(eq(t.assets.status, 'archived'), eq(t.assets.archivedReason, 'unchecked')))
		.orderBy(sql`${t.assets.archivedAt} DESC`, asc(t.assets.name))
		.limit(limit)
		.all();
}

/**
 * Undo an archive: published again, checked today by this person (so the job does not archive it
 * again tomorrow), audited. Null when there is no archived entry with that id.
 */
export function restoreArchivedEntry(
	db: Db,
	actor: Actor,
	assetId: number,
	today: string
): { ok: true } | { ok: false; reason: 'not_found' | 'forbidden' } {
	return db.transaction((tx) => {
		const entry = tx
			.select({
				status: t.assets.status,
				version: t.assets.version,
				archivedAt: t.assets.archivedAt,
				archivedReason: t.assets.archivedReason,
				lastVerifiedOn: t.assets.lastVerifiedOn,
				lastVerifiedVia: t.assets.lastVerifiedVia
			})
			.from(t.assets)
			.where(eq(t.assets.id, assetId))
			.get();
		if (!entry || entry.status !== 'archived')
			return { ok: false as const, reason: 'not_found' as const };
		const patchIds = listPatchIdsOfEntry(tx as unknown as Db, assetId);
		if (!canEditEntry(actor, patchIds)) return { ok: false as const, reason: 'forbidden' as const };
		const after = {
			status: 'published' as const,
			archivedAt: null,
			archivedReason: null,
			lastVerifiedOn: today,
			lastVerifiedBy: actor.id,
			lastVerifiedVia: viaOf(actor),
			version: entry.version + 1
		};
		const result = tx
			.update(t.assets)
			.set({ ...after, updatedAt: nowSql })
			.where(and(eq(t.assets.id, assetId), eq(t.assets.version, entry.version)))
			.run();
		if (result.changes !== 1) throw new Error(`Entry ${assetId} changed while it was restored`);
		recordChange(tx, {
			actorId: actor.id,
			action: 'entry.restored',
			entity: 'entry',
			entityId: assetId,
			before: entry,
			after: { ...after, lastVerifiedBy: actor.id },
			patchIds
		});
		return { ok: true as const };
	});
}
