/**
 * The caches' stamp (src/lib/server/db/read-cache.ts) is public_data_version, moved by triggers on
 * the tables public pages read (migration 0013, listed in src/lib/server/db/public-data.ts). A table
 * added without being listed one way or the other would let a public page go stale, or be listed
 * for nothing: this test reads the migrated database and fails on either.
 */
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import {
	TABLES_NO_PUBLIC_PAGE_READS,
	TABLES_PUBLIC_PAGES_READ
} from '../../src/lib/server/db/public-data';

const sqlite = (createTestDb() as unknown as { $client: Database.Database }).$client;

/** Tables people's writes reach: not SQLite's own, the migrations', or a full-text or R*Tree index's. */
function ownTables(): string[] {
	const rows = sqlite
		.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
		.all() as { name: string; sql: string }[];
	const virtual = rows.filter((row) => /^CREATE VIRTUAL/i.test(row.sql)).map((row) => row.name);
	return rows
		.map((row) => row.name)
		.filter((name) => !name.startsWith('sqlite_') && name !== '__drizzle_migrations')
		.filter((name) => !virtual.some((index) => name === index || name.startsWith(`${index}_`)));
}

const version = () =>
	sqlite.prepare('SELECT version FROM public_data_version WHERE id = 1').pluck().get() as number;

describe('which tables move the public pages’ stamp', () => {
	it('lists every table once: read by public pages, or not', () => {
		const listed = [...TABLES_PUBLIC_PAGES_READ, ...TABLES_NO_PUBLIC_PAGE_READS];
		expect(new Set(listed).size).toBe(listed.length);
		expect([...listed].sort()).toEqual(ownTables());
	});

	it('has an insert, an update and a delete trigger on each table public pages read, and on no other', () => {
		const triggers = sqlite
			.prepare("SELECT tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'trigger'")
			.all() as { tableName: string; sql: string }[];
		const moving = triggers.filter((row) => row.sql.includes('public_data_version'));
		for (const table of TABLES_PUBLIC_PAGES_READ) {
			const events = moving
				.filter((row) => row.tableName === table)
				.map((row) => /AFTER (\w+) ON/.exec(row.sql)?.[1]);
			expect(events.sort(), table).toEqual(['DELETE', 'INSERT', 'UPDATE']);
		}
		const others = moving.filter(
			(row) => !(TABLES_PUBLIC_PAGES_READ as readonly string[]).includes(row.tableName)
		);
		expect(others).toEqual([]);
	});

	it('moves once for each row written to a table public pages read, and not for the others', () => {
		const before = version();
		sqlite.prepare("INSERT INTO categories (id, name) VALUES ('chess', 'Chess')").run();
		sqlite.prepare("UPDATE categories SET name = 'Chess clubs' WHERE id = 'chess'").run();
		expect(version()).toBe(before + 2);
		sqlite
			.prepare("INSERT INTO rate_limits (key, count, window_started_at) VALUES ('x', 1, 0)")
			.run();
		expect(version()).toBe(before + 2);
		sqlite.prepare("DELETE FROM categories WHERE id = 'chess'").run();
		expect(version()).toBe(before + 3);
	});
});
