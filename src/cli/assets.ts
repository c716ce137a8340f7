/**
 * Import community assets from an Open Referral feed, a GeoJSON layer, a CSV list or an
 * OpenStreetMap export.
 *
 *   npm run assets -- import FILE --format openreferral|geojson|csv|osm [--mapping MAPPING.json]
 *                      [--status draft|published] [--source NAME] [--dry-run] [--json]
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { ImportError } from '../lib/domain/import/errors';
import { formatBytes } from '../lib/domain/import/limits';
import { ASSET_IMPORT_FORMATS } from '../lib/domain/exchange/import/kinds';
import {
	assetFileSizeProblem,
	MAX_ASSET_FEATURE_VERTICES,
	MAX_ASSET_FILE_BYTES
} from '../lib/domain/exchange/import/limits';
import { parseAssetMapping } from '../lib/domain/exchange/import/prepare';
import { reportText } from '../lib/domain/exchange/import/report';
import { runAssetImport } from '../lib/server/exchange/import/run';
import {
	parseCommandLine,
	parseOptions,
	runCommand,
	UsageError,
	withDatabase
} from '../lib/server/import/cli';
import { createProgress } from './progress';

const USAGE = `Usage:
  npm run assets -- import FILE --format openreferral|geojson|csv|osm [--mapping MAPPING.json]
                     [--status draft|published] [--source NAME] [--programme NAME] [--dry-run] [--json]

import  Reads community assets from FILE. Each record becomes an asset, or is rejected with its
        reason (the report names the row, feature or service). Assets already imported from the
        same source with the same id are updated in place, so importing a file again creates no
        duplicates. Possible duplicates (the same name within 100 metres, or a shared postcode and
        one name containing the other) are flagged for review, never merged.
  --format FORMAT     openreferral  an Open Referral feed: HSDS 3.0 (a page with "contents", or one
                                    service) or a flat list of services, as council directories publish
                      geojson       a GeoJSON layer: points, or areas placed at a point inside them
                      csv           a CSV list with a header row, placed by latitude and longitude,
                                    easting and northing, or postcode (from the postcode table)
                      osm           an OpenStreetMap export (overpass-turbo, osmtogeojson, QGIS)
  --mapping FILE      A JSON mapping: which property is the name, address, postcode, website…,
                      and rules from property values to kinds and categories (see the import guide,
                      src/lib/domain/exchange/import/README.md).
  --status STATUS     The status of new assets: draft (the default: a coordinator reviews them
                      before residents see them) or published (for a feed you already trust).
                      Assets already imported keep their status.
  --source NAME       The name re-imports are matched by (default: "openreferral", "osm", or the
                      format and the file's name, e.g. "geojson:trafford-libraries").
  --programme NAME    Create the programme with this name if the database has none yet.
  --dry-run           Check the file and report what would be created, updated and rejected,
                      without saving anything.
  --json              Print the report as JSON.

Limits: files up to ${formatBytes(MAX_ASSET_FILE_BYTES)}; ${MAX_ASSET_FEATURE_VERTICES.toLocaleString('en-GB')} vertices per feature.
The database is DATABASE_PATH, or ./patchwork.db when that is not set.`;

const OPTIONS = {
	format: { type: 'string' },
	mapping: { type: 'string' },
	status: { type: 'string' },
	source: { type: 'string' },
	programme: { type: 'string' },
	'dry-run': { type: 'boolean' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;

const optionsSchema = z.object({
	format: z.enum(ASSET_IMPORT_FORMATS, {
		error: `Give --format: ${ASSET_IMPORT_FORMATS.join(', ')}.`
	}),
	status: z
		.enum(['draft', 'published'], { error: '--status must be draft or published.' })
		.default('draft'),
	source: z
		.string()
		.trim()
		.regex(
			/^[a-z0-9][a-z0-9:._-]{0,79}$/,
			'--source must be lower-case letters, digits and - _ . : (up to 80).'
		)
		.optional()
});

/** Reads a file, checking its size before reading it all. Throws ImportError. */
function readAssetFile(path: string): Uint8Array {
	let size: number;
	try {
		const stat = statSync(path);
		if (stat.isDirectory()) throw new ImportError([`${path} is a folder, not a file.`]);
		size = stat.size;
	} catch (error) {
		if (error instanceof ImportError) throw error;
		const code = (error as { code?: string }).code;
		throw new ImportError([
			code === 'ENOENT'
				? `${path} does not exist.`
				: `${path} could not be read (${(error as Error).message}).`
		]);
	}
	const problem = assetFileSizeProblem(path, size);
	if (problem) throw new ImportError([problem]);
	return readFileSync(path);
}

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandLine(argv, OPTIONS);
	if (values.help || positionals[0] === 'help') {
		console.log(USAGE);
		return 0;
	}
	const [command, file, extra] = positionals;
	if (command !== 'import')
		throw new UsageError(command ? `Unknown command "${command}".` : 'Give a command.');
	if (!file) throw new UsageError('Give the file to import.');
	if (extra !== undefined) throw new UsageError(`Unexpected "${extra}": give one file.`);
	const options = parseOptions(optionsSchema, {
		format: values.format?.trim().toLowerCase(),
		status: values.status?.trim().toLowerCase(),
		source: values.source
	});
	const mapping = values.mapping
		? parseAssetMapping(new TextDecoder().decode(readAssetFile(values.mapping)), values.mapping)
		: null;
	const bytes = readAssetFile(file);
	const dryRun = values['dry-run'] ?? false;
	const progress = createProgress({ minTotal: 200 });
	const report = await withDatabase((db) => {
		try {
			return runAssetImport(db, {
				bytes,
				file,
				format: options.format,
				mapping,
				status: options.status,
				source: options.source,
				dryRun,
				via: 'cli',
				programmeName: values.programme,
				onProgress: progress.update
			});
		} finally {
			progress.end();
		}
	});
	if (values.json) console.log(JSON.stringify(report, null, 2));
	else {
		console.log(reportText(report));
		if (dryRun) console.log('Run the same command without --dry-run to import it.');
	}
	return 0;
}

await runCommand(() => main(process.argv.slice(2)), USAGE);
