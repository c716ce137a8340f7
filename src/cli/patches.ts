/**
 * Check every patch against the design limits, or import patch boundaries from GeoJSON.
 *
 *   npm run patches -- check [--method areal|centroid] [--json] [--population-set NAME]
 *   npm run patches -- import FILE [--name-property NAME] [--dry-run]
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { patchImportOptionsSchema } from '../lib/domain/import/options';
import { MAX_PATCH_FILE_BYTES, MAX_PATCH_VERTICES, formatBytes } from '../lib/domain/import/limits';
import { PATCH_NAME_PROPERTIES } from '../lib/domain/import/patches';
import { sizingReportText } from '../lib/domain/sizing-report';
import { SIZING_METHODS, type SizingMethod } from '../lib/domain/sizing/types';
import type { Db } from '../lib/server/db/client';
import * as t from '../lib/server/db/schema';
import { checkProgrammeSizing } from '../lib/server/sizing';
import {
	CommandError,
	UsageError,
	importFromFile,
	parseCommandLine,
	parseOptions,
	runCommand,
	withDatabase
} from '../lib/server/import/cli';
import { createProgress } from './progress';

const USAGE = `Usage:
  npm run patches -- check [--method areal|centroid] [--json] [--population-set NAME]
  npm run patches -- import FILE [--name-property NAME] [--dry-run] [--programme NAME]

check   Prints every patch's population by areal weighting and by the centroid method, their
        difference, area, density, band against the programme's limits, people shared with other
        patches and plain guidance; then the programme's totals (people covered, in no patch,
        counted twice). The same table as the council patch-sizing page.
  --method areal|centroid  Which estimate the band and guidance use (default: areal).
  --population-set NAME    Which population set to use (default: the programme's default set).
  --json                   Print JSON for scripts instead of a table.

import  Reads patch boundaries from a GeoJSON file: each feature is a patch, named by a property.
        A patch whose name (as a web address, e.g. "sale-moor") is already stored gets the new
        boundary; others are added as active. A boundary that crosses itself refuses the import.
  --name-property NAME     The property holding each patch's name. By default the first of
                           ${PATCH_NAME_PROPERTIES.join(', ')} that the file has.
  --programme NAME         Create the programme with this name if the database has none yet.
  --dry-run                Check the file and report what would change, without saving anything.

Limits: files up to ${formatBytes(MAX_PATCH_FILE_BYTES)}, ${MAX_PATCH_VERTICES.toLocaleString('en-GB')} vertices per patch.
The database is DATABASE_PATH, or ./patchwork.db when that is not set.`;

const OPTIONS = {
	method: { type: 'string' },
	json: { type: 'boolean' },
	'population-set': { type: 'string' },
	'name-property': { type: 'string' },
	programme: { type: 'string' },
	'dry-run': { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;

function populationSetId(
	db: Db,
	programmeId: number,
	name: string | undefined
): number | undefined {
	if (name === undefined) return undefined;
	const found = db
		.select({ id: t.populationSets.id })
		.from(t.populationSets)
		.where(
			and(
				eq(t.populationSets.programmeId, programmeId),
				sql`lower(${t.populationSets.name}) = lower(${name.trim()})`
			)
		)
		.get();
	if (found) return found.id;
	const names = db
		.select({ name: t.populationSets.name })
		.from(t.populationSets)
		.where(eq(t.populationSets.programmeId, programmeId))
		.orderBy(asc(t.populationSets.name))
		.all()
		.map((set) => `"${set.name}"`);
	throw new CommandError(
		`There is no population set called "${name}". ${names.length ? `The programme has: ${names.join(', ')}.` : 'The programme has none yet.'}`
	);
}

function check(method: SizingMethod, json: boolean, setName: string | undefined): Promise<number> {
	return withDatabase((db) => {
		const programme = db.select().from(t.programmes).orderBy(asc(t.programmes.id)).get();
		if (!programme)
			throw new CommandError('Patchwork has no programme yet, so there is nothing to check.');
		const populationSet = populationSetId(db, programme.id, setName);
		const result = checkProgrammeSizing(db, programme.id, {
			method,
			populationSetId: populationSet
		});
		if (!result) {
			throw new CommandError(
				`${programme.name} has no default population set to size patches with. Import one with: npm run population -- import FILE --default`
			);
		}
		const { context, ...checked } = result;
		if (json) {
			const output = {
				programme: context.programme,
				populationSet: { ...context.populationSet, smallAreas: context.smallAreaCount },
				points: context.points,
				method: checked.method,
				limits: checked.limits,
				totals: checked.totals,
				patches: checked.patches,
				overlaps: checked.overlaps,
				uncoveredAreas: checked.uncoveredAreas
			};
			console.log(JSON.stringify(output, null, 2));
		} else process.stdout.write(sizingReportText(checked, context));
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
	if (command === 'check') {
		if (file !== undefined) throw new UsageError(`Unexpected "${file}".`);
		const method = (values.method ?? 'areal').trim().toLowerCase();
		if (!(SIZING_METHODS as readonly string[]).includes(method)) {
			throw new UsageError(`--method must be areal or centroid, not "${values.method}".`);
		}
		return check(method as SizingMethod, values.json ?? false, values['population-set']);
	}
	if (command !== 'import') {
		throw new UsageError(command ? `Unknown command "${command}".` : 'Give a command.');
	}
	if (extra !== undefined) throw new UsageError(`Unexpected "${extra}": give one file.`);
	const options = parseOptions(patchImportOptionsSchema, { nameProperty: values['name-property'] });
	const progress = createProgress();
	return importFromFile({ kind: 'patches', options }, file, {
		dryRun: values['dry-run'] ?? false,
		programmeName: values.programme,
		onProgress: progress.update,
		onDone: progress.end
	});
}

await runCommand(() => main(process.argv.slice(2)), USAGE);
