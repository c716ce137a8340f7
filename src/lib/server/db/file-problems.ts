/**
 * What stops a database file being used, in words the person starting Patchwork can act on: a folder
 * that does not exist, a file or folder it may not write, a full disk (issue 14, finding 9). Each
 * problem becomes a DatabaseFileError naming the file, said once, with no stack trace.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A database file Patchwork must not use. The message names the file and says what to do next. */
export class DatabaseFileError extends Error {
	constructor(
		readonly path: string,
		reason: string,
		advice = 'Patchwork has not changed it. Restore it from a backup, or move it aside and start again to create a new database.'
	) {
		super(`The database file ${path} ${reason}. ${advice}`);
		this.name = 'DatabaseFileError';
	}
}

function writable(path: string): boolean {
	try {
		accessSync(path, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

/** Refuses, before SQLite is asked, a database whose folder is missing or not a folder. */
export function assertFolderExists(path: string): void {
	const folder = dirname(path);
	if (existsSync(folder) && statSync(folder).isDirectory()) return;
	throw new DatabaseFileError(
		path,
		`is in a folder that does not exist (${folder})`,
		`Create the folder (mkdir -p ${folder}), or set DATABASE_PATH to a file in a folder that exists, and start again.`
	);
}

const READ_ONLY_FOLDER = (folder: string) =>
	`Give the user running Patchwork write access to ${folder} (SQLite keeps its -wal and -shm files beside the database), or set DATABASE_PATH to a file in a folder it can write, and start again.`;

/**
 * The DatabaseFileError for an error SQLite raised while opening, migrating, checking or loading
 * `path`, or undefined when the error is not about the file (a bug, to be reported as one).
 */
export function describeFileProblem(path: string, error: unknown): DatabaseFileError | undefined {
	const code = (error as { code?: unknown })?.code;
	if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
	const folder = dirname(path);
	const said = (error as Error).message;
	if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
		return new DatabaseFileError(path, 'is corrupt');
	if (code === 'SQLITE_READONLY_DIRECTORY' || (code === 'SQLITE_CANTOPEN' && !existsSync(path))) {
		return new DatabaseFileError(
			path,
			`cannot be written because its folder ${folder} is read-only for this user`,
			READ_ONLY_FOLDER(folder)
		);
	}
	if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
		if (!writable(folder)) {
			return new DatabaseFileError(
				path,
				`cannot be written because its folder ${folder} is read-only for this user`,
				READ_ONLY_FOLDER(folder)
			);
		}
		return new DatabaseFileError(
			path,
			'is read-only for the user running Patchwork, so nothing could be saved',
			'Patchwork has not changed it. Give that user write access to the file (for example with chown or chmod u+w), and start again.'
		);
	}
	if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) {
		return new DatabaseFileError(
			path,
			`could not be written: the disk is full, the file has reached a size limit, or the disk is failing (SQLite said "${said}")`,
			'Nothing half-written was kept. Free some space on that disk (or check it), and start again.'
		);
	}
	return undefined;
}
