/**
 * Postcode points for "near me" searches.
 *
 *   npm run postcodes -- import FILE     import an ONS Postcode Directory CSV (pcds, lat, long)
 *   npm run postcodes -- lookup POSTCODE show where a stored postcode is
 *
 * The database is DATABASE_PATH, or ./patchwork.db when that is not set.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseFileError, databasePath, openDatabase } from '../lib/server/db/client';
import { PostcodeImportError, importPostcodeCsv } from '../lib/server/directory/postcodes';
import { lookupPostcode } from '../lib/server/queries/directory';
import { createProgress } from './progress';

const USAGE = `Usage:
  npm run postcodes -- import FILE
  npm run postcodes -- lookup POSTCODE

import  Reads a CSV in the layout of the ONS Postcode Directory (ONSPD). The pcds (or pcd), lat and
        long columns are used and every other column is ignored. Rows with ONS's "no grid
        reference" latitude (99.999999) are skipped and counted. A postcode already stored is
        replaced. The whole file is imported in one transaction: all of it, or nothing.
lookup  Shows the point stored for a postcode.

The database is DATABASE_PATH, or ./patchwork.db when that is not set.`;

const n = (value: number) => value.toLocaleString('en-GB');

function run(argv: string[]): number {
	const { positionals, values } = parseArgs({
		args: argv,
		options: { help: { type: 'boolean', short: 'h' } },
		allowPositionals: true,
		strict: true
	});
	const [command, argument, extra] = positionals;
	if (values.help || command === 'help') {
		console.log(USAGE);
		return 0;
	}
	if ((command !== 'import' && command !== 'lookup') || !argument || extra) {
		console.error(`${command ? `Unknown command or arguments.` : 'Give a command.'}\n\n${USAGE}`);
		return 2;
	}
	if (command === 'import' && (!existsSync(argument) || !statSync(argument).isFile())) {
		console.error(`There is no file ${argument}.`);
		return 1;
	}
	const path = databasePath();
	const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
	const { db, sqlite } = openDatabase(path, { migrationsFolder });
	try {
		if (command === 'lookup') {
			const found = lookupPostcode(db, argument);
			if (!found) {
				console.error(`${argument} is not a postcode stored in ${path}.`);
				return 1;
			}
			console.log(`${found.postcode}: latitude ${found.lat}, longitude ${found.lon}`);
			return 0;
		}
		const progress = createProgress({ minTotal: 1 });
		const mb = (bytes: number) => Math.round(bytes / 1_000_000);
		const started = performance.now();
		const summary = importPostcodeCsv(db, argument, {
			onProgress: (read, total) => progress.update('Importing postcodes (MB)', mb(read), mb(total))
		});
		progress.end();
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(`Imported ${n(summary.imported)} postcodes from ${argument} in ${seconds} s.`);
		console.log(`  ${n(summary.added)} new, ${n(summary.replaced)} replaced`);
		console.log(`  ${n(summary.rows)} rows read`);
		console.log(`  ${n(summary.noGridReference)} skipped: ONS gives them no grid reference`);
		if (summary.invalid) {
			console.log(`  ${n(summary.invalid)} skipped: could not be read. The first of them:`);
			for (const example of summary.examples) console.log(`    ${example}`);
		}
		return 0;
	} finally {
		sqlite.close();
	}
}

try {
	process.exitCode = run(process.argv.slice(2));
} catch (error) {
	process.exitCode = 1;
	if (error instanceof PostcodeImportError)
		console.error(`Nothing was imported.\n${error.message}`);
	else if (error instanceof DatabaseFileError) console.error(error.message);
	else if (
		error instanceof TypeError &&
		'code' in error &&
		String(error.code).startsWith('ERR_PARSE_ARGS')
	) {
		console.error(`${error.message}\n\n${USAGE}`);
		process.exitCode = 2;
	} else throw error;
}
