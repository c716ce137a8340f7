/**
 * Backups and restores of the database, safe while the site runs. Both go through SQLite's online
 * backup API (better-sqlite3's `backup()`), never a file copy: a copy of a database in WAL mode taken
 * while it is written can miss commits or be torn, whereas the backup API copies one consistent
 * snapshot, and writing into the live file through SQLite is one transaction other connections wait
 * for, so a restore is all or nothing even if it is interrupted.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DatabaseFileError } from './file-problems';

/** A backup file that must not be restored (or a backup that could not be made), and why. */
export class BackupError extends Error {
	name = 'BackupError';
}

/** The rows a person can recognise, to check a backup holds what they expect. */
export interface DatabaseCounts {
	programmes: number;
	patches: number;
	entries: number;
	users: number;
	suggestions: number;
}

export interface BackupSummary {
	path: string;
	bytes: number;
	counts: DatabaseCounts;
	schemaVersion: string;
}

const COUNTED: [keyof DatabaseCounts, string][] = [
	['programmes', 'programmes'],
	['patches', 'patches'],
	['entries', 'assets'],
	['users', 'users'],
	['suggestions', 'suggestions']
];

function countRows(sqlite: Database.Database): DatabaseCounts {
	const counts = {} as DatabaseCounts;
	for (const [name, table] of COUNTED) {
		counts[name] = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	}
	return counts;
}

/** Migration tags by drizzle-kit's timestamp, which drizzle records as `created_at`. */
function knownMigrations(migrationsFolder: string): Map<number, string> {
	const journal = JSON.parse(
		readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')
	) as { entries: { when: number; tag: string }[] };
	return new Map(journal.entries.map((entry) => [entry.when, entry.tag]));
}

/**
 * Checks that `sqlite` is a sound Patchwork database whose migrations this version knows.
 * @returns its schema version (the tag of its latest migration)
 * @throws BackupError saying what is wrong
 */
function checkPatchworkDatabase(
	sqlite: Database.Database,
	path: string,
	migrationsFolder: string
): string {
	let integrity: unknown;
	try {
		integrity = sqlite.pragma('integrity_check', { simple: true });
	} catch (error) {
		integrity = (error as Error).message;
	}
	if (integrity !== 'ok') {
		throw new BackupError(`${path} is damaged: SQLite's integrity check found "${integrity}".`);
	}
	const tables = new Set(
		(
			sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
				name: string;
			}[]
		).map((row) => row.name)
	);
	if (!tables.has('__drizzle_migrations') || !COUNTED.every(([, table]) => tables.has(table))) {
		throw new BackupError(`${path} is an SQLite database, but not a Patchwork one.`);
	}
	const known = knownMigrations(migrationsFolder);
	const applied = sqlite
		.prepare('SELECT created_at AS created FROM __drizzle_migrations ORDER BY created_at')
		.all() as { created: number }[];
	const unknown = applied.filter((row) => !known.has(Number(row.created)));
	if (applied.length === 0 || unknown.length > 0) {
		throw new BackupError(
			`${path} has a database schema this version of Patchwork does not know ` +
				'(it was made by a newer or different version). Restore it with the version that made it.'
		);
	}
	return known.get(Number(applied[applied.length - 1].created))!;
}

/** Opens an existing SQLite file for reading only, refusing anything that is not one. */
function openExisting(path: string): Database.Database {
	if (!existsSync(path)) throw new BackupError(`${path} does not exist.`);
	const header = readFileSync(path).subarray(0, 16).toString('latin1');
	if (header !== 'SQLite format 3\0') {
		throw new BackupError(
			`${path} is not an SQLite database (it may be corrupt or another kind of file).`
		);
	}
	try {
		return new Database(path, { readonly: true, fileMustExist: true });
	} catch (error) {
		throw new BackupError(`${path} could not be opened: ${(error as Error).message}.`);
	}
}

/** One consistent snapshot of `sourcePath` written to `targetPath` (temporary name, then renamed). */
async function snapshot(source: Database.Database, targetPath: string): Promise<void> {
	const partial = join(dirname(targetPath), `.${basename(targetPath)}.partial-${process.pid}`);
	try {
		// All remaining pages in each step: a step copies under one read transaction, so writes by
		// the site between steps (which would restart the copy) do not matter.
		await source.backup(partial, { progress: () => 1_000_000 });
		renameSync(partial, targetPath);
	} finally {
		rmSync(partial, { force: true });
	}
}

/**
 * Takes an online backup of the database at `databasePath` into the new file `targetPath`, checks the
 * copy and returns its size and counts. The site may go on reading and writing meanwhile.
 */
export async function backupDatabase(
	databasePath: string,
	targetPath: string,
	{ migrationsFolder = resolve('drizzle') }: { migrationsFolder?: string } = {}
): Promise<BackupSummary> {
	const target = resolve(targetPath);
	if (existsSync(target)) {
		throw new BackupError(`${target} already exists: choose a new file name for the backup.`);
	}
	if (!existsSync(dirname(target))) {
		throw new BackupError(`The folder ${dirname(target)} does not exist: create it first.`);
	}
	if (!existsSync(databasePath)) {
		throw new DatabaseFileError(resolve(databasePath), 'does not exist', 'Check DATABASE_PATH.');
	}
	const source = new Database(databasePath, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		await snapshot(source, target);
	} finally {
		source.close();
	}
	const copy = openExisting(target);
	try {
		const schemaVersion = checkPatchworkDatabase(copy, target, migrationsFolder);
		return { path: target, bytes: statSync(target).size, counts: countRows(copy), schemaVersion };
	} finally {
		copy.close();
	}
}

export interface RestoreSummary extends BackupSummary {
	/** Where the database as it was before the restore is kept, when there was one. */
	previousCopy?: string;
}

/**
 * Replaces the database at `databasePath` with the backup at `backupPath`, after checking the backup
 * is a sound Patchwork database of a schema this version knows. The database as it was is first
 * backed up beside it (`<name>.before-restore-<time>`), then the backup is written into it in one
 * transaction: readers see the old database or the new, never a mixture, and an interrupted restore
 * leaves the old one.
 * @throws BackupError (the live database untouched) when the backup must not be restored
 */
export async function restoreDatabase(
	backupPath: string,
	databasePath: string,
	{ migrationsFolder = resolve('drizzle'), now = new Date() } = {}
): Promise<RestoreSummary> {
	const from = resolve(backupPath);
	const live = resolve(databasePath);
	const backup = openExisting(from);
	try {
		const schemaVersion = checkPatchworkDatabase(backup, from, migrationsFolder);
		const counts = countRows(backup);
		let previousCopy: string | undefined;
		if (existsSync(live) && statSync(live).size > 0) {
			previousCopy = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
			const current = new Database(live, { fileMustExist: true });
			try {
				current.pragma('busy_timeout = 5000');
				await snapshot(current, previousCopy);
			} finally {
				current.close();
			}
		}
		// Into the live file through SQLite: one write transaction on it, under its locks and WAL.
		await backup.backup(live, { progress: () => 1_000_000 });
		const restored = new Database(live, { readonly: true, fileMustExist: true });
		try {
			checkPatchworkDatabase(restored, live, migrationsFolder);
		} finally {
			restored.close();
		}
		return { path: live, bytes: statSync(live).size, counts, schemaVersion, previousCopy };
	} finally {
		backup.close();
	}
}

/** "4.2 MB; 1 programme, 8 patches, 1,234 entries, 12 users, 30 suggestions" */
export function describeBackup({ bytes, counts, schemaVersion }: BackupSummary): string {
	const n = (value: number, one: string, many: string) =>
		`${value.toLocaleString('en-GB')} ${value === 1 ? one : many}`;
	const size =
		bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
	return (
		`${size}; ${n(counts.programmes, 'programme', 'programmes')}, ${n(counts.patches, 'patch', 'patches')}, ` +
		`${n(counts.entries, 'entry', 'entries')}, ${n(counts.users, 'user', 'users')}, ` +
		`${n(counts.suggestions, 'suggestion', 'suggestions')}; schema ${schemaVersion}`
	);
}
