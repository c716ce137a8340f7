import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { bngToWgs84, crsNote, declaredCrs, isBng, isLonLat, wgs84ToBng } from './crs';

describe('declaredCrs', () => {
	it.each([
		['urn:ogc:def:crs:OGC:1.3:CRS84', 'WGS84'],
		['urn:ogc:def:crs:OGC::CRS84', 'WGS84'],
		['EPSG:4326', 'WGS84'],
		['urn:ogc:def:crs:EPSG::4326', 'WGS84'],
		['http://www.opengis.net/def/crs/EPSG/0/4326', 'WGS84'],
		['urn:ogc:def:crs:EPSG::27700', 'BNG'],
		['EPSG:27700', 'BNG'],
		['urn:ogc:def:crs:EPSG:8.5:27700', 'BNG'],
		['http://www.opengis.net/def/crs/EPSG/0/27700', 'BNG']
	])('reads %s as %s', (name, crs) => {
		expect(declaredCrs({ type: 'name', properties: { name } })).toEqual({ crs, name });
	});

	it('reads the old EPSG code form', () => {
		expect(declaredCrs({ type: 'EPSG', properties: { code: 27700 } })).toEqual({
			crs: 'BNG',
			name: 'EPSG:27700'
		});
	});

	it('names a coordinate system it cannot read, and says null for none', () => {
		expect(declaredCrs({ type: 'name', properties: { name: 'EPSG:3857' } })).toEqual({
			crs: null,
			name: 'EPSG:3857'
		});
		expect(declaredCrs(undefined)).toBeNull();
	});
});

describe('British National Grid to WGS84', () => {
	it("puts Ordnance Survey's published point within 5 metres (Helmert, not OSTN15)", () => {
		// OS "A guide to coordinate systems in Great Britain": Caister water tower,
		// ETRS89 52°39′28.8282″N 1°42′57.8663″E is OSGB36 651409.903 E, 313177.270 N.
		const [lon, lat] = bngToWgs84([651409.903, 313177.27]);
		const published = [1 + 42 / 60 + 57.8663 / 3600, 52 + 39 / 60 + 28.8282 / 3600];
		expect(distance([lon, lat], published, { units: 'meters' })).toBeLessThan(5);
	});

	it('goes there and back to within a centimetre', () => {
		const [x, y] = wgs84ToBng(bngToWgs84([383210.5, 398102.25]));
		expect(Math.hypot(x - 383210.5, y - 398102.25)).toBeLessThan(0.01);
	});

	it('tells grid metres from longitude and latitude', () => {
		expect(isBng([383000, 398000])).toBe(true);
		expect(isLonLat([383000, 398000])).toBe(false);
		expect(isLonLat([-2.3, 53.4])).toBe(true);
		expect(isBng([-2.3, 53.4])).toBe(false);
		expect(isBng([800000, 398000])).toBe(false);
	});
});

describe('crsNote', () => {
	it('says when coordinates were told from their ranges', () => {
		expect(crsNote('BNG', null)).toBe(
			'Coordinates look like British National Grid (no crs given): reprojected to WGS84.'
		);
		expect(crsNote('WGS84', null)).toBe(
			'Coordinates look like WGS84 longitude and latitude (no crs given).'
		);
		expect(crsNote('BNG', { crs: 'BNG', name: 'EPSG:27700' })).toBe(
			'The file says its coordinates are British National Grid (EPSG:27700): reprojected to WGS84.'
		);
	});
});
