/**
 * Demand for the gap page: "nothing suitable found" connections by patch, theme and month, and
 * directory searches that found nothing (recorded here unless the programme has opted out, kept 12
 * months). The records hold only what domain/gaps/demand.ts lets through.
 */
import { and, asc, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { cachedRead } from '../db/read-cache';
import { demandCutoff, type DemandFigures, type EmptySearchRecord } from '../../domain/gaps/demand';
import { canChangeProgrammeSettings, type Actor } from '../../domain/permissions';
import { NotAllowedError } from '../staff/freshness';
import { recordChange } from '../staff/audit';

/**
 * Whether the programme records searches that found nothing (false when there is no programme yet).
 * Asked on every showing of an empty search: read once until the next write.
 */
export function recordsEmptySearches(db: Db): boolean {
	return cachedRead(db, 'records-empty-searches', () => readRecordsEmptySearches(db));
}

function readRecordsEmptySearches(db: Db): boolean {
	const row = db
		.select({ on: t.programmes.recordEmptySearches })
		.from(t.programmes)
		.orderBy(asc(t.programmes.id))
		.get();
	return row ? row.on : false;
}

/** Counts not yet written, per database, by record: written together, not one commit per search. */
const pending = new WeakMap<Db, Map<string, { record: EmptySearchRecord; count: number }>>();

/** How long counts wait to be written: at most this many milliseconds of them go with a crash. */
export const EMPTY_SEARCH_FLUSH_MS = 1000;

/**
 * Counts one search that found nothing (one row per day and filters), unless the programme opted out.
 * The count is written with the others made in the same second (flushEmptySearches), because a
 * commit per search (a disk sync on the server's only thread) slowed every visitor's answer; these
 * are statistics no visitor is told were saved. empty_searches has no public_data_version trigger
 * (no public page reads it), so writing them keeps the public pages' cache.
 */
export function recordEmptySearch(db: Db, record: EmptySearchRecord): boolean {
	if (!recordsEmptySearches(db)) return false;
	let counts = pending.get(db);
	if (!counts) {
		pending.set(db, (counts = new Map()));
		setTimeout(() => flushEmptySearches(db), EMPTY_SEARCH_FLUSH_MS).unref();
	}
	const key = JSON.stringify(record);
	const kept = counts.get(key);
	if (kept) kept.count++;
	else counts.set(key, { record, count: 1 });
	return true;
}

/**
 * Writes the counts waiting for `db` in one transaction (on a timer, before demand is read, and at
 * shutdown). On failure (a full disk, a closed database) they are dropped with one log line: they
 * are statistics, and a visitor's search never waits on them.
 */
export function flushEmptySearches(db: Db): void {
	const counts = pending.get(db);
	if (!counts) return;
	pending.delete(db);
	const client = (db as Db & { $client?: { open: boolean } }).$client;
	if (client && !client.open) return;
	try {
		db.transaction((tx) => {
			for (const { record, count } of counts.values()) {
				tx.insert(t.emptySearches)
					.values({ ...record, count })
					.onConflictDoUpdate({
						target: [
							t.emptySearches.searchedOn,
							t.emptySearches.category,
							t.emptySearches.kind,
							t.emptySearches.day,
							t.emptySearches.patch,
							t.emptySearches.text
						],
						set: { count: sql`${t.emptySearches.count} + ${count}` }
					})
					.run();
			}
		});
	} catch (error) {
		console.error(
			`Could not write ${counts.size} counts of searches that found nothing: ${(error as Error).message}`
		);
	}
}

/** Deletes records of searches made more than 12 months before `today`; returns how many. */
export function deleteOldEmptySearches(db: Db, today: string): { cutoff: string; deleted: number } {
	flushEmptySearches(db);
	const cutoff = demandCutoff(today);
	const result = db.delete(t.emptySearches).where(lt(t.emptySearches.searchedOn, cutoff)).run();
	return { cutoff, deleted: result.changes };
}

/** The last 12 months' demand, as of `today`. */
export function loadDemand(db: Db, today: string): DemandFigures {
	flushEmptySearches(db);
	const since = demandCutoff(today);
	const month = sql<string>`substr(${t.connections.madeOn}, 1, 7)`;
	const nothingSuitable = db
		.select({
			month,
			patch: sql<string>`coalesce(${t.patches.name}, 'No patch')`,
			theme: sql<string>`coalesce(${t.categories.name}, 'No theme')`,
			count: count()
		})
		.from(t.connections)
		.leftJoin(t.patches, eq(t.patches.id, t.connections.patchId))
		.leftJoin(t.categories, eq(t.categories.id, t.connections.theme))
		.where(and(eq(t.connections.kind, 'nothing_suitable'), gte(t.connections.madeOn, since)))
		.groupBy(month, t.patches.name, t.categories.name)
		.orderBy(month, t.patches.name, t.categories.name)
		.all();
	const searchMonth = sql<string>`substr(${t.emptySearches.searchedOn}, 1, 7)`;
	const emptySearches = db
		.select({
			month: searchMonth,
			category: t.emptySearches.category,
			kind: t.emptySearches.kind,
			day: t.emptySearches.day,
			patch: t.emptySearches.patch,
			text: t.emptySearches.text,
			count: sql<number>`sum(${t.emptySearches.count})`
		})
		.from(t.emptySearches)
		.where(gte(t.emptySearches.searchedOn, since))
		.groupBy(
			searchMonth,
			t.emptySearches.category,
			t.emptySearches.kind,
			t.emptySearches.day,
			t.emptySearches.patch,
			t.emptySearches.text
		)
		.orderBy(searchMonth)
		.all();
	return { nothingSuitable, emptySearches, recording: recordsEmptySearches(db) };
}

/** Turns the recording of searches that found nothing on or off, audited. Council and admin only. */
export function setEmptySearchRecording(db: Db, actor: Actor, on: boolean): { changed: boolean } {
	if (!canChangeProgrammeSettings(actor)) throw new NotAllowedError();
	return db.transaction((tx) => {
		const programme = tx
			.select({ id: t.programmes.id, on: t.programmes.recordEmptySearches })
			.from(t.programmes)
			.orderBy(asc(t.programmes.id))
			.get();
		if (!programme) throw new Error('There is no programme to change');
		if (programme.on === on) return { changed: false };
		const result = tx
			.update(t.programmes)
			.set({
				recordEmptySearches: on,
				updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`
			})
			.where(eq(t.programmes.id, programme.id))
			.run();
		if (result.changes !== 1) throw new Error('The setting was not saved');
		recordChange(tx, {
			actorId: actor.id,
			action: 'programme.demand_recording_changed',
			entity: 'programme',
			entityId: programme.id,
			before: { recordEmptySearches: programme.on },
			after: { recordEmptySearches: on }
		});
		return { changed: true };
	});
}
