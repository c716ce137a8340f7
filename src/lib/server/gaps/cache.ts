/**
 * The gap analysis, cached per state of the data it reads. The page, the map's GeoJSON, the downloads
 * and each what-if would otherwise load and analyse everything again. Triggers (migration 0009) bump
 * gap_data_version on every write to entries, their categories, patches and sessions, patches, small
 * areas, populations and deprivation, in whichever process writes, so one primary-key read tells
 * whether a cached run is still current.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';

/** Runs kept: a few thresholds and categories a council officer flicks between. */
const MAX_ENTRIES = 12;

interface Entry<T> {
	db: Db;
	version: number;
	value: T;
}

const entries = new Map<string, Entry<unknown>>();

/** The version of the data the gap analysis reads (0 when the counter row is missing). */
export function gapDataVersion(db: Db): number {
	return (
		db
			.select({ version: t.gapDataVersion.version })
			.from(t.gapDataVersion)
			.where(eq(t.gapDataVersion.id, 1))
			.get()?.version ?? 0
	);
}

/**
 * The cached value for `key` when the database has not changed since it was made, else `make()`'s
 * (kept for next time). Each database (tests open many) has its own entries.
 * @example cachedGaps(db, `run:${threshold}`, () => runGapsUncached(db, query))
 */
export function cachedGaps<T>(db: Db, key: string, make: () => T): T {
	const version = gapDataVersion(db);
	const hit = entries.get(key);
	if (hit && hit.db === db && hit.version === version) {
		// Most recently used last, so the oldest is dropped first.
		entries.delete(key);
		entries.set(key, hit);
		return hit.value as T;
	}
	const value = make();
	entries.delete(key);
	entries.set(key, { db, version, value });
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return value;
}

/** Forgets every cached run (for the benchmark's cold figures). */
export function clearGapsCache(): void {
	entries.clear();
}
