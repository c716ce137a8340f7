/**
 * Hostile and broken asset files (tests/fixtures/hostile, plus a million-vertex polygon and a file
 * over the size limit made here): each is refused or imported exactly as the import guide says,
 * with a message naming the row or feature; nothing crashes; a refused or failed import changes
 * nothing in the database.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import { MAX_ASSET_FILE_BYTES } from '../../src/lib/domain/exchange/import/limits';
import { importBytes, rowCounts } from './asset-import-fixtures';
import { readRealData } from '../real-data';
import { freshDb, hostile, refused } from './hostile-import';

describe('files that are refused whole, changing nothing', () => {
	it.each([
		['empty.json', 'openreferral', 'empty.json is empty.'],
		['whitespace.csv', 'csv', 'whitespace.csv is empty.'],
		['zip-renamed.json', 'openreferral', 'zip-renamed.json is a zip file'],
		['zip-renamed.json', 'geojson', 'zip-renamed.json is a zip file'],
		[
			'truncated-feed.json',
			'openreferral',
			'truncated-feed.json is not valid JSON: line 3, column'
		],
		[
			'truncated-layer.geojson',
			'geojson',
			'truncated-layer.geojson is not valid JSON: line 3, column'
		],
		['semicolons.csv', 'csv', 'the file seems to be separated by semicolons'],
		['formulas.csv', 'openreferral', 'formulas.csv is not valid JSON: line 1, column 2'],
		[
			'wrong-types-services.json',
			'geojson',
			'wrong-types-services.json is not a GeoJSON FeatureCollection: it holds a list.'
		],
		['wrong-types.geojson', 'openreferral', 'wrong-types.geojson is not an Open Referral feed']
	] as const)('%s as %s', (file, format, message) => {
		expect(refused(hostile(file), file, format)).toContain(message);
	});

	it('refuses a file over the size limit before reading it', () => {
		const big = new Uint8Array(MAX_ASSET_FILE_BYTES + 1).fill(0x20);
		expect(refused(big, 'huge.geojson', 'geojson')).toBe(
			'huge.geojson is 50 MB, larger than the 50 MB limit for asset files. Check it is the right file, or split it into smaller files.'
		);
	});

	it('rolls everything back when saving fails part-way', () => {
		const db = freshDb();
		const before = rowCounts(db);
		const feed = readRealData(
			'openreferral/real-feeds-2024-12/north_lincolnshire_council_services.json'
		);
		expect(() =>
			importBytes(db, feed, {
				file: 'north-lincs.json',
				format: 'openreferral',
				onProgress: (phase, done) => {
					if (phase === 'Saving' && done === 400) throw new Error('the disk is full');
				}
			})
		).toThrow('the disk is full');
		expect(rowCounts(db)).toEqual(before);
	});
});

describe('files imported in part, each bad record named', () => {
	it('GeoJSON with wrong types', () => {
		const db = freshDb();
		const report = importBytes(db, hostile('wrong-types.geojson'), {
			file: 'wrong-types.geojson',
			format: 'geojson'
		});
		expect(report.total).toBe(10);
		expect(
			db
				.select({ name: t.assets.name })
				.from(t.assets)
				.orderBy(t.assets.id)
				.all()
				.map((a) => a.name)
		).toEqual(['Good hall', '1234']);
		expect(report.rejected).toEqual([
			{ ref: 'feature 2', reasons: ['has no name (looked in "name")'] },
			{
				ref: 'feature 3 ("Coordinates as text")',
				reasons: ['has a position that is not a pair of numbers: ["-2.3","53.4"]']
			},
			{ ref: 'feature 4', reasons: ['has "properties" that are not an object'] },
			{ ref: 'feature 5', reasons: ['is not a GeoJSON Feature'] },
			{ ref: 'feature 6', reasons: ['is not a GeoJSON Feature'] },
			{ ref: 'feature 7 ("No geometry")', reasons: ['has no geometry'] },
			{
				ref: 'feature 8 ("Nested wrongly")',
				reasons: ['has coordinates that are not nested lists of numbers']
			},
			{
				ref: 'feature 10 ("A path")',
				reasons: [
					'is a LineString: Patchwork places an asset at a point or an area, not along a line'
				]
			}
		]);
	});

	it('Open Referral services with wrong types and missing fields', () => {
		const db = freshDb();
		const report = importBytes(db, hostile('wrong-types-services.json'), {
			file: 'services.json',
			format: 'openreferral'
		});
		expect(report.total).toBe(12);
		expect(report.created + report.rejectedCount).toBe(12);
		const names = db
			.select({ name: t.assets.name })
			.from(t.assets)
			.orderBy(t.assets.id)
			.all()
			.map((a) => a.name);
		expect(names).toEqual(
			expect.arrayContaining([
				'Knit and natter',
				'Walking group',
				'Ages backwards',
				'Age not a number'
			])
		);
		const reasons = Object.fromEntries(report.rejected.map((r) => [r.ref, r.reasons.join('; ')]));
		expect(reasons['service 2 (id no-name)']).toBe('its name is empty');
		expect(reasons['service 3 ("No id at all")']).toBe('it has no id');
		expect(reasons['service 4 (id blank-name)']).toBe('its name is empty');
		expect(reasons['service 7']).toBe('it is not a JSON object');
		expect(reasons['service 8']).toBe('it is not a JSON object');
		expect(Object.keys(reasons).find((ref) => ref.startsWith('service 12'))).toBeDefined();
		expect(reasons[Object.keys(reasons).find((ref) => ref.startsWith('service 12'))!]).toContain(
			'name: must be at most 200 characters'
		);
		const backwards = db.select().from(t.assets).where(eq(t.assets.externalId, 'ages')).get()!;
		expect([backwards.ageMin, backwards.ageMax]).toEqual([null, null]);
	});

	it('HTML is reduced to plain text, in names too', () => {
		const db = freshDb();
		importBytes(db, hostile('html-injection.json'), { file: 'html.json', format: 'openreferral' });
		const rows = Object.fromEntries(
			db
				.select()
				.from(t.assets)
				.orderBy(t.assets.id)
				.all()
				.map((a) => [a.externalId, a])
		);
		expect(rows.h1.description).toBe('Before\n\nAfter');
		expect(rows.h2.description).toBe('Hello\nworld');
		// Written encoded in the feed, these are characters, not tags: pages print them escaped.
		expect(rows.h3.description).toBe('<script>alert(2)</script> & more');
		expect(rows.h4.name).toBe('Bold name');
		expect(rows.h4.description).toBe('• One\n• Two');
		for (const row of [rows.h1, rows.h2, rows.h4]) expect(row.description).not.toMatch(/<|alert/);
	});

	it('coordinates off the globe (GeoJSON)', () => {
		const db = freshDb();
		const report = importBytes(db, hostile('off-globe.geojson'), {
			file: 'off-globe.geojson',
			format: 'geojson'
		});
		expect(report.created).toBe(1);
		expect(report.rejected).toEqual([
			{
				ref: 'feature 1 ("Infinite")',
				reasons: ['has a position that is not a pair of numbers: [null,0]']
			},
			{
				ref: 'feature 3 ("Longitude 200")',
				reasons: [
					'has coordinates off the globe (200, 10): longitude must be -180 to 180 and latitude -90 to 90'
				]
			},
			{
				ref: 'feature 4 ("Latitude 95")',
				reasons: [
					'has coordinates off the globe (-2.3, 95): longitude must be -180 to 180 and latitude -90 to 90'
				]
			},
			{
				ref: 'feature 5 ("Latitude first")',
				reasons: [
					'has coordinates that look like latitude then longitude (53.4, -2.3): GeoJSON puts longitude first'
				]
			},
			{
				ref: 'feature 6 ("Polygon off the globe")',
				reasons: [
					'has coordinates off the globe (500, 0): longitude must be -180 to 180 and latitude -90 to 90'
				]
			}
		]);
	});

	it('coordinates off the globe and the grid (CSV), naming the line', () => {
		const db = freshDb();
		const report = importBytes(db, hostile('off-globe.csv'), {
			file: 'off-globe.csv',
			format: 'csv'
		});
		expect(
			db
				.select({ name: t.assets.name, lon: t.assets.lon, lat: t.assets.lat })
				.from(t.assets)
				.orderBy(t.assets.id)
				.all()
		).toEqual([
			{ name: 'On the globe', lon: -2.3, lat: 53.4 },
			{ name: 'On the grid', lon: expect.closeTo(-2.2576, 3), lat: expect.closeTo(53.4784, 3) }
		]);
		expect(report.rejected.map((r) => `${r.ref}: ${r.reasons[0]}`)).toEqual([
			'line 3 ("Latitude 123"): has latitude 123 and longitude -2.3, which are off the globe: latitude must be -90 to 90 and longitude -180 to 180',
			'line 4 ("Swapped"): has latitude -2.3 and longitude 53.4, which look swapped (Great Britain is at latitude 49 to 61)',
			'line 5 ("Only latitude"): has latitude but no longitude',
			'line 6 ("Not a number"): has latitude "fifty", which is not a number',
			'line 8 ("Off the grid"): has easting 900000 and northing 398000, outside the British National Grid (0-700,000 and 0-1,300,000 metres)'
		]);
	});

	it('rows with no location, an unknown postcode or no name', () => {
		const db = freshDb();
		const report = importBytes(db, hostile('no-location.csv'), {
			file: 'no-location.csv',
			format: 'csv'
		});
		expect(report.created).toBe(1);
		expect(report.rejected.map((r) => `${r.ref}: ${r.reasons[0]}`)).toEqual([
			'line 2 ("No location at all"): has no location: give latitude and longitude, easting and northing, or a postcode',
			expect.stringMatching(
				/^line 3 \("Unknown postcode"\): has the postcode ZZ99 9ZZ, which is not in Patchwork's postcode table/
			),
			'line 4 ("Not a postcode"): has the postcode "HELLO", which is not a UK postcode, and no latitude and longitude or easting and northing',
			'line 5: has no name in the "name" column'
		]);
	});

	it('a million-vertex polygon is rejected by name; the rest of the file imports', () => {
		const ring: number[][] = [];
		for (let i = 0; i < 1_000_000; i++) {
			const angle = (2 * Math.PI * i) / 1_000_000;
			ring.push([-2.3 + 0.01 * Math.cos(angle), 53.4 + 0.01 * Math.sin(angle)]);
		}
		ring.push(ring[0]);
		const file = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name: 'Huge park' },
					geometry: { type: 'Polygon', coordinates: [ring] }
				},
				{
					type: 'Feature',
					properties: { name: 'Small hall' },
					geometry: { type: 'Point', coordinates: [-2.3, 53.4] }
				}
			]
		});
		const db = freshDb();
		const report = importBytes(db, new TextEncoder().encode(file), {
			file: 'huge-park.geojson',
			format: 'geojson'
		});
		expect(report.created).toBe(1);
		expect(report.rejected).toEqual([
			{
				ref: 'feature 1 ("Huge park")',
				reasons: [
					'has more than 100,000 vertices, the most one feature may have: simplify it, or give its point'
				]
			}
		]);
	});
});

// Issue 14, finding 5: names every JavaScript object already has, as columns or properties, are read
// as the file's own and nothing else; a "__proto__" object gives nothing to the record.
