/**
 * Import small-area boundaries (ONS Output Areas or LSOAs) from GeoJSON.
 *
 *   npm run areas -- import FILE [--code-property NAME] [--kind OA|LSOA] [--dry-run]
 *                                [--population-property NAME --population-name NAME …]
 *   npm run areas -- centroids FILE [--code-column NAME] [--dry-run]
 *   npm run areas -- deprivation FILE [--lookup FILE] [--name NAME] [--dry-run]
 *
 * See USAGE below. Problems are printed as plain sentences naming the file and feature, with exit
 * code 1; nothing is saved unless the whole file is good.
 */
import {
	populationImportOptionsSchema,
	smallAreaImportOptionsSchema
} from '../lib/domain/import/options';
import {
	MAX_BOUNDARY_FILE_BYTES,
	MAX_SMALL_AREA_VERTICES,
	formatBytes
} from '../lib/domain/import/limits';
import { CODE_PROPERTIES } from '../lib/domain/import/small-areas';
import { parseCentroids } from '../lib/domain/import/centroids';
import {
	deprivationNameSchema,
	parseDeprivation,
	parseOaLookup
} from '../lib/domain/import/deprivation';
import {
	UsageError,
	formatSummary,
	importFromFile,
	parseCommandLine,
	parseOptions,
	runCommand,
	withDatabase
} from '../lib/server/import/cli';
import { importCentroids } from '../lib/server/import/centroids';
import { importDeprivation } from '../lib/server/import/deprivation';
import { readImportFile } from '../lib/server/import/files';
import { createProgress } from './progress';

const USAGE = `Usage:
  npm run areas -- import FILE [--code-property NAME] [--kind OA|LSOA] [--dry-run]
                               [--population-property NAME --population-name NAME
                                --reference-date DATE [--default] [--programme NAME]]

Imports ONS Output Area or LSOA boundaries from a GeoJSON file, adding new small areas and updating
those already stored (matched by code; their population figures stay linked).

  FILE                 GeoJSON FeatureCollection of Polygons or MultiPolygons, in WGS84 or British
                       National Grid (EPSG:27700, reprojected to WGS84). The coordinate system is
                       read from the file's "crs" member or, without one, told from the coordinates.
  --code-property NAME The property holding each area's code. By default the first of
                       ${CODE_PROPERTIES.join(', ')} that the file has.
  --kind OA|LSOA       Output Areas or LSOAs. By default told from the codes (E00/W00 are Output
                       Areas, E01/W01 LSOAs); needed for codes that are not ONS codes.
  --dry-run            Check the file and report what would change, without saving anything.
  --help               Show this help.

  npm run areas -- centroids FILE [--code-column NAME] [--dry-run]

Imports ONS population-weighted centroids: a CSV with a code column and x and y (British National
Grid easting and northing) or long and lat columns, or GeoJSON points. The centroid method then
counts each small area where its population-weighted centroid falls, as ONS does when it assigns
areas to wards, instead of at a point Patchwork picked inside it. Points for small areas Patchwork
does not hold are skipped.
  --code-column NAME   The column or property holding the code (default: OA21CD, LSOA21CD, …).

When each feature carries its population as a property:
  --population-property NAME  Also store that property as a population set of the programme (the
                       boundaries and the set are saved together, or neither is).
  --population-name NAME      The set's name, e.g. "Census 2021".
  --reference-date DATE       The date the figures describe, e.g. 2021-03-21.
  --default            Make it the programme's default set (the first set a programme has is anyway).
  --programme NAME     Create the programme with this name if the database has none yet.

  npm run areas -- deprivation FILE [--lookup FILE] [--name NAME] [--dry-run]

Imports the English Indices of Deprivation by LSOA, in the layout MHCLG publishes: a CSV with the
columns "LSOA code (2021)" and "Index of Multiple Deprivation (IMD) Decile". Each small area takes
its LSOA's decile; the gap analysis then shows each gap also for the people in the most deprived
20% (deciles 1-2). It replaces any deprivation figures imported before.
  --lookup FILE        An ONS OA → LSOA lookup CSV (columns OA21CD and LSOA21CD), needed when the
                       small areas are Output Areas.
  --name NAME          The data set's name (default "English Indices of Deprivation").
The Welsh Index of Multiple Deprivation (WIMD) is not supported yet.

Limits: files up to ${formatBytes(MAX_BOUNDARY_FILE_BYTES)}, ${MAX_SMALL_AREA_VERTICES.toLocaleString('en-GB')} vertices per feature.
The database is DATABASE_PATH, or ./patchwork.db when that is not set.`;

const OPTIONS = {
	'code-property': { type: 'string' },
	'code-column': { type: 'string' },
	kind: { type: 'string' },
	'dry-run': { type: 'boolean' },
	'population-property': { type: 'string' },
	'population-name': { type: 'string' },
	'reference-date': { type: 'string' },
	default: { type: 'boolean' },
	programme: { type: 'string' },
	lookup: { type: 'string' },
	name: { type: 'string' },
	help: { type: 'boolean', short: 'h' }
} as const;

/** Reads, checks and stores population-weighted centroids, and prints what happened. */
async function centroids(
	file: string | undefined,
	codeColumn: string | undefined,
	dryRun: boolean
) {
	if (!file) throw new UsageError('Give the file of centroids to import.');
	const text = readImportFile(file, 'small-areas');
	const parsed = parseCentroids(text, {
		source: file,
		codeColumn: codeColumn?.trim() || undefined
	});
	const { summary } = await withDatabase((db) =>
		importCentroids(db, parsed, { dryRun, via: 'cli' })
	);
	console.log(formatSummary(summary, dryRun));
	return 0;
}

/** Reads, checks and stores deprivation deciles (and the OA → LSOA lookup), and prints what happened. */
async function deprivation(
	file: string | undefined,
	options: { lookup?: string; name?: string; dryRun: boolean }
) {
	if (!file) throw new UsageError('Give the deprivation file (CSV) to import.');
	const parsed = parseDeprivation(readImportFile(file, 'population'), file);
	const lookup = options.lookup
		? parseOaLookup(readImportFile(options.lookup, 'population'), options.lookup)
		: null;
	const name = parseOptions(deprivationNameSchema, options.name);
	const { summary } = await withDatabase((db) =>
		importDeprivation(db, parsed, {
			name,
			lookup,
			lookupSource: options.lookup,
			dryRun: options.dryRun,
			via: 'cli'
		})
	);
	console.log(formatSummary(summary, options.dryRun));
	return 0;
}

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandLine(argv, OPTIONS);
	if (values.help || positionals[0] === 'help') {
		console.log(USAGE);
		return 0;
	}
	const [command, file, extra] = positionals;
	if (extra !== undefined) throw new UsageError(`Unexpected "${extra}": give one file.`);
	if (command === 'centroids') {
		return centroids(file, values['code-column'], values['dry-run'] ?? false);
	}
	if (command === 'deprivation') {
		return deprivation(file, {
			lookup: values.lookup,
			name: values.name,
			dryRun: values['dry-run'] ?? false
		});
	}
	if (command !== 'import') {
		throw new UsageError(command ? `Unknown command "${command}".` : 'Give a command.');
	}
	const options = parseOptions(smallAreaImportOptionsSchema, {
		codeProperty: values['code-property'],
		kind: values.kind,
		populationProperty: values['population-property']
	});
	const setOptions = [values['population-name'], values['reference-date'], values.default];
	if (!options.populationProperty && setOptions.some((value) => value !== undefined)) {
		throw new UsageError(
			'--population-name, --reference-date and --default go with --population-property.'
		);
	}
	const population = options.populationProperty
		? parseOptions(populationImportOptionsSchema, {
				name: values['population-name'],
				referenceDate: values['reference-date'],
				makeDefault: values.default ?? false
			})
		: undefined;
	const progress = createProgress();
	return importFromFile({ kind: 'small-areas', options: { ...options, population } }, file, {
		dryRun: values['dry-run'] ?? false,
		programmeName: values.programme,
		onProgress: progress.update,
		onDone: progress.end
	});
}

await runCommand(() => main(process.argv.slice(2)), USAGE);
