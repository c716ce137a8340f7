import { describe, expect, it } from 'vitest';
import { parseSmallAreaBoundaries, kindOfCode } from './small-areas';
import { wgs84ToBng } from './crs';
import { collection, importErrorOf, square } from './test-helpers';

const CRS84 = 'urn:ogc:def:crs:OGC:1.3:CRS84';
const oa = (code: string, x = -2.3) => ({
	properties: { OA21CD: code },
	coordinates: square(x, 53.45, 0.004)
});

describe('parseSmallAreaBoundaries', () => {
	it('reads codes, kind, bounding box, a point inside and the area', () => {
		const file = parseSmallAreaBoundaries(
			collection([oa('E00000001'), oa('E00000002', -2.29)], CRS84),
			{
				source: 'oa.geojson'
			}
		);
		expect(file.kind).toBe('OA');
		expect(file.codeNote).toBe(
			'Codes from the "OA21CD" property (the first of OA21CD, LSOA21CD, OA11CD, LSOA11CD, area_code, code the file has).'
		);
		expect(file.kindNote).toBe('2 small areas: Output Areas, from their codes.');
		const [first] = file.areas;
		expect(first.code).toBe('E00000001');
		expect(first.bbox).toEqual({ minLon: -2.3, minLat: 53.45, maxLon: -2.296, maxLat: 53.454 });
		// 0.004° square at 53.45°N: about 266 m by 445 m.
		expect(first.areaM2).toBeGreaterThan(115_000);
		expect(first.areaM2).toBeLessThan(121_000);
		expect(first.point[0]).toBeGreaterThan(-2.3);
		expect(first.point[0]).toBeLessThan(-2.296);
	});

	it('reprojects British National Grid found by its ranges, and says so', () => {
		const ring = square(-2.3, 53.45, 0.004)[0].map((p) => wgs84ToBng(p));
		const file = parseSmallAreaBoundaries(
			collection([{ properties: { code: 'E01000001' }, coordinates: [ring] }]),
			{ source: 'bng.geojson' }
		);
		expect(file.crsNote).toBe(
			'Coordinates look like British National Grid (no crs given): reprojected to WGS84.'
		);
		expect(file.kind).toBe('LSOA');
		const [lon, lat] = (file.areas[0].geometry as GeoJSON.Polygon).coordinates[0][0];
		expect(lon).toBeCloseTo(-2.3, 6);
		expect(lat).toBeCloseTo(53.45, 6);
	});

	it('needs the kind for codes that are not ONS codes, and takes it when given', () => {
		const value = collection([{ properties: { code: 'FV000001' }, coordinates: square(0, 0, 1) }]);
		expect(importErrorOf(() => parseSmallAreaBoundaries(value, { source: 'fv.geojson' }))).toBe(
			'fv.geojson: cannot tell whether codes like FV000001 are Output Areas or LSOAs. Choose the kind of small area (OA or LSOA).'
		);
		expect(parseSmallAreaBoundaries(value, { source: 'fv.geojson', kind: 'LSOA' }).kind).toBe(
			'LSOA'
		);
	});

	it('uses the code property it is told to, and says when the file has none of the usual ones', () => {
		const value = collection([{ properties: { zone: 'E00000009' }, coordinates: square(0, 0, 1) }]);
		expect(importErrorOf(() => parseSmallAreaBoundaries(value, { source: 'z.geojson' }))).toBe(
			'z.geojson: feature 1 has none of the properties OA21CD, LSOA21CD, OA11CD, LSOA11CD, area_code, code. Say which property holds the small-area code (its properties are: zone).'
		);
		const file = parseSmallAreaBoundaries(value, { source: 'z.geojson', codeProperty: 'ZONE' });
		expect(file.areas[0].code).toBe('E00000009');
		expect(file.codeNote).toBe('Codes from the "zone" property, as chosen.');
	});

	it('names each feature with a problem, and collects them all', () => {
		const value = collection(
			[
				oa('E00000001'),
				{ properties: { OA21CD: 'E00000002' }, type: 'MultiLineString', coordinates: [] },
				{ properties: {}, coordinates: square(-2.28, 53.45, 0.004) },
				oa('E00000001', -2.27),
				{
					properties: { OA21CD: 'E00000005' },
					coordinates: [
						[
							[-2.3, 53.4],
							[-2.2, 53.4],
							[-2.3, 53.4]
						]
					]
				},
				{
					properties: { OA21CD: 'E00000006' },
					coordinates: [
						[
							[-2.3, 53.4],
							['a', 53.4],
							[-2.3, 53.5]
						]
					]
				},
				oa('E00000007', 200)
			],
			CRS84
		);
		expect(importErrorOf(() => parseSmallAreaBoundaries(value, { source: 'bad.geojson' }))).toBe(
			[
				'bad.geojson: feature 2 (E00000002) is a MultiLineString, not a Polygon or MultiPolygon.',
				'bad.geojson: feature 5 (E00000005) has a ring with fewer than 3 corners, which encloses nothing.',
				'bad.geojson: feature 6 (E00000006) has a position that is not a pair of numbers: ["a",53.4].',
				'bad.geojson: feature 7 (E00000007) has coordinates outside any valid range (200, 53.45): they are neither longitude and latitude nor British National Grid metres.'
			].join('\n')
		);
	});

	it('refuses duplicate codes, codes of other geographies and a mix of kinds', () => {
		const duplicate = collection([oa('E00000001'), oa('E00000001', -2.29)]);
		expect(importErrorOf(() => parseSmallAreaBoundaries(duplicate, { source: 'd.geojson' }))).toBe(
			'd.geojson: code E00000001 appears in feature 1 and again in feature 2.'
		);
		const ward = collection([
			{ properties: { code: 'E05000819' }, coordinates: square(-2.3, 53.4, 0.01) }
		]);
		expect(importErrorOf(() => parseSmallAreaBoundaries(ward, { source: 'w.geojson' }))).toBe(
			'w.geojson: feature 1 (E05000819) is a ward code: Patchwork sizes patches from Output Areas or LSOAs.'
		);
		const mixed = collection([oa('E00000001'), oa('E01000001', -2.29)]);
		expect(importErrorOf(() => parseSmallAreaBoundaries(mixed, { source: 'm.geojson' }))).toBe(
			'm.geojson mixes Output Areas, like E00000001 (feature 1), and LSOAs, like E01000001 (feature 2): import one kind per file, or patches would count people twice.'
		);
	});

	it('caps vertices per feature', () => {
		const ring = Array.from({ length: 50 }, (_, i) => [
			-2.3 + 0.01 * Math.cos((i / 50) * 2 * Math.PI),
			53.4 + 0.01 * Math.sin((i / 50) * 2 * Math.PI)
		]);
		ring.push(ring[0]);
		const value = collection([{ properties: { OA21CD: 'E00000001' }, coordinates: [ring] }]);
		expect(
			importErrorOf(() => parseSmallAreaBoundaries(value, { source: 'v.geojson', maxVertices: 40 }))
		).toBe(
			'v.geojson: feature 1 (E00000001) has more than 40 vertices, the most one feature may have. Use a generalised boundary file (ONS "BGC" files are generalised and clipped).'
		);
	});

	it('closes open rings and warns that it did', () => {
		const open = [square(-2.3, 53.45, 0.004)[0].slice(0, 4)];
		const file = parseSmallAreaBoundaries(
			collection([{ properties: { OA21CD: 'E00000001' }, coordinates: open }]),
			{ source: 'o.geojson' }
		);
		expect((file.areas[0].geometry as GeoJSON.Polygon).coordinates[0]).toHaveLength(5);
		expect(file.warnings).toEqual([
			'1 ring was not closed (the last position did not repeat the first), so Patchwork closed it.'
		]);
	});
});

describe('kindOfCode', () => {
	it('reads ONS entity codes', () => {
		expect(kindOfCode('E00030771')).toBe('OA');
		expect(kindOfCode('W01000001')).toBe('LSOA');
		expect(kindOfCode('E02001259')).toBe('other');
		expect(kindOfCode('FV000001')).toBeNull();
	});
});
