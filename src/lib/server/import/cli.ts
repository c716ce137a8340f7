/**
 * What the import commands (areas, population, patches) share: opening the database, printing a
 * summary, and turning every failure into a plain message with exit code 1, never a stack trace.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DatabaseFileError, databasePath, openDatabase, type Db } from '../db/client';
import { ImportError } from '../../domain/import/errors';
import type { ImportSummary } from '../../domain/import/summary';
import { readImportFile } from './files';
import { formatBytes } from '../../domain/import/limits';
import { runImport, type ImportProgress, type ImportRequest } from './run';
import type { z } from 'zod';

/** A problem with how a command was typed: printed with the usage. */
export class UsageError extends Error {
	name = 'UsageError';
}

/** A problem a person can fix, printed as it is (without the usage). */
export class CommandError extends Error {
	name = 'CommandError';
}

/** Opens DATABASE_PATH (default ./patchwork.db), migrated, runs `work`, and closes it. */
export async function withDatabase<T>(work: (db: Db) => T | Promise<T>): Promise<T> {
	const migrationsFolder = fileURLToPath(new URL('../../../../drizzle', import.meta.url));
	const { db, sqlite } = openDatabase(databasePath(), { migrationsFolder });
	try {
		return await work(db);
	} finally {
		sqlite.close();
	}
}

/** A summary as the commands print it: the title, its facts indented, then any warnings. */
export function formatSummary(summary: ImportSummary, dryRun: boolean): string {
	const lines = [summary.title, ...summary.lines.map((line) => `  ${line}`)];
	if (summary.warnings.length) {
		lines.push('Warnings:', ...summary.warnings.map((warning) => `  ${warning}`));
	}
	if (dryRun) lines.push('Run the same command without --dry-run to import it.');
	return lines.join('\n');
}

/**
 * Runs a command's main function and sets the exit code: 0 on success, 1 with a plain message on
 * any failure (a bad file, a mistyped command, an unreadable database, or anything unexpected).
 */
export async function runCommand(main: () => Promise<number>, usage: string): Promise<void> {
	try {
		process.exitCode = await main();
	} catch (error) {
		process.exitCode = 1;
		if (error instanceof ImportError) {
			console.error(`Nothing was imported.\n${error.message}`);
		} else if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
		else if (error instanceof DatabaseFileError || error instanceof CommandError) {
			console.error(error.message);
		} else
			console.error(
				`Something went wrong: ${error instanceof Error ? error.message : String(error)}`
			);
	}
}

/**
 * Node's parseArgs (strict, with positionals), its errors turned into UsageErrors a person can act on.
 * @returns the option values and the positional words (command, file)
 */
export function parseCommandLine<const O extends NonNullable<ParseArgsConfig['options']>>(
	argv: string[],
	options: O
) {
	try {
		return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const unknown = /Unknown option '([^']+)'/.exec(message);
		if (unknown) throw new UsageError(`Unknown option ${unknown[1]}.`);
		const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
		if (missing) throw new UsageError(`${missing[1].replace(/^-\w, /, '')} needs a value.`);
		throw new UsageError(message.split('\n')[0]);
	}
}

/** Option values checked by a zod schema; its messages become a UsageError. */
export function parseOptions<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
	const parsed = schema.safeParse(values);
	if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('\n'));
	return parsed.data;
}

/** Reads, checks and imports one file (or, with dryRun, only checks it) and prints the summary. */
export async function importFromFile(
	request: ImportRequest,
	file: string | undefined,
	{
		dryRun,
		programmeName,
		onProgress,
		onDone
	}: { dryRun: boolean; programmeName?: string; onProgress?: ImportProgress; onDone?: () => void }
): Promise<number> {
	if (!file) throw new UsageError('Give the file to import.');
	const text = readImportFile(file, request.kind);
	// Parsing a big file takes seconds before the first feature can be counted: say it has started.
	if (text.length > 20_000_000) console.error(`Reading ${file} (${formatBytes(text.length)})…`);
	const outcome = await withDatabase((db) => {
		try {
			return runImport(db, request, {
				source: file,
				text,
				dryRun,
				via: 'cli',
				programmeName,
				onProgress
			});
		} finally {
			onDone?.();
		}
	});
	console.log(formatSummary(outcome.summary, dryRun));
	return 0;
}
