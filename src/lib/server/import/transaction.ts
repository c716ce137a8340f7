/**
 * Imports run in one transaction: all or nothing. A dry run does the same work in the same
 * transaction and then rolls it back, so its report (added, updated, replaced) is exactly what the
 * real import will do.
 */
import { asc } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import * as t from '../db/schema';
import { insertedId, insertedRow } from '../db/write';
import { ImportError } from '../../domain/import/errors';
import { slugify } from '../../domain/import/slug';

export type { Tx };

/** Where an import came from, for the audit log. */
export type ImportVia = 'cli' | 'web';

class DryRunRollback<T> extends Error {
	constructor(readonly result: T) {
		super('dry run');
	}
}

/**
 * Runs `work` in a transaction; on a dry run, rolls it back and still returns what it returned.
 * BEGIN IMMEDIATE takes the write lock at the start: a deferred transaction that reads and then
 * writes fails at once (SQLITE_BUSY_SNAPSHOT, no waiting) when the site commits a write in between.
 */
export function importTransaction<T>(db: Db, dryRun: boolean, work: (tx: Tx) => T): T {
	try {
		return db.transaction(
			(tx) => {
				const result = work(tx);
				if (dryRun) throw new DryRunRollback(result);
				return result;
			},
			{ behavior: 'immediate' }
		);
	} catch (error) {
		if (error instanceof DryRunRollback) return error.result as T;
		throw error;
	}
}

export interface ImportProgramme {
	id: number;
	name: string;
	defaultPopulationSetId: number | null;
}

/**
 * The site's programme (Patchwork runs one per site). When there is none, one is created if a name
 * is given; otherwise the import is refused with a message saying how to create it.
 */
export function programmeForImport(tx: Tx | Db, createWithName?: string): ImportProgramme {
	const columns = {
		id: t.programmes.id,
		name: t.programmes.name,
		defaultPopulationSetId: t.programmes.defaultPopulationSetId
	};
	const existing = tx.select(columns).from(t.programmes).orderBy(asc(t.programmes.id)).get();
	if (existing) {
		if (createWithName && createWithName.trim() !== existing.name) {
			throw new ImportError([
				`This database's programme is "${existing.name}", not "${createWithName.trim()}": Patchwork runs one programme per site.`
			]);
		}
		return existing;
	}
	const name = createWithName?.trim();
	if (!name) {
		throw new ImportError([
			'Patchwork has no programme yet. Give the programme\'s name (for example --programme "Trafford Local Area Coordination") to create it.'
		]);
	}
	const slug = slugify(name) || 'programme';
	return insertedRow(tx.insert(t.programmes).values({ slug, name }).returning(columns).all());
}

/** One audit row per import (written inside the import's transaction, so a failed import leaves none). */
export function recordImport(
	tx: Tx,
	entry: {
		action:
			| 'import.small_areas'
			| 'import.population'
			| 'import.patches'
			| 'import.centroids'
			| 'import.deprivation';
		entity: string;
		entityId: string | number | null;
		actorId: number | null;
		detail: Record<string, unknown>;
	}
): number {
	return insertedId(
		tx
			.insert(t.auditLog)
			.values({
				userId: entry.actorId,
				action: entry.action,
				entity: entry.entity,
				entityId: entry.entityId === null ? null : String(entry.entityId),
				detail: entry.detail
			})
			.run()
	);
}

/** The current time as the schema's timestamps store it. */
export function nowIso(): string {
	return new Date().toISOString();
}
