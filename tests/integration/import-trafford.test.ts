/**
 * Imports of the real Trafford files: ONS boundaries, mid-year and census population, wards as
 * patches, and the same boundaries turned into British National Grid by the test itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { count, eq, sum, type SQL } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import {
	checkProgrammeSizing,
	checkProgrammeSizingSoon,
	preparedFor
} from '../../src/lib/server/sizing';
import { closeSizingPool, sizingPoolFor } from '../../src/lib/server/sizing-threads';
import { errorOf, importFile, traffordPath } from './import-helpers';

const OA_BOUNDARIES = traffordPath('boundaries/trafford_2021_oa_generalised.geojson');
const OA_MID_2022 = traffordPath('population/mid2022/mid-year_2022_population_estimates_oa.csv');
const OA_CENSUS = traffordPath('population/census2021/2021_population_by_sex_oa_trafford.csv');
const areas = { kind: 'small-areas', options: {} } as const;
const population = (options = {}) =>
	({ kind: 'population', options: { makeDefault: false, ...options } }) as const;

function countRows(
	db: Db,
	table: typeof t.smallAreas | typeof t.populationSets | typeof t.populationValues,
	where?: SQL
): number {
	return db.select({ n: count() }).from(table).where(where).get()!.n;
}

function populationTotal(db: Db, setName: string): number {
	const set = db.select().from(t.populationSets).where(eq(t.populationSets.name, setName)).get()!;
	const [{ total }] = db
		.select({ total: sum(t.populationValues.value) })
		.from(t.populationValues)
		.where(eq(t.populationValues.populationSetId, set.id))
		.all();
	return Number(total);
}

describe('Trafford Output Areas and mid-2022 population', () => {
	let db: Db;
	beforeAll(() => {
		db = openDatabase(':memory:').db;
	});

	it('imports all 738 Output Areas, saying where codes and coordinates came from', () => {
		const { summary } = importFile(db, OA_BOUNDARIES, areas);
		expect(summary.title).toBe(
			'Imported 738 small areas from trafford_2021_oa_generalised.geojson'
		);
		expect(summary.lines).toEqual([
			'The file says its coordinates are WGS84 longitude and latitude (urn:ogc:def:crs:OGC:1.3:CRS84).',
			'Codes from the "area_code" property (the first of OA21CD, LSOA21CD, OA11CD, LSOA11CD, area_code, code the file has).',
			'738 small areas: Output Areas, from their codes.',
			'738 small areas were added and 0 updated (matched by code).'
		]);
		expect(countRows(db, t.smallAreas, eq(t.smallAreas.kind, 'OA'))).toBe(738);
	});

	it('imports the mid-2022 population: every code matched, the borough exactly 236,301', () => {
		const { summary } = importFile(db, OA_MID_2022, population(), { programmeName: 'Trafford' });
		expect(summary.lines).toEqual([
			'ONS mid-year estimates (one row per area and sex): the "Persons" row of each area, column all_ages.',
			'Named "Mid-2022" from the file.',
			"Reference date 30 June 2022, from the file's period column.",
			'738 codes match small areas (Output Areas), with 236,301 people in all.',
			'Every stored small area of this kind has a figure.',
			'It is a new population set for Trafford.',
			"It is now the programme's default population set, as it has no other."
		]);
		expect(populationTotal(db, 'Mid-2022')).toBe(236_301);
		const programme = db.select().from(t.programmes).get()!;
		const check = checkProgrammeSizing(db, programme.id)!;
		expect(check.context.populationSet.name).toBe('Mid-2022');
		expect(check.totals.population).toBe(236_301);
	});

	it('imports the census 2021 file (Nomis, long) as a second set, not the default', () => {
		const { summary } = importFile(db, OA_CENSUS, population());
		expect(summary.title).toBe(
			'Imported population set "Census 2021" (21 March 2021) from 2021_population_by_sex_oa_trafford.csv'
		);
		expect(summary.lines[0]).toBe(
			'A Nomis census table (one row per area and indicator): the "All persons" row of each area, column value.'
		);
		// ONS perturbs each geography separately: the OA sum (235,013) is not the borough's 235,052.
		expect(populationTotal(db, 'Census 2021')).toBe(235_013);
		const programme = db.select().from(t.programmes).get()!;
		expect(programme.defaultPopulationSetId).not.toBeNull();
		expect(summary.lines).toContain(
			`It is not the programme's default population set (choose "make default" to use it for patch sizing).`
		);
	});

	it('updates by code and replaces a set of the same name on a second import', () => {
		const again = importFile(db, OA_BOUNDARIES, areas);
		expect(again.summary.lines[3]).toBe(
			'0 small areas were added and 738 updated (matched by code).'
		);
		const replaced = importFile(db, OA_MID_2022, population({ name: 'mid-2022' }));
		expect(replaced.summary.lines).toContain(
			'The programme already has a population set called "mid-2022": its figures were replaced.'
		);
		expect(countRows(db, t.populationSets)).toBe(2);
		expect(countRows(db, t.populationValues)).toBe(738 * 2);
		expect(populationTotal(db, 'mid-2022')).toBe(236_301);
	});

	it('imports the 21 May-2023 wards as patches and checks them', () => {
		const { summary } = importFile(
			db,
			traffordPath('boundaries/trafford_ward2023_generalised.geojson'),
			{
				kind: 'patches',
				options: {}
			}
		);
		expect(summary.title).toBe('Imported 21 patches from trafford_ward2023_generalised.geojson');
		const programme = db.select().from(t.programmes).get()!;
		const check = checkProgrammeSizing(db, programme.id, { method: 'centroid' })!;
		expect(check.patches).toHaveLength(21);
		// Wards tile the borough, and each Output Area's point is in exactly one.
		expect(check.totals.covered).toBe(236_301);
		expect(check.totals.doubleCounted).toBe(0);
	});

	it('checks the wards on worker threads, as the council page does, with the one-thread figures', async () => {
		const programme = db.select().from(t.programmes).get()!;
		const setId = programme.defaultPopulationSetId!;
		process.env.SIZING_THREADS_MIN_AREAS = '700';
		try {
			expect(sizingPoolFor(preparedFor(db, setId))?.threads).toBeGreaterThan(0);
			const threaded = await checkProgrammeSizingSoon(db, programme.id, { method: 'areal' });
			expect(threaded).toEqual(checkProgrammeSizing(db, programme.id, { method: 'areal' }));
			expect(threaded!.patches).toHaveLength(21);
			// Over the threshold the page checks on one thread.
			process.env.SIZING_THREADS_MIN_AREAS = '739';
			expect(sizingPoolFor(preparedFor(db, setId))).toBeNull();
		} finally {
			delete process.env.SIZING_THREADS_MIN_AREAS;
			await closeSizingPool();
		}
	});

	it('refuses files that are real but the wrong thing, naming what they are', () => {
		expect(
			errorOf(() =>
				importFile(
					db,
					traffordPath('population/census2021/2021_population_by_5_year_age_bands_oa_trafford.csv'),
					population()
				)
			)
		).toBe(
			'2021_population_by_5_year_age_bands_oa_trafford.csv has no "All persons" rows in its indicator column (it has: Aged 4 years and under, Aged 5 to 9 years, Aged 10 to 14 years, Aged 15 to 19 years, Aged 20 to 24 years, Aged 25 to 29 years, Aged 30 to 34 years, Aged 35 to 39 years). Is it a population by sex file?'
		);
		expect(
			errorOf(() =>
				importFile(
					db,
					traffordPath('population/mid2022/mid-year_2022_population_estimates_msoa.csv'),
					population()
				)
			)
		).toBe(
			'mid-year_2022_population_estimates_msoa.csv: none is among the 738 small areas Patchwork holds, so none of its 28 codes (like E02001259 on line 4) can be matched. Import the boundaries of these small areas first.'
		);
		expect(
			errorOf(() =>
				importFile(db, traffordPath('boundaries/trafford_2021_msoa_generalised.geojson'), areas)
			)
		).toMatch(
			/^trafford_2021_msoa_generalised\.geojson: feature 1 \(E02001259\) is an MSOA code: /
		);
	});
});

describe('Trafford LSOAs', () => {
	it('import with their mid-2022 population to the same 236,301', () => {
		const db = openDatabase(':memory:').db;
		const { summary } = importFile(
			db,
			traffordPath('boundaries/trafford_2021_lsoa_generalised.geojson'),
			areas
		);
		expect(summary.lines[2]).toBe('139 small areas: LSOAs, from their codes.');
		importFile(
			db,
			traffordPath('population/mid2022/mid-year_2022_population_estimates_lsoa.csv'),
			population(),
			{
				programmeName: 'Trafford'
			}
		);
		expect(populationTotal(db, 'Mid-2022')).toBe(236_301);
	});
});

describe('the same Output Areas in British National Grid', () => {
	// EPSG:27700 as published (OSGB36 with the 7-parameter shift), written here rather than taken
	// from the code under test.
	const EPSG_27700 =
		'+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
	const toGrid = proj4('WGS84', EPSG_27700);
	let dir: string;
	let original: GeoJSON.FeatureCollection<GeoJSON.MultiPolygon | GeoJSON.Polygon>;

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'patchwork-bng-'));
		original = JSON.parse(readFileSync(OA_BOUNDARIES, 'utf8'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	function writeGrid(name: string, crs?: string): string {
		const grid = structuredClone(original) as unknown as Record<string, unknown> & {
			features: { geometry: { coordinates: unknown } }[];
		};
		delete grid.crs;
		if (crs) grid.crs = { type: 'name', properties: { name: crs } };
		const project = (value: unknown): unknown =>
			typeof (value as number[])[0] === 'number'
				? toGrid.forward(value as [number, number]).map((n) => Math.round(n * 1000) / 1000)
				: (value as unknown[]).map(project);
		for (const feature of grid.features)
			feature.geometry.coordinates = project(feature.geometry.coordinates);
		const path = join(dir, name);
		writeFileSync(path, JSON.stringify(grid));
		return path;
	}

	function largestError(db: Db): number {
		const stored = new Map(
			db
				.select({ code: t.smallAreas.code, geometry: t.smallAreas.geometry })
				.from(t.smallAreas)
				.all()
				.map((a) => [a.code, a.geometry])
		);
		let worst = 0;
		for (const feature of original.features) {
			const back = stored.get(String(feature.properties!.area_code))!;
			const a = (feature.geometry.coordinates as number[][][][]).flat(2);
			const b = (back.coordinates as number[][][][]).flat(2);
			expect(b).toHaveLength(a.length);
			for (let i = 0; i < a.length; i++)
				worst = Math.max(worst, distance(a[i], b[i], { units: 'meters' }));
		}
		return worst;
	}

	it('with no crs member: told from the coordinates, said so, and back within 1 metre', () => {
		const db = openDatabase(':memory:').db;
		const { summary } = importFile(db, writeGrid('oa-bng.geojson'), areas);
		expect(summary.lines[0]).toBe(
			'Coordinates look like British National Grid (no crs given): reprojected to WGS84.'
		);
		expect(largestError(db)).toBeLessThan(1);
		importFile(db, OA_MID_2022, population(), { programmeName: 'Trafford' });
		expect(populationTotal(db, 'Mid-2022')).toBe(236_301);
	});

	it('with an EPSG:27700 crs member: read from it, and back within 1 metre', () => {
		const db = openDatabase(':memory:').db;
		const { summary } = importFile(
			db,
			writeGrid('oa-27700.geojson', 'urn:ogc:def:crs:EPSG::27700'),
			areas
		);
		expect(summary.lines[0]).toBe(
			'The file says its coordinates are British National Grid (urn:ogc:def:crs:EPSG::27700): reprojected to WGS84.'
		);
		expect(largestError(db)).toBeLessThan(1);
	});
});
