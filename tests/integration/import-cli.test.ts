/**
 * The import and check commands as a person runs them (in a child process, as `npm run` does): exit
 * codes, summaries on standard output, plain messages and never a stack trace on standard error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { databaseState, fixture } from './import-helpers';
import { SPAWN_TIMEOUT_MS, SPAWNING_TEST_TIMEOUT_MS, cli } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS });

let dir: string;
let databasePath: string;

function run(script: 'areas' | 'population' | 'patches', ...args: string[]) {
	const result = spawnSync(...cli(script, ...args), {
		env: { ...process.env, DATABASE_PATH: databasePath, FORCE_COLOR: '0' },
		encoding: 'utf8',
		timeout: SPAWN_TIMEOUT_MS
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** No "    at foo (file.ts:1:2)" lines: a person never sees a stack trace. */
function expectNoStackTrace(text: string) {
	expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

function state() {
	const { sqlite } = openDatabase(databasePath);
	try {
		return databaseState(sqlite);
	} finally {
		sqlite.close();
	}
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-cli-'));
	databasePath = join(dir, 'cli.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('help and mistyped commands', () => {
	it('prints help for each command with exit code 0', () => {
		for (const script of ['areas', 'population', 'patches'] as const) {
			const help = run(script, '--help');
			expect(help.code).toBe(0);
			expect(help.stdout).toMatch(new RegExp(`^Usage:\\n  npm run ${script} -- `));
		}
	});

	it('explains a mistyped command or option with exit code 1', () => {
		const unknown = run('areas', 'import', 'x.geojson', '--colour', 'red');
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toMatch(/^Unknown option --colour\.\n\nUsage:/);
		const kind = run('areas', 'import', fixture('small-areas.geojson'), '--kind', 'MSOA');
		expect(kind.code).toBe(1);
		expect(kind.stderr).toMatch(/^Choose Output Areas \(OA\) or LSOAs \(LSOA\)\n/);
		const noFile = run('population', 'import', '--name', 'Mid-2022');
		expect(noFile.stderr).toMatch(/^Give the file to import\./);
		const date = run('population', 'import', 'x.csv', '--reference-date', '31/02/2022');
		expect(date.stderr).toMatch(
			/^Enter the reference date as a real date, like 30 6 2022 or 2022-06-30\n/
		);
		const method = run('patches', 'check', '--method', 'guess');
		expect(method.stderr).toMatch(/^--method must be areal or centroid, not "guess"\./);
	});
});

describe('importing and checking', () => {
	it('imports small areas, then population into a new programme, then patches', () => {
		const areas = run('areas', 'import', fixture('small-areas.geojson'));
		expect(areas.code).toBe(0);
		expect(areas.stdout).toContain(`Imported 3 small areas from ${fixture('small-areas.geojson')}`);
		expect(areas.stdout).toContain('  3 small areas were added and 0 updated (matched by code).');

		const population = run(
			'population',
			'import',
			fixture('population-mid-year.csv'),
			'--programme',
			'Test programme',
			'--name',
			'Mid-2022',
			'--reference-date',
			'30 June 2022'
		);
		expect(population.code).toBe(0);
		expect(population.stdout).toContain(
			'3 codes match small areas (Output Areas), with 950 people in all.'
		);
		expect(population.stdout).toContain(
			"It is now the programme's default population set, as it has no other."
		);

		const patches = run('patches', 'import', fixture('patches.geojson'));
		expect(patches.code).toBe(0);
		expect(patches.stdout).toContain('1 new patch was added: Test Patch One.');
	});

	it('a dry run prints what would happen and saves nothing', () => {
		const before = state();
		const dry = run('population', 'import', fixture('population-census.csv'), '--dry-run');
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('(nothing has been saved yet)');
		expect(dry.stdout).toContain('Run the same command without --dry-run to import it.');
		expect(state()).toEqual(before);
	});

	it('refuses a bad file with exit code 1, a plain message and nothing changed', () => {
		const before = state();
		const unknown = run('population', 'import', fixture('population-unknown-codes.csv'));
		expect(unknown.code).toBe(1);
		expect(unknown.stdout).toBe('');
		expect(unknown.stderr).toBe(
			`Nothing was imported.\n${fixture('population-unknown-codes.csv')}: 2 rows have codes that are not small areas in Patchwork: E00999998 (line 3) and E00999999 (line 4). Import their boundaries first, or remove those rows.\n`
		);
		const json = run('areas', 'import', fixture('invalid-json.geojson.txt'));
		expect(json.code).toBe(1);
		expect(json.stderr).toContain(
			"is not valid JSON: line 5, column 37: Expected ',' or '}' after property value."
		);
		const missing = run('areas', 'import', join(dir, 'nowhere.geojson'));
		expect(missing.stderr).toBe(
			`Nothing was imported.\n${join(dir, 'nowhere.geojson')} does not exist.\n`
		);
		const bowTie = run('patches', 'import', fixture('bow-tie-patch.geojson'));
		expect(bowTie.code).toBe(1);
		expect(bowTie.stderr).toContain(
			'feature 2 (Crossed Lines): the boundary crosses itself at 1 point: near 53.45250, -2.29500 (latitude, longitude)'
		);
		for (const output of [unknown, json, missing, bowTie]) expectNoStackTrace(output.stderr);
		expect(state()).toEqual(before);
	});

	it('checks the patches as a table, and as JSON for scripts', () => {
		const table = run('patches', 'check');
		expect(table.code).toBe(0);
		const lines = table.stdout.split('\n');
		expect(lines.slice(0, 4)).toEqual([
			'Programme: Test programme',
			'Population set: Mid-2022 (30 June 2022), 3 small areas',
			'Method: Areal weighting (bands and guidance use this method)',
			'Centroid points: interior points'
		]);
		expect(lines[5]).toMatch(
			/^Patch +Areal +Centroid +Difference +Area km² +Density \/km² +Band +Overlap +Guidance$/
		);
		// Two whole squares (300 + 250) and a tenth of the third (400): 590 by areal weighting.
		expect(lines[6]).toMatch(
			/^Test Patch One +590 +550 +\+40 +0\.\d\d +[\d,]+ +Under +0 +Add about 9,410 people to reach 10,000$/
		);
		expect(table.stdout).toMatch(/\nPeople in the small areas: +950\n/);

		const json = run('patches', 'check', '--json', '--method', 'centroid');
		expect(json.code).toBe(0);
		const parsed = JSON.parse(json.stdout);
		expect(parsed).toMatchObject({
			programme: { name: 'Test programme' },
			populationSet: { name: 'Mid-2022', referenceDate: '2022-06-30', smallAreas: 3 },
			method: 'centroid',
			points: { weighted: 0, total: 3, label: 'interior points' },
			totals: { population: 950, covered: 550, uncovered: 400, doubleCounted: 0 }
		});
		// The patch cuts the third square (400 people): its centroid figure could be 550 to 950.
		expect(parsed.patches[0]).toMatchObject({
			name: 'Test Patch One',
			centroid: 550,
			cutPeople: 400,
			centroidRange: { min: 550, max: 950 },
			band: 'under'
		});
	});

	it('checks with another population set by name, and names the sets when it is wrong', () => {
		expect(run('population', 'import', fixture('population-census.csv')).code).toBe(0);
		const census = run(
			'patches',
			'check',
			'--population-set',
			'census 2021',
			'--method',
			'centroid'
		);
		expect(census.code).toBe(0);
		expect(census.stdout).toContain('Population set: Census 2021 (21 March 2021), 3 small areas');
		const wrong = run('patches', 'check', '--population-set', 'Mid-2023');
		expect(wrong.code).toBe(1);
		expect(wrong.stderr).toBe(
			'There is no population set called "Mid-2023". The programme has: "Census 2021", "Mid-2022".\n'
		);
		const list = run('population', 'list');
		expect(list.stdout).toBe(
			'Population sets of Test programme:\n  Census 2021: 21 March 2021, 3 small areas\n  Mid-2022 (default): 30 June 2022, 3 small areas\n'
		);
	});
});
