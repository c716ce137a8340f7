/**
 * Population-weighted centroids as representative points: a small generated case (points written in
 * British National Grid) where the weighted point moves a small area into a patch, and Trafford's 738
 * Output Areas with their points supplied, where each ward's centroid figure must equal a direct
 * point-in-polygon count. Also each patch's sensitivity: people in the small areas its boundary cuts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { parseCentroids } from '../../src/lib/domain/import/centroids';
import { wgs84ToBng } from '../../src/lib/domain/import/crs';
import { importCentroids } from '../../src/lib/server/import/centroids';
import { loadGapInputs } from '../../src/lib/server/gaps/load';
import { checkProgrammeSizing } from '../../src/lib/server/sizing';
import { importFile, traffordPath } from './import-helpers';
import { SPAWN_TIMEOUT_MS, SPAWNING_TEST_TIMEOUT_MS, cli } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS });

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-pwc-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};
const square = (west: number, south: number, east: number, north: number) => ({
	type: 'Polygon',
	coordinates: [
		[
			[west, south],
			[east, south],
			[east, north],
			[west, north],
			[west, south]
		]
	]
});
const collection = (features: { properties: Record<string, unknown>; geometry: unknown }[]) =>
	JSON.stringify({
		type: 'FeatureCollection',
		features: features.map((f) => ({ type: 'Feature', ...f }))
	});
/** Points as an ONS-style CSV in British National Grid metres. */
const bngCsv = (points: [string, number, number][]) =>
	'FID,OA21CD,x,y\n' +
	points
		.map(([code, lon, lat], i) => {
			const [x, y] = wgs84ToBng([lon, lat]);
			return `${i + 1},${code},${x.toFixed(3)},${y.toFixed(3)}`;
		})
		.join('\n');

describe('a generated case with points written in British National Grid', () => {
	let db: Db;
	beforeAll(() => {
		db = openDatabase(':memory:').db;
		const areas = write(
			'areas.geojson',
			collection([
				{ properties: { OA21CD: 'E00990001' }, geometry: square(-2.3, 53.45, -2.29, 53.46) },
				{ properties: { OA21CD: 'E00990002' }, geometry: square(-2.29, 53.45, -2.28, 53.46) }
			])
		);
		importFile(db, areas, { kind: 'small-areas', options: {} });
		const people = write('people.csv', 'code,population\nE00990001,300\nE00990002,200\n');
		importFile(
			db,
			people,
			{ kind: 'population', options: { name: 'Test', referenceDate: '2022-06-30' } },
			{ programmeName: 'Test' }
		);
		// All of the first area, and the western tenth of the second: its own interior point is outside.
		const patch = write(
			'patch.geojson',
			collection([{ properties: { name: 'West' }, geometry: square(-2.3, 53.45, -2.289, 53.46) }])
		);
		importFile(db, patch, { kind: 'patches', options: {} });
	});

	const check = () => {
		const programme = db.select().from(t.programmes).get()!;
		return checkProgrammeSizing(db, programme.id, { method: 'centroid' })!;
	};

	it('uses interior points until centroids are imported, and says so', () => {
		const before = check();
		expect(before.context.points.label).toBe('interior points');
		expect(before.patches[0].centroid).toBe(300);
	});

	it('imports the BNG points and counts the second area where its weighted point falls', () => {
		const text = bngCsv([
			['E00990001', -2.295, 53.455],
			['E00990002', -2.2895, 53.455],
			['E00999999', -2.2, 53.4]
		]);
		const file = parseCentroids(text, { source: 'pwc.csv' });
		const { summary } = importCentroids(db, file);
		expect(summary.title).toBe('Imported 3 population-weighted centroids from pwc.csv');
		expect(summary.lines).toEqual([
			'Codes from the "OA21CD" column.',
			'Coordinates in columns x and y, British National Grid (EPSG:27700): reprojected to WGS84.',
			'2 small areas were given their population-weighted centroid (matched by code); the centroid method uses them in place of the interior point.',
			'1 point is for a small area Patchwork does not hold, so it was skipped.'
		]);
		expect(summary.warnings).toEqual([]);
		const after = check();
		expect(after.context.points).toEqual({
			weighted: 2,
			total: 2,
			label: 'population-weighted centroids (ONS)'
		});
		expect(after.patches[0].centroid).toBe(500);
	});

	it('places each small area at its weighted point in the gap analysis too', () => {
		const programme = db.select().from(t.programmes).get()!;
		const { areas } = loadGapInputs(db, programme.id);
		const second = areas.find((area) => area.code === 'E00990002')!;
		// Back from British National Grid: within a centimetre of where the point was written.
		expect(second.point[0]).toBeCloseTo(-2.2895, 6);
		expect(second.point[1]).toBeCloseTo(53.455, 6);
	});

	it("gives each patch's sensitivity: the people in the areas its boundary cuts, and the range", () => {
		const [west] = check().patches;
		expect(west.cutPeople).toBe(200);
		expect(west.centroidRange).toEqual({ min: 300, max: 500 });
		expect(west.areal).toBeCloseTo(300 + 200 * 0.1, 1);
	});

	it('imports with the command, and names a mix of points in the summary', () => {
		const databasePath = join(dir, 'cli.db');
		const run = (...args: string[]) =>
			spawnSync(...cli('areas', ...args), {
				env: { ...process.env, DATABASE_PATH: databasePath, FORCE_COLOR: '0' },
				encoding: 'utf8',
				timeout: SPAWN_TIMEOUT_MS
			});
		expect(run('import', join(dir, 'areas.geojson')).status).toBe(0);
		const csv = write('one.csv', bngCsv([['E00990002', -2.2895, 53.455]]));
		const result = run('centroids', csv);
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe(
			`Imported 1 population-weighted centroid from ${csv}\n` +
				'  Codes from the "OA21CD" column.\n' +
				'  Coordinates in columns x and y, British National Grid (EPSG:27700): reprojected to WGS84.\n' +
				'  1 small area was given its population-weighted centroid (matched by code); the centroid method uses it in place of the interior point.\n' +
				'Warnings:\n' +
				'  1 stored small area has no point in this file and keeps its interior point: E00990001.\n'
		);
	});
});

describe('Trafford, with the 738 Output Areas’ points supplied', () => {
	let db: Db;
	beforeAll(() => {
		db = openDatabase(':memory:').db;
		importFile(db, traffordPath('boundaries/trafford_2021_oa_generalised.geojson'), {
			kind: 'small-areas',
			options: {}
		});
		importFile(
			db,
			traffordPath('population/mid2022/mid-year_2022_population_estimates_oa.csv'),
			{ kind: 'population', options: {} },
			{ programmeName: 'Trafford' }
		);
		importFile(db, traffordPath('boundaries/trafford_ward2023_generalised.geojson'), {
			kind: 'patches',
			options: {}
		});
	});

	it('gives every ward the people whose point lies in it, counted directly', () => {
		// The supplied points: each OA's interior point, written out in BNG as ONS publishes them.
		const areas = db.select().from(t.smallAreas).all();
		const csv = bngCsv(areas.map((a) => [a.code, a.pointLon, a.pointLat]));
		const { summary } = importCentroids(db, parseCentroids(csv, { source: 'trafford-pwc.csv' }));
		expect(summary.lines[2]).toMatch(/^738 small areas were given their population-weighted/);
		expect(summary.warnings).toEqual([]);

		const programme = db.select().from(t.programmes).get()!;
		const check = checkProgrammeSizing(db, programme.id, { method: 'centroid' })!;
		expect(check.context.points.label).toBe('population-weighted centroids (ONS)');
		expect(check.patches).toHaveLength(21);

		const people = new Map(
			db
				.select({ code: t.smallAreas.code, value: t.populationValues.value })
				.from(t.populationValues)
				.innerJoin(t.smallAreas, eq(t.smallAreas.id, t.populationValues.smallAreaId))
				.all()
				.map((row) => [row.code, row.value])
		);
		const stored = db.select().from(t.smallAreas).all();
		const wards = db.select().from(t.patches).all();
		for (const estimate of check.patches) {
			const ward = wards.find((w) => w.id === estimate.id)!;
			let direct = 0;
			for (const area of stored) {
				const point = [area.weightedPointLon!, area.weightedPointLat!];
				if (booleanPointInPolygon(point, ward.boundary)) direct += people.get(area.code)!;
			}
			expect(estimate.centroid, ward.name).toBe(direct);
			// The count is within the range the cut small areas allow.
			expect(estimate.centroid).toBeGreaterThanOrEqual(estimate.centroidRange.min);
			expect(estimate.centroid).toBeLessThanOrEqual(estimate.centroidRange.max);
		}
		expect(check.totals.covered).toBe(236_301);
	});
});
