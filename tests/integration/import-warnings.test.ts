/**
 * Imports that go through but need a person's attention, tried on the real Trafford files as a
 * council officer would run them: a population file missing some small areas (a warning, the old and
 * new totals, and --strict refusing it), a patch outside every small area (a warning and a problem on
 * the sizing check), and boundaries carrying their own population (--population-property).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { csvRecords } from '../../src/lib/domain/csv';
import { databaseState, traffordPath } from './import-helpers';
import { SPAWN_TIMEOUT_MS, SPAWNING_TEST_TIMEOUT_MS, cli } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS });

const OA_BOUNDARIES = traffordPath('boundaries/trafford_2021_oa_generalised.geojson');
const OA_MID_2022 = traffordPath('population/mid2022/mid-year_2022_population_estimates_oa.csv');
const WARDS = traffordPath('boundaries/trafford_ward2023_generalised.geojson');

let dir: string;

function run(databasePath: string, script: 'areas' | 'population' | 'patches', ...args: string[]) {
	const result = spawnSync(...cli(script, ...args), {
		env: { ...process.env, DATABASE_PATH: databasePath, FORCE_COLOR: '0' },
		encoding: 'utf8',
		timeout: SPAWN_TIMEOUT_MS
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function state(databasePath: string) {
	const { sqlite } = openDatabase(databasePath);
	try {
		return databaseState(sqlite);
	} finally {
		sqlite.close();
	}
}

/** The mid-2022 file's "Persons" figure of each Output Area, read here from the file itself. */
function personsByCode(): Map<string, number> {
	const [header, ...rows] = [...csvRecords(readFileSync(OA_MID_2022, 'utf8'))].map((r) => r.fields);
	const code = header.indexOf('area_code');
	const sex = header.indexOf('sex');
	const value = header.indexOf('all_ages');
	return new Map(rows.filter((r) => r[sex] === 'Persons').map((r) => [r[code], Number(r[value])]));
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-warn-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a population file that lacks some stored small areas', () => {
	const db = () => join(dir, 'population.db');

	it('warns under "Warnings:", prints the old and new totals, and --strict refuses it', () => {
		expect(run(db(), 'areas', 'import', OA_BOUNDARIES).code).toBe(0);
		const first = run(db(), 'population', 'import', OA_MID_2022, '--programme', 'Trafford');
		expect(first.code).toBe(0);
		expect(first.stdout).not.toContain('Warnings:');

		// The same file without the rows of one Output Area, as a council's hand-edited copy might be.
		const persons = personsByCode();
		const dropped = [...persons.keys()].sort()[0];
		const lines = readFileSync(OA_MID_2022, 'utf8').split(/\r?\n/);
		const short = join(dir, 'mid-2022-short.csv');
		writeFileSync(short, lines.filter((line) => !line.includes(`,${dropped},`)).join('\n'));

		const before = state(db());
		const strict = run(db(), 'population', 'import', short, '--strict');
		expect(strict.code).toBe(1);
		// Progress lines come first on standard error; the message follows them.
		expect(strict.stderr).toContain(
			`Nothing was imported.\n${short}: 1 stored small area has no figure in this file, so it counts as 0 people: ${dropped}.\n` +
				'With --strict a file that gives warnings is refused: fix the file, or import it without --strict.\n'
		);
		expect(state(db())).toEqual(before);

		const replaced = run(db(), 'population', 'import', short);
		expect(replaced.code).toBe(0);
		const total = [...persons.values()].reduce((a, b) => a + b, 0);
		expect(total).toBe(236_301);
		const after = total - persons.get(dropped)!;
		expect(replaced.stdout).toContain(
			'The programme already has a population set called "Mid-2022": its figures were replaced.\n' +
				`  Its total went from 236,301 to ${after.toLocaleString('en-GB')} people.\n`
		);
		expect(replaced.stdout).toMatch(
			new RegExp(
				`\\nWarnings:\\n  1 stored small area has no figure in this file, so it counts as 0 people: ${dropped}\\.\\n$`
			)
		);
		// The summary lines above the warnings no longer carry it.
		expect(replaced.stdout.split('Warnings:')[0]).not.toContain('no figure');
	});
});

describe('a patch wholly outside the programme', () => {
	const db = () => join(dir, 'patches.db');

	it('warns at import and is listed as covering no small area in the check', () => {
		expect(run(db(), 'areas', 'import', OA_BOUNDARIES).code).toBe(0);
		expect(run(db(), 'population', 'import', OA_MID_2022, '--programme', 'Trafford').code).toBe(0);
		// One real ward, and a square of the same size in Cornwall, far from every Trafford area.
		const wards = JSON.parse(readFileSync(WARDS, 'utf8'));
		const ward = wards.features[0];
		const far = {
			type: 'Feature',
			properties: { name: 'Far Away' },
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[-5.1, 50.2],
						[-5.05, 50.2],
						[-5.05, 50.23],
						[-5.1, 50.23],
						[-5.1, 50.2]
					]
				]
			}
		};
		const file = join(dir, 'patches-far.geojson');
		writeFileSync(
			file,
			JSON.stringify({
				type: 'FeatureCollection',
				features: [{ ...ward, properties: { name: ward.properties.area_name } }, far]
			})
		);
		const imported = run(db(), 'patches', 'import', file);
		expect(imported.stderr).toBe('');
		expect(imported.code).toBe(0);
		expect(imported.stdout).toContain(
			'Warnings:\n  Feature 2 (Far Away) covers no small area of Trafford, so it counts 0 people: check its coordinates, or import the small areas it covers first.'
		);
		expect(imported.stdout).not.toContain(`(${ward.properties.area_name}) covers no small area`);

		const check = run(db(), 'patches', 'check', '--json');
		expect(check.code).toBe(0);
		const report = JSON.parse(check.stdout);
		const byName = new Map(
			report.patches.map((p: { name: string; problems: unknown }) => [p.name, p])
		);
		expect(JSON.stringify(byName.get('Far Away'))).toContain(
			'The patch covers no small area of the programme, so it counts 0 people'
		);
		expect(JSON.stringify(byName.get(ward.properties.area_name))).not.toContain(
			'covers no small area'
		);
	});
});

describe('boundaries that carry their population (--population-property)', () => {
	const db = () => join(dir, 'property.db');

	function withPopulation(persons: Map<string, number>, bad?: { code: string; value: unknown }) {
		const oas = JSON.parse(readFileSync(OA_BOUNDARIES, 'utf8'));
		for (const feature of oas.features) {
			const code = feature.properties.area_code;
			feature.properties.pop = bad && bad.code === code ? bad.value : persons.get(code);
		}
		const file = join(dir, bad ? 'oa-bad-pop.geojson' : 'oa-pop.geojson');
		writeFileSync(file, JSON.stringify(oas));
		return file;
	}

	it('refuses a bad figure, naming the feature, and saves neither areas nor set', () => {
		const persons = personsByCode();
		const code = [...persons.keys()].sort()[5];
		const file = withPopulation(persons, { code, value: -3 });
		const result = run(
			db(),
			'areas',
			'import',
			file,
			'--population-property',
			'pop',
			'--population-name',
			'Mid-2022',
			'--reference-date',
			'2022-06-30',
			'--programme',
			'Trafford'
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			new RegExp(
				`oa-bad-pop\\.geojson: feature \\d+ \\(${code}\\), property "pop": "-3" is negative: a population is 0 or more\\.`
			)
		);
		expect(state(db()).counts).toMatchObject({ small_areas: 0, population_sets: 0, programmes: 0 });
	});

	it('imports the boundaries and a population set from one file, to the same 236,301', () => {
		const file = withPopulation(personsByCode());
		const args = [
			'--population-property',
			'pop',
			'--population-name',
			'Mid-2022',
			'--reference-date',
			'30 June 2022',
			'--programme',
			'Trafford'
		];
		const dry = run(db(), 'areas', 'import', file, ...args, '--dry-run');
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('738 small areas would be added and 0 updated (matched by code).');
		expect(dry.stdout).toContain(
			'738 codes match small areas (Output Areas), with 236,301 people in all.'
		);
		expect(state(db()).counts).toMatchObject({ small_areas: 0, population_sets: 0 });

		const real = run(db(), 'areas', 'import', file, ...args);
		expect(real.code).toBe(0);
		expect(real.stdout).toContain('Imported 738 small areas from');
		expect(real.stdout).toContain('Imported population set "Mid-2022" (30 June 2022) from');
		expect(real.stdout).toContain('Population from each feature\'s "pop" property.');
		expect(real.stdout).toContain(
			"It is now the programme's default population set, as it has no other."
		);
		const list = run(db(), 'population', 'list');
		expect(list.stdout).toContain('Mid-2022 (default): 30 June 2022, 738 small areas');
		const check = JSON.parse(run(db(), 'patches', 'check', '--json').stdout);
		expect(check.totals.population).toBe(236_301);
	});
});
