/**
 * Reads that change only when the database does, kept until the next write.
 *
 * A page like a patch's reads the same rows and recomputes the same population on every request,
 * although they change only when someone saves. Each database object gets its own cache (tests open
 * fresh databases), stamped with SQLite's own write counters: `total_changes()` (every row this
 * connection inserted, updated or deleted, triggers included) and `PRAGMA data_version` (changes
 * another connection committed, such as a CLI import while the server runs). Any write through any
 * path moves the stamp, and the whole cache is dropped on the next read: there is no list of write
 * paths to keep in step. Reads inside a transaction are not kept (a rollback leaves the counter
 * where it was, and the cache would then hold rows that were never committed).
 *
 * A write that no cached read depends on (the count of searches that found nothing, made on a page
 * view) goes through `writeKeepingCache`, which leaves the stamp where it was: otherwise every empty
 * search would empty the cache for everyone.
 */
import type Database from 'better-sqlite3';
import type { Db } from './client';

interface Stamped {
	stamp: string;
	values: Map<string, unknown>;
	/** Changes made through writeKeepingCache, left out of the stamp. */
	kept: number;
	changes: Database.Statement;
	version: Database.Statement;
}

const caches = new WeakMap<Db, Stamped>();

/** At most this many values per database; the oldest goes first. */
const MAX_VALUES = 2000;

/** The better-sqlite3 connection under drizzle's object (drizzle() puts it there). */
const clientOf = (db: Db) => (db as Db & { $client?: Database.Database }).$client;

function cacheFor(db: Db, sqlite: Database.Database): Stamped {
	let cache = caches.get(db);
	if (!cache) {
		cache = {
			stamp: '',
			values: new Map(),
			kept: 0,
			changes: sqlite.prepare('SELECT total_changes()').pluck(),
			version: sqlite.prepare('PRAGMA data_version').pluck()
		};
		caches.set(db, cache);
	}
	return cache;
}

/** Where the database is now: changes when anything is written, by this connection or another. */
function stampOf(cache: Stamped): string {
	return `${(cache.changes.get() as number) - cache.kept}:${cache.version.get() as number}`;
}

/**
 * Where the database is now, as cachedRead sees it: equal stamps mean nothing was written between
 * them (other than through writeKeepingCache). Inside a transaction, a stamp equal to no other.
 */
export function readStamp(db: Db): string {
	const sqlite = clientOf(db);
	if (!sqlite || sqlite.inTransaction) return `uncommitted:${Math.random()}`;
	return stampOf(cacheFor(db, sqlite));
}

/**
 * Runs `write`, whose rows no cached read shows, without dropping the cache. Only for tables no
 * cachedRead reads (the demand log): a cached read of them would go stale.
 */
export function writeKeepingCache<T>(db: Db, write: () => T): T {
	const sqlite = clientOf(db);
	if (!sqlite || sqlite.inTransaction) return write();
	const cache = cacheFor(db, sqlite);
	const before = cache.changes.get() as number;
	try {
		return write();
	} finally {
		cache.kept += (cache.changes.get() as number) - before;
	}
}

/**
 * The value `read` gives, computed once until the database changes.
 * @param key everything the value depends on besides the database (a slug, the language, today)
 * @example cachedRead(db, `patch-sizing:${patch.id}`, () => patchSizing(db, patch))
 */
export function cachedRead<T>(db: Db, key: string, read: () => T): T {
	const sqlite = clientOf(db);
	if (!sqlite || sqlite.inTransaction) return read();
	const cache = cacheFor(db, sqlite);
	const stamp = stampOf(cache);
	if (stamp !== cache.stamp) {
		cache.values.clear();
		cache.stamp = stamp;
	}
	if (cache.values.has(key)) return cache.values.get(key) as T;
	const value = read();
	// A write during `read` (none should) would make the value older than the stamp: keep nothing.
	if (stampOf(cache) !== stamp) return value;
	if (cache.values.size >= MAX_VALUES) {
		cache.values.delete(cache.values.keys().next().value as string);
	}
	cache.values.set(key, value);
	return value;
}
