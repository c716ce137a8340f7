/**
 * The council gap analysis from the command line: the same figures as the council Gaps page.
 *
 *   npm run gaps -- [--category ID] [--threshold 800] [--method areal|centroid] [--json|--csv]
 */
import { gapOptionsSchema } from '../lib/domain/gaps/options';
import { gapReportData, patchCategoryCsv } from '../lib/domain/gaps/report-output';
import { gapReportText } from '../lib/domain/gaps/report-text';
import { runGaps, UnknownCategoryError } from '../lib/server/gaps';
import {
	CommandError,
	UsageError,
	parseCommandLine,
	parseOptions,
	runCommand,
	withDatabase
} from '../lib/server/import/cli';

const USAGE = `Usage:
  npm run gaps -- [--category ID] [--threshold 800] [--method areal|centroid] [--json|--csv]

Prints where community assets are missing: for each patch and category, the published entries,
entries per 1,000 residents against the programme's median (flagged when none or under a quarter of
it), and the people living farther than the threshold, in a straight line, from the nearest entry of
the category; then each patch's empty time-of-week slots. The same figures as the council Gaps page.
  --category ID        Only this category (its id, e.g. "food").
  --threshold METRES   Straight-line distance counted as near (default 800, about 10 minutes' walk).
  --method M           How patch populations are counted: areal (default) or centroid.
  --json               Print JSON for scripts, including each small area's nearest distances.
  --csv                Print the patch × category table as CSV (formula-safe).

The database is DATABASE_PATH, or ./patchwork.db when that is not set.`;

const OPTIONS = {
	category: { type: 'string' },
	threshold: { type: 'string' },
	method: { type: 'string' },
	json: { type: 'boolean' },
	csv: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandLine(argv, OPTIONS);
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	if (positionals.length) throw new UsageError(`Unexpected "${positionals[0]}".`);
	if (values.json && values.csv) throw new UsageError('Give --json or --csv, not both.');
	const query = parseOptions(gapOptionsSchema, {
		category: values.category,
		threshold: values.threshold,
		method: values.method
	});
	return withDatabase((db) => {
		let run;
		try {
			run = runGaps(db, query);
		} catch (error) {
			if (error instanceof UnknownCategoryError) throw new CommandError(error.message);
			throw error;
		}
		if (!run)
			throw new CommandError('Patchwork has no programme yet, so there is nothing to analyse.');
		if (values.json) {
			console.log(JSON.stringify(gapReportData(run.report, run.inputs.areas), null, 2));
		} else if (values.csv) {
			process.stdout.write(patchCategoryCsv(run.report));
		} else {
			process.stdout.write(gapReportText(run.report));
		}
		return 0;
	});
}

await runCommand(() => main(process.argv.slice(2)), USAGE);
