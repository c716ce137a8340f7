/**
 * The health check behind GET /health, for a load balancer or a monitor: is the database answering,
 * and at which schema version (its latest applied migration). Nothing about people, never an error's
 * text (it may name files).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './db/client';

export type Health =
	{ status: 'ok'; schemaVersion: string; migrations: number } | { status: 'unavailable' };

/** Migration tags by the time drizzle-kit gave them, which drizzle records as `created_at`. */
function migrationTags(migrationsFolder: string): Map<number, string> {
	try {
		const journal = JSON.parse(
			readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')
		) as { entries: { when: number; tag: string }[] };
		return new Map(journal.entries.map((entry) => [entry.when, entry.tag]));
	} catch {
		return new Map();
	}
}

/**
 * Asks the database for its latest applied migration.
 * @returns `ok` with the migration's tag (e.g. "0005_keeping_true"; its timestamp if the migrations
 *   folder is not there) and how many are applied, or `unavailable` when the query fails
 */
export function checkHealth(
	getDb: () => Db,
	{ migrationsFolder = resolve('drizzle') }: { migrationsFolder?: string } = {}
): Health {
	try {
		const row = getDb().get<{ created: number | null; applied: number }>(
			sql`SELECT max(created_at) AS created, count(*) AS applied FROM __drizzle_migrations`
		);
		if (!row || row.created === null) return { status: 'unavailable' };
		const created = Number(row.created);
		return {
			status: 'ok',
			schemaVersion: migrationTags(migrationsFolder).get(created) ?? String(created),
			migrations: row.applied
		};
	} catch {
		return { status: 'unavailable' };
	}
}
