/**
 * Reads that change only when what visitors see does, kept until the next such write.
 *
 * A page like a patch's reads the same rows and recomputes the same population on every request,
 * although they change only when someone saves. Each database object gets its own cache (tests open
 * fresh databases), stamped with `public_data_version`: triggers (migration 0013) move it on every
 * insert, update and delete in a table public pages read, whichever connection writes (an editor's
 * save, a CLI import in another process, a population set, moderation). There is no list of write
 * paths to keep in step: public-data.ts lists the tables, and a test checks that every table is
 * listed as read by public pages (with triggers) or not. Writes to the others (sign-ins, the audit
 * log, suggestions, drafts, scenarios, counts of empty searches) keep the cache: they are frequent,
 * and emptying it for them made every visitor's page be read again. Reads inside a transaction are
 * not kept (a rollback would leave the cache holding rows that were never committed).
 */
import type Database from 'better-sqlite3';
import type { Db } from './client';

interface Stamped {
	stamp: string;
	values: Map<string, unknown>;
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
		const version = sqlite.prepare('SELECT version FROM public_data_version WHERE id = 1').pluck();
		cache = { stamp: '', values: new Map(), version };
		caches.set(db, cache);
	}
	return cache;
}

/** Where public data is now: changes when a table public pages read is written, by anyone. */
function stampOf(cache: Stamped): string {
	return String(cache.version.get());
}

/**
 * Where public data is now, as cachedRead sees it: equal stamps mean nothing a visitor sees was
 * written between them. Inside a transaction, a stamp equal to no other.
 */
export function readStamp(db: Db): string {
	const sqlite = clientOf(db);
	if (!sqlite || sqlite.inTransaction) return `uncommitted:${Math.random()}`;
	return stampOf(cacheFor(db, sqlite));
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
