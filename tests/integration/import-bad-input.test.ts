/**
 * Every kind of bad file from the issue, from small hostile files in tests/fixtures/import: each is
 * refused with a message naming the file, the feature or row and the reason, and the database is
 * exactly as it was (row counts and a digest of every table imports write).
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import type Database from 'better-sqlite3';
import { databaseState, errorOf, fixture, importFile } from './import-helpers';

const areas = { kind: 'small-areas', options: {} } as const;
const patches = { kind: 'patches', options: {} } as const;
const population = (name?: string) =>
	({ kind: 'population', options: { name, makeDefault: false } }) as const;

let db: Db;
let sqlite: Database.Database;
let dir: string;

beforeAll(() => {
	({ db, sqlite } = openDatabase(':memory:'));
	dir = mkdtempSync(join(tmpdir(), 'patchwork-bad-'));
	importFile(db, fixture('small-areas.geojson'), areas);
	importFile(db, fixture('population-mid-year.csv'), population(), {
		programmeName: 'Test programme'
	});
	importFile(db, fixture('patches.geojson'), patches);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports a file, expects it refused with exactly `message`, and the database unchanged. */
function expectRefused(path: string, request: Parameters<typeof importFile>[2], message: string) {
	const before = databaseState(sqlite);
	expect(errorOf(() => importFile(db, path, request))).toBe(message);
	expect(databaseState(sqlite)).toEqual(before);
}

it('starts from a database with the good fixtures in it', () => {
	expect(databaseState(sqlite).counts).toEqual({
		programmes: 1,
		small_areas: 3,
		population_sets: 1,
		population_values: 3,
		patches: 1,
		audit_log: 3
	});
});

describe('boundary files', () => {
	it('a geometry that is not a polygon', () => {
		expectRefused(
			fixture('point-feature.geojson'),
			areas,
			'point-feature.geojson: feature 2 (E00990009) is a Point, not a Polygon or MultiPolygon.'
		);
		expectRefused(
			fixture('linestring.geojson'),
			areas,
			'linestring.geojson: feature 1 (E00990001) is a LineString, not a Polygon or MultiPolygon.'
		);
	});

	it('coordinates outside any valid range', () => {
		expectRefused(
			fixture('out-of-range.geojson'),
			areas,
			'out-of-range.geojson: feature 2 (E00990002) has coordinates outside any valid range (5,000,000, 53.454): they are neither longitude and latitude nor British National Grid metres.'
		);
		expectRefused(
			fixture('swapped.geojson'),
			areas,
			'swapped.geojson: feature 1 (E00990001) has coordinates that look like latitude then longitude (53.45, -2.3): GeoJSON puts longitude first.'
		);
	});

	it('British National Grid coordinates in a file that claims WGS84', () => {
		expectRefused(
			fixture('bng-claims-wgs84.geojson'),
			areas,
			"bng-claims-wgs84.geojson: feature 1 (E00990001) has coordinates like British National Grid metres (380,000, 395,000), but the file's crs says WGS84 longitude and latitude (urn:ogc:def:crs:OGC:1.3:CRS84). Remove the crs member, or set it to EPSG:27700."
		);
	});

	it('a coordinate system Patchwork cannot read', () => {
		expectRefused(
			fixture('web-mercator.geojson'),
			areas,
			'web-mercator.geojson: its crs is "urn:ogc:def:crs:EPSG::3857", which Patchwork cannot read. Save the file in WGS84 (EPSG:4326) or British National Grid (EPSG:27700).'
		);
	});

	it('an empty file, a file with no features, and invalid JSON (with its position)', () => {
		expectRefused(fixture('empty.geojson'), areas, 'empty.geojson is empty.');
		expectRefused(fixture('no-features.geojson'), areas, 'no-features.geojson has no features.');
		expectRefused(
			fixture('invalid-json.geojson.txt'),
			areas,
			"invalid-json.geojson.txt is not valid JSON: line 5, column 37: Expected ',' or '}' after property value."
		);
	});

	it('the same code twice, codes of other geographies, and a mix of kinds', () => {
		expectRefused(
			fixture('duplicate-areas.geojson'),
			areas,
			'duplicate-areas.geojson: code E00990001 appears in feature 1 and again in feature 3.'
		);
		expectRefused(
			fixture('msoa-codes.geojson'),
			areas,
			'msoa-codes.geojson: feature 1 (E02001259) is an MSOA code: Patchwork sizes patches from Output Areas or LSOAs.'
		);
		expectRefused(
			fixture('mixed-kinds.geojson'),
			areas,
			'mixed-kinds.geojson mixes Output Areas, like E00990001 (feature 1), and LSOAs, like E01990001 (feature 2): import one kind per file, or patches would count people twice.'
		);
	});

	it('a file far larger than any real one, before reading it', () => {
		const path = join(dir, 'huge.geojson');
		const fd = openSync(path, 'w');
		ftruncateSync(fd, 301 * 1024 * 1024); // sparse: no disk is used
		closeSync(fd);
		expectRefused(
			path,
			areas,
			'huge.geojson is 301 MB, larger than the 300 MB limit for boundary files. No real file of this kind is so big: check it is the right file, or split it.'
		);
	});

	it('a feature with more vertices than the cap', () => {
		const ring = Array.from({ length: 100_001 }, (_, i) => {
			const angle = (i / 100_001) * 2 * Math.PI;
			return [-2.3 + 0.01 * Math.cos(angle), 53.45 + 0.01 * Math.sin(angle)];
		});
		ring.push(ring[0]);
		const path = join(dir, 'detailed.geojson');
		writeFileSync(
			path,
			JSON.stringify({
				type: 'FeatureCollection',
				features: [
					{
						type: 'Feature',
						properties: { OA21CD: 'E00990001' },
						geometry: { type: 'Polygon', coordinates: [ring] }
					}
				]
			})
		);
		expectRefused(
			path,
			areas,
			'detailed.geojson: feature 1 (E00990001) has more than 100,000 vertices, the most one feature may have. Use a generalised boundary file (ONS "BGC" files are generalised and clipped).'
		);
	});

	it('a zip file, as ONS downloads come', () => {
		const path = join(dir, 'boundaries.geojson');
		writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
		expectRefused(
			path,
			areas,
			'boundaries.geojson is a zip file (or an Excel workbook, which is one): unzip it, or save the sheet as CSV, and choose the file inside.'
		);
	});
});

describe('patch files', () => {
	it('a self-intersecting patch refuses the whole file, naming the feature, the place and the edges', () => {
		expectRefused(
			fixture('bow-tie-patch.geojson'),
			patches,
			"bow-tie-patch.geojson: feature 2 (Crossed Lines): the boundary crosses itself at 1 point: near 53.45250, -2.29500 (latitude, longitude), where the outer ring's edge from point 1 to point 2 and the outer ring's edge from point 3 to point 4 cross."
		);
	});

	it('a geometry that is not a polygon', () => {
		expectRefused(
			fixture('point-feature.geojson'),
			{ kind: 'patches', options: { nameProperty: 'OA21CD' } },
			'point-feature.geojson: feature 2 (E00990009) is a Point, not a Polygon or MultiPolygon.'
		);
	});
});

describe('population files', () => {
	it('rows for codes Patchwork does not hold', () => {
		expectRefused(
			fixture('population-unknown-codes.csv'),
			population('Census 2021'),
			'population-unknown-codes.csv: 2 rows have codes that are not small areas in Patchwork: E00999998 (line 3) and E00999999 (line 4). Import their boundaries first, or remove those rows.'
		);
	});

	it('the same code twice', () => {
		expectRefused(
			fixture('population-duplicate-codes.csv'),
			population('Census 2021'),
			'population-duplicate-codes.csv: code E00990001 appears more than once, on lines 2 and 4.'
		);
	});

	it('negative and non-numeric figures, by line and field', () => {
		expectRefused(
			fixture('population-negative.csv'),
			population('Mid-2022'),
			'population-negative.csv: line 3, field "all_ages": "-25" is negative: a population is 0 or more.'
		);
		expectRefused(
			fixture('population-non-numeric.csv'),
			population('Mid-2022'),
			'population-non-numeric.csv: line 4, field "all_ages": "four hundred" is not a number.'
		);
	});

	it('empty files, header-only files, and files of something else', () => {
		expectRefused(fixture('population-empty.csv'), population(), 'population-empty.csv is empty.');
		expectRefused(
			fixture('population-header-only.csv'),
			population(),
			'population-header-only.csv has a header row but no rows of figures.'
		);
		expectRefused(
			fixture('population-household-size.csv'),
			population(),
			'population-household-size.csv has no "All persons" rows in its indicator column (it has: 0 people in household, 1 person in household). Is it a population by sex file?'
		);
		expectRefused(
			fixture('population-unknown-shape.csv'),
			population(),
			'population-unknown-shape.csv: cannot tell what kind of population file this is. Patchwork reads ONS mid-year files (columns area_code, sex, all_ages), Nomis census files (columns area_code, indicator, value) or a table of code and population. Its columns are: area_code, name, households.'
		);
	});

	it('a CSV far larger than any real one', () => {
		const path = join(dir, 'huge.csv');
		const fd = openSync(path, 'w');
		ftruncateSync(fd, 250 * 1024 * 1024);
		closeSync(fd);
		expectRefused(
			path,
			population(),
			'huge.csv is 250 MB, larger than the 200 MB limit for population files. No real file of this kind is so big: check it is the right file, or split it.'
		);
	});
});

describe('good files', () => {
	it('a dry run reports what would happen and changes nothing', () => {
		const before = databaseState(sqlite);
		const { summary, auditId } = importFile(db, fixture('population-census.csv'), population(), {
			dryRun: true
		});
		expect(summary.title).toBe(
			'Checked population-census.csv: population set "Census 2021" (21 March 2021) can be imported (nothing has been saved yet)'
		);
		expect(summary.lines).toContain(
			'3 codes match small areas (Output Areas), with 945 people in all.'
		);
		expect(auditId).toBeNull();
		expect(databaseState(sqlite)).toEqual(before);
	});

	it('a real import writes one audit row, and re-importing patches updates them by name', () => {
		const before = databaseState(sqlite).counts;
		const { summary, auditId } = importFile(db, fixture('patches.geojson'), patches);
		expect(summary.lines).toContain('1 patch was updated (matched by name): Test Patch One.');
		expect(auditId).toEqual(expect.any(Number));
		expect(databaseState(sqlite).counts).toEqual({ ...before, audit_log: before.audit_log + 1 });
		const audit = sqlite
			.prepare('SELECT action, entity, detail FROM audit_log WHERE id = ?')
			.get(auditId) as {
			action: string;
			detail: string;
		};
		expect(audit.action).toBe('import.patches');
		expect(JSON.parse(audit.detail)).toMatchObject({
			file: 'patches.geojson',
			via: 'cli',
			updated: ['Test Patch One']
		});
	});

	it('British National Grid with no crs member is reprojected, and the report says so', () => {
		const fresh = openDatabase(':memory:').db;
		const { summary } = importFile(fresh, fixture('bng-no-crs.geojson'), areas);
		expect(summary.lines[0]).toBe(
			'Coordinates look like British National Grid (no crs given): reprojected to WGS84.'
		);
	});
});
