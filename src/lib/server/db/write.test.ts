import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertedId, insertedRow, isDatabaseError } from './write';

/** A table whose inserts fail only at commit: a deferred foreign key nothing satisfies. */
function commitFails() {
	const sqlite = new Database(':memory:');
	sqlite.exec(`
		PRAGMA foreign_keys = ON;
		CREATE TABLE parent (id INTEGER PRIMARY KEY);
		CREATE TABLE child (
			id INTEGER PRIMARY KEY,
			parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED
		);`);
	const count = () => (sqlite.prepare('SELECT count(*) AS n FROM child').get() as { n: number }).n;
	return { sqlite, count };
}

describe('writes whose failure must surface', () => {
	it('shows why: RETURNING read with .get() hands back an id for a row that was not stored', () => {
		const { sqlite, count } = commitFails();
		const row = sqlite.prepare('INSERT INTO child (parent_id) VALUES (7) RETURNING id').get();
		expect(row).toEqual({ id: 1 });
		expect(count()).toBe(0);
	});

	it('insertedId over .run() throws instead', () => {
		const { sqlite, count } = commitFails();
		expect(() =>
			insertedId(sqlite.prepare('INSERT INTO child (parent_id) VALUES (7)').run())
		).toThrow(/FOREIGN KEY/);
		expect(count()).toBe(0);
	});

	it('insertedRow over .all() throws instead', () => {
		const { sqlite } = commitFails();
		const insert = sqlite.prepare('INSERT INTO child (parent_id) VALUES (7) RETURNING id');
		expect(() => insertedRow(insert.all())).toThrow(/FOREIGN KEY/);
	});

	it('gives the id or row of a stored row, and refuses a write that stored none', () => {
		const sqlite = new Database(':memory:');
		sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)');
		expect(insertedId(sqlite.prepare("INSERT INTO t (v) VALUES ('a')").run())).toBe(1);
		expect(
			insertedRow(sqlite.prepare("INSERT INTO t (v) VALUES ('b') RETURNING id").all())
		).toEqual({ id: 2 });
		const nothing = sqlite.prepare("INSERT INTO t (v) VALUES ('a') ON CONFLICT DO NOTHING").run();
		expect(() => insertedId(nothing)).toThrow('Expected to store one row, stored 0');
	});

	it('tells SQLite errors from other errors', () => {
		const sqlite = new Database(':memory:');
		let caught: unknown;
		try {
			sqlite.exec('SELECT * FROM missing');
		} catch (error) {
			caught = error;
		}
		expect(isDatabaseError(caught)).toBe(true);
		expect(isDatabaseError(new Error('database or disk is full'))).toBe(false);
	});
});
