/**
 * Import small-area boundaries (ONS Output Areas or LSOAs) from GeoJSON.
 *
 *   npm run areas -- import FILE [--code-property NAME] [--kind OA|LSOA] [--dry-run]
 *                                [--population-property NAME --population-name NAME …]
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
import {
	UsageError,
	importFromFile,
	parseCommandLine,
	parseOptions,
	runCommand
} from '../lib/server/import/cli';
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

When each feature carries its population as a property:
  --population-property NAME  Also store that property as a population set of the programme (the
                       boundaries and the set are saved together, or neither is).
  --population-name NAME      The set's name, e.g. "Census 2021".
  --reference-date DATE       The date the figures describe, e.g. 2021-03-21.
  --default            Make it the programme's default set (the first set a programme has is anyway).
  --programme NAME     Create the programme with this name if the database has none yet.

Limits: files up to ${formatBytes(MAX_BOUNDARY_FILE_BYTES)}, ${MAX_SMALL_AREA_VERTICES.toLocaleString('en-GB')} vertices per feature.
The database is DATABASE_PATH, or ./patchwork.db when that is not set.`;

const OPTIONS = {
	'code-property': { type: 'string' },
	kind: { type: 'string' },
	'dry-run': { type: 'boolean' },
	'population-property': { type: 'string' },
	'population-name': { type: 'string' },
	'reference-date': { type: 'string' },
	default: { type: 'boolean' },
	programme: { type: 'string' },
	help: { type: 'boolean', short: 'h' }
} as const;

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandLine(argv, OPTIONS);
	if (values.help || positionals[0] === 'help') {
		console.log(USAGE);
		return 0;
	}
	const [command, file, extra] = positionals;
	if (command !== 'import') {
		throw new UsageError(command ? `Unknown command "${command}".` : 'Give a command.');
	}
	if (extra !== undefined) throw new UsageError(`Unexpected "${extra}": give one file.`);
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
