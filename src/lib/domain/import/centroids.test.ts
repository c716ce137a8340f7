import { describe, expect, it } from 'vitest';
import { parseCentroids } from './centroids';
import { bngToWgs84, wgs84ToBng } from './crs';
import { ImportError } from './errors';

const errorOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(ImportError);
		return (error as Error).message;
	}
	throw new Error('expected the file to be refused');
};

describe('population-weighted centroids', () => {
	it('reads the ONS CSV layout in British National Grid and reprojects each point', () => {
		const text =
			'FID,OA21CD,GlobalID,x,y\n1,E00000001,{a},383000,398000\n2,E00000002,{b},383250.5,398100\n';
		const file = parseCentroids(text, { source: 'pwc.csv' });
		expect(file.codeNote).toBe('Codes from the "OA21CD" column.');
		expect(file.crsNote).toBe(
			'Coordinates in columns x and y, British National Grid (EPSG:27700): reprojected to WGS84.'
		);
		expect(file.points).toEqual([
			{ code: 'E00000001', lon: -2.2576154, lat: 53.4784467, line: 2 },
			{ code: 'E00000002', ...lonLat(bngToWgs84([383250.5, 398100])), line: 3 }
		]);
	});

	it('reads longitude and latitude columns, and a named code column', () => {
		const text = 'LSOA code,LONG,LAT\nE01000001,-2.3,53.45\n';
		const file = parseCentroids(text, { source: 'pwc.csv', codeColumn: 'lsoa code' });
		expect(file.crsNote).toBe('Coordinates in columns LONG and LAT, WGS84 longitude and latitude.');
		expect(file.points).toEqual([{ code: 'E01000001', lon: -2.3, lat: 53.45, line: 2 }]);
	});

	it('reads GeoJSON points, in BNG by their crs member', () => {
		const [x, y] = wgs84ToBng([-2.3, 53.45]);
		const text = JSON.stringify({
			type: 'FeatureCollection',
			crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
			features: [
				{
					type: 'Feature',
					properties: { OA21CD: 'E00000001' },
					geometry: { type: 'Point', coordinates: [x, y] }
				}
			]
		});
		const file = parseCentroids(text, { source: 'pwc.geojson' });
		expect(file.codeNote).toBe('Codes from the "OA21CD" property.');
		expect(file.points[0].lon).toBeCloseTo(-2.3, 6);
		expect(file.points[0].lat).toBeCloseTo(53.45, 6);
	});

	it('refuses bad rows, a code twice, a file with no coordinates, and a stray point', () => {
		expect(
			errorOf(() =>
				parseCentroids('OA21CD,x,y\nE00000001,383000,north\n,1,2\n', { source: 'p.csv' })
			)
		).toBe(
			'p.csv: line 2 (E00000001): "383000", "north" in x and y are not both numbers.\np.csv: line 3, field "OA21CD" is empty.'
		);
		expect(
			errorOf(() =>
				parseCentroids('OA21CD,x,y\nE00000001,383000,398000\nE00000001,383000,398001\n', {
					source: 'p.csv'
				})
			)
		).toBe('p.csv: code E00000001 is on line 2 and again on line 3.');
		expect(
			errorOf(() => parseCentroids('OA21CD,population\nE00000001,300\n', { source: 'p.csv' }))
		).toBe(
			'p.csv has no coordinate columns: give x and y (easting and northing) or long and lat. Its columns are OA21CD, population.'
		);
		expect(
			errorOf(() =>
				parseCentroids('OA21CD,x,y\nE00000001,383000,398000\nE00000002,-2.3,53.4\n', {
					source: 'p.csv'
				})
			)
		).toBe(
			'p.csv: line 3 (E00000002) has coordinates -2.3, 53.4, which are not British National Grid (EPSG:27700) like the rest of the file.'
		);
	});
});

function lonLat([lon, lat]: [number, number]) {
	return { lon, lat };
}
