import { describe, expect, it } from 'vitest';
import { cornerCount, geometryToLatLngs, latLngsToGeometry } from './convert';

const ll = (lat: number, lng: number) => ({ lat, lng });

describe('latLngsToGeometry', () => {
	it('turns Leaflet rings into a closed GeoJSON polygon with longitude first', () => {
		expect(latLngsToGeometry([[ll(53.1, -2.9), ll(53.1, -2.8), ll(53.2, -2.8)]])).toEqual({
			type: 'Polygon',
			coordinates: [
				[
					[-2.9, 53.1],
					[-2.8, 53.1],
					[-2.8, 53.2],
					[-2.9, 53.1]
				]
			]
		});
	});

	it('accepts a single open ring, as a half-finished shape gives', () => {
		const geometry = latLngsToGeometry([ll(0, 0), ll(0, 1), ll(1, 1)]);
		expect(geometry?.type).toBe('Polygon');
		expect(geometry && cornerCount(geometry)).toBe(3);
	});

	it('rounds to about 10 cm and drops repeated corners, including a closing repeat', () => {
		const geometry = latLngsToGeometry([
			[ll(1.00000004, 2), ll(1, 2), ll(1, 3), ll(2, 3), ll(1, 2)]
		]);
		expect(geometry).toEqual({
			type: 'Polygon',
			coordinates: [
				[
					[2, 1],
					[3, 1],
					[3, 2],
					[2, 1]
				]
			]
		});
	});

	it('keeps holes and drops ones too small to be a ring', () => {
		const outer = [ll(0, 0), ll(0, 10), ll(10, 10), ll(10, 0)];
		const hole = [ll(2, 2), ll(2, 3), ll(3, 3)];
		const geometry = latLngsToGeometry([outer, hole, [ll(5, 5), ll(5, 6)]]);
		expect(geometry?.type === 'Polygon' && geometry.coordinates.length).toBe(2);
	});

	it('makes a MultiPolygon of several parts, and a Polygon of one', () => {
		const a = [[ll(0, 0), ll(0, 1), ll(1, 1)]];
		const b = [[ll(5, 5), ll(5, 6), ll(6, 6)]];
		expect(latLngsToGeometry([a, b])?.type).toBe('MultiPolygon');
		expect(latLngsToGeometry([a])?.type).toBe('Polygon');
		expect(latLngsToGeometry([a, [[ll(9, 9)]]])?.type).toBe('Polygon');
	});

	it('gives null for nothing drawn yet, or fewer than three corners', () => {
		expect(latLngsToGeometry([])).toBeNull();
		expect(latLngsToGeometry([[]])).toBeNull();
		expect(latLngsToGeometry([[ll(0, 0), ll(0, 1), ll(0, 1)]])).toBeNull();
	});
});

describe('geometryToLatLngs', () => {
	it('gives Leaflet open rings of latitude first, and comes back unchanged', () => {
		const polygon = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[-2.9, 53.1],
					[-2.8, 53.1],
					[-2.8, 53.2],
					[-2.9, 53.1]
				]
			]
		};
		const latlngs = geometryToLatLngs(polygon);
		expect(latlngs).toEqual([
			[
				[53.1, -2.9],
				[53.1, -2.8],
				[53.2, -2.8]
			]
		]);
		const asObjects = (latlngs as [number, number][][]).map((ring) =>
			ring.map(([lat, lng]) => ll(lat, lng))
		);
		expect(latLngsToGeometry(asObjects)).toEqual(polygon);
	});

	it('nests a MultiPolygon one level deeper', () => {
		const square = [
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 0]
			]
		];
		const latlngs = geometryToLatLngs({ type: 'MultiPolygon', coordinates: [square, square] });
		expect(latlngs).toHaveLength(2);
		expect((latlngs as number[][][][])[0][0]).toHaveLength(3);
	});
});
