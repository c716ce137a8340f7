/**
 * Manage sign-in accounts from the command line.
 *
 *   npm run user -- create --email a@b.org --name "A B" --role coordinator [--patch slug ...] [--password …]
 *   npm run user -- list
 *   npm run user -- set-password --email a@b.org [--password …]
 *
 * Uses the database at DATABASE_PATH (default ./patchwork.db), migrating it first. Problems a person
 * can fix are printed as plain sentences with exit code 1, never as a stack trace.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
	ROLE_LABELS,
	UserInputError,
	createUser,
	generatePassword,
	listUsers,
	setUserPassword
} from '../lib/server/auth';
import { DatabaseFileError, databasePath, openDatabase, type Db } from '../lib/server/db/client';
import { ROLES, type Role } from '../lib/domain/vocabulary';

const USAGE = `Usage:
  npm run user -- create --email EMAIL --name "NAME" --role ROLE [--patch SLUG ...] [--password PASSWORD]
  npm run user -- list
  npm run user -- set-password --email EMAIL [--password PASSWORD]

ROLE is one of: ${ROLES.join(', ')}. --patch may be given more than once (coordinators only).
Without --password a strong password is made up and printed once. A password typed on the command
line can end up in your shell history, so prefer the made-up one.
The database is DATABASE_PATH, or ./patchwork.db when that is not set.`;

/** A problem with how the command was typed: print it with the usage. */
class UsageError extends Error {}

const OPTIONS = {
	email: { type: 'string' },
	name: { type: 'string' },
	role: { type: 'string' },
	patch: { type: 'string', multiple: true },
	password: { type: 'string' },
	help: { type: 'boolean', short: 'h' }
} as const;

type Values = ReturnType<
	typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

function required(values: Values, name: 'email' | 'name' | 'role'): string {
	const value = values[name];
	if (value === undefined || value.trim() === '') throw new UsageError(`Missing --${name}.`);
	return value;
}

function printPassword(password: string): void {
	console.log(`Password: ${password}`);
	console.log(
		'It is shown only this once. Pass it on securely; it can be changed with set-password.'
	);
}

async function create(db: Db, values: Values): Promise<void> {
	const generated = values.password === undefined;
	const password = values.password ?? generatePassword();
	const user = await createUser(db, {
		email: required(values, 'email'),
		displayName: required(values, 'name'),
		role: required(values, 'role') as Role,
		password,
		patches: values.patch ?? []
	});
	const patches = values.patch?.length ? ` for ${[...new Set(values.patch)].join(', ')}` : '';
	console.log(
		`Created ${ROLE_LABELS[user.role].toLowerCase()} ${user.displayName} <${user.email}>${patches}.`
	);
	if (generated) printPassword(password);
}

function list(db: Db): void {
	const users = listUsers(db);
	if (users.length === 0) {
		console.log('There are no users yet. Add one with: npm run user -- create --help');
		return;
	}
	const rows = [
		['Email', 'Name', 'Role', 'Can sign in', 'Patches'],
		...users.map((u) => [
			u.email,
			u.displayName,
			u.role,
			u.canSignIn ? 'yes' : u.disabled ? 'no (disabled)' : 'no (no password)',
			u.patches.join(', ')
		])
	];
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	for (const row of rows) {
		console.log(
			row
				.map((cell, i) => cell.padEnd(widths[i]))
				.join('  ')
				.trimEnd()
		);
	}
	console.log(`\n${users.length.toLocaleString('en-GB')} ${users.length === 1 ? 'user' : 'users'}`);
}

async function setPassword(db: Db, values: Values): Promise<void> {
	const generated = values.password === undefined;
	const password = values.password ?? generatePassword();
	const user = await setUserPassword(db, { email: required(values, 'email'), password });
	console.log(`Set a new password for ${user.email} and signed them out everywhere.`);
	if (generated) printPassword(password);
}

async function main(argv: string[]): Promise<number> {
	let command: string | undefined;
	let values: Values;
	try {
		const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
		values = parsed.values;
		if (parsed.positionals.length > 1) {
			throw new UsageError(`Unexpected "${parsed.positionals[1]}".`);
		}
		command = parsed.positionals[0];
	} catch (e) {
		console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
		return 1;
	}
	if (values.help || command === 'help') {
		console.log(USAGE);
		return 0;
	}
	if (command !== 'create' && command !== 'list' && command !== 'set-password') {
		console.error(`${command ? `Unknown command "${command}".` : 'Give a command.'}\n\n${USAGE}`);
		return 1;
	}

	const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
	const { db, sqlite } = openDatabase(databasePath(), { migrationsFolder });
	try {
		if (command === 'create') await create(db, values);
		else if (command === 'list') list(db);
		else await setPassword(db, values);
		return 0;
	} finally {
		sqlite.close();
	}
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (e) {
	process.exitCode = 1;
	if (e instanceof UserInputError) console.error(e.message);
	else if (e instanceof UsageError) console.error(`${e.message}\n\n${USAGE}`);
	else if (e instanceof DatabaseFileError) console.error(e.message);
	else console.error(`Something went wrong: ${e instanceof Error ? e.message : String(e)}`);
}
