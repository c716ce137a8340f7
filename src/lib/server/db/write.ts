/**
 * Writes whose failure must reach the person who asked for them.
 *
 * better-sqlite3 reads an `INSERT … RETURNING` with `.get()` by taking the first row and resetting
 * the statement; outside a transaction the commit happens at that reset, and an error there (a full
 * disk, an I/O error) is dropped: `.get()` hands back an id for a row that was never stored (issue 14,
 * finding 2). `.run()` and `.all()` run the statement to its end, commit included, and throw. So
 * write with `.run()` and take the id from its result, or read `RETURNING` rows with `.all()`. ESLint
 * refuses `.returning(…).get()` (eslint.config.js).
 */
import Database from 'better-sqlite3';

type SqliteError = InstanceType<typeof Database.SqliteError>;

/**
 * The id of the one row an `INSERT … .run()` stored.
 * @throws when the statement stored no row (an `ON CONFLICT DO NOTHING` that did nothing)
 * @example const id = insertedId(db.insert(t.suggestions).values(row).run());
 */
export function insertedId(result: { changes: number; lastInsertRowid: number | bigint }): number {
	if (result.changes !== 1) throw new Error(`Expected to store one row, stored ${result.changes}`);
	return Number(result.lastInsertRowid);
}

/**
 * The one row an `INSERT … RETURNING` read with `.all()` gave back.
 * @example const user = insertedRow(tx.insert(users).values(v).returning().all());
 */
export function insertedRow<T>(rows: T[]): T {
	if (rows.length !== 1) throw new Error(`Expected to store one row, stored ${rows.length}`);
	return rows[0];
}

/**
 * True for an error SQLite raised (a full disk, a read-only or locked file, an I/O error): the
 * write did not happen, and the person should be told so rather than shown an error page.
 */
export function isDatabaseError(error: unknown): error is SqliteError {
	return error instanceof Database.SqliteError;
}

/**
 * Logs a write that failed, for whoever runs the site (a full disk needs them), in one line: SQLite's
 * code and message hold no personal data, and the person is told separately.
 */
export function logWriteFailure(what: string, error: SqliteError): void {
	console.error(`Patchwork could not store ${what}: ${error.code} ${error.message}`);
}
