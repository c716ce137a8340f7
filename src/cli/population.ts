/**
 * Import population figures by small area as a named population set of the programme, and list the
 * sets there are.
 *
 *   npm run population -- import FILE [--name NAME] [--reference-date DATE] [--default] [--dry-run]
 *   npm run population -- list
 */
import { asc, count, eq } from 'drizzle-orm';
import { populationImportOptionsSchema } from '../lib/domain/import/options';
import { MAX_CSV_FILE_BYTES, formatBytes } from '../lib/domain/import/limits';
import { formatDate, formatNumber } from '../lib/domain/format';
import * as t from '../lib/server/db/schema';
import {
	UsageError,
	importFromFile,
	parseCommandLine,
	parseOptions,
	runCommand,
	withDatabase
} from '../lib/server/import/cli';
import { createProgress } from './progress';

const USAGE = `Usage:
  npm run population -- import FILE [--name NAME] [--reference-date DATE] [--source TEXT]
                                    [--default] [--dry-run] [--code-column NAME] [--value-column NAME]
                                    [--programme NAME] [--strict]
  npm run population -- list

import  Reads population by small area from a CSV file into a named population set of the
        programme. The file's shape is recognised from its columns:
          ONS mid-year estimates: area_code, sex, all_ages (the "Persons" row of each area)
          Nomis census tables: area_code, indicator, value (the "All persons" row of each area)
          a plain table of code and population (columns such as code and population)
        Every row's code must be a small area Patchwork holds (import boundaries first with
        npm run areas), and appear once: otherwise nothing is imported and the rows are named.
        Importing a set with a name the programme already has replaces that set's figures.

  --name NAME            The set's name, e.g. "Mid-2022". By default from the file
                         ("Mid-2022" for mid-year files, "Census 2021" for census files).
  --reference-date DATE  The date the figures describe, e.g. 2022-06-30. By default the file's
                         period column.
  --source TEXT          Where the figures come from (default: the file name and its shape).
  --default              Make it the programme's default set, used for patch sizing. The first set
                         a programme has is its default anyway.
  --code-column NAME     The column holding the small-area code (default: area_code, OA21CD, …).
  --value-column NAME    The column holding the population (default: from the file's shape).
  --programme NAME       Create the programme with this name if the database has none yet.
  --strict               Refuse the file if it gives any warning (such as stored small areas
                         with no figure, which would count as 0 people).
  --dry-run              Check the file and report the join, without saving anything.

list    Shows the programme's population sets.

Limit: files up to ${formatBytes(MAX_CSV_FILE_BYTES)}.
The database is DATABASE_PATH, or ./patchwork.db when that is not set.`;

const OPTIONS = {
	name: { type: 'string' },
	'reference-date': { type: 'string' },
	source: { type: 'string' },
	default: { type: 'boolean' },
	'code-column': { type: 'string' },
	'value-column': { type: 'string' },
	programme: { type: 'string' },
	'dry-run': { type: 'boolean' },
	strict: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;

function list(): Promise<number> {
	return withDatabase((db) => {
		const programme = db.select().from(t.programmes).orderBy(asc(t.programmes.id)).get();
		if (!programme) {
			console.log('Patchwork has no programme yet, so no population sets.');
			return 0;
		}
		const sets = db
			.select({
				id: t.populationSets.id,
				name: t.populationSets.name,
				referenceDate: t.populationSets.referenceDate,
				areas: count(t.populationValues.smallAreaId)
			})
			.from(t.populationSets)
			.leftJoin(t.populationValues, eq(t.populationValues.populationSetId, t.populationSets.id))
			.where(eq(t.populationSets.programmeId, programme.id))
			.groupBy(t.populationSets.id)
			.orderBy(asc(t.populationSets.referenceDate))
			.all();
		if (sets.length === 0) {
			console.log(
				`${programme.name} has no population sets yet. Import one with: npm run population -- import --help`
			);
			return 0;
		}
		console.log(`Population sets of ${programme.name}:`);
		for (const set of sets) {
			const isDefault = set.id === programme.defaultPopulationSetId ? ' (default)' : '';
			console.log(
				`  ${set.name}${isDefault}: ${formatDate(set.referenceDate)}, ${formatNumber(set.areas)} small areas`
			);
		}
		return 0;
	});
}

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandLine(argv, OPTIONS);
	if (values.help || positionals[0] === 'help') {
		console.log(USAGE);
		return 0;
	}
	const [command, file, extra] = positionals;
	if (command === 'list') return list();
	if (command !== 'import') {
		throw new UsageError(command ? `Unknown command "${command}".` : 'Give a command.');
	}
	if (extra !== undefined) throw new UsageError(`Unexpected "${extra}": give one file.`);
	const options = parseOptions(populationImportOptionsSchema, {
		name: values.name,
		referenceDate: values['reference-date'],
		source: values.source,
		makeDefault: values.default ?? false,
		codeColumn: values['code-column'],
		valueColumn: values['value-column'],
		strict: values.strict ?? false
	});
	const progress = createProgress();
	return importFromFile({ kind: 'population', options }, file, {
		dryRun: values['dry-run'] ?? false,
		programmeName: values.programme,
		onProgress: progress.update,
		onDone: progress.end
	});
}

await runCommand(() => main(process.argv.slice(2)), USAGE);
