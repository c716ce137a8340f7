import { describe, expect, it } from 'vitest';
import {
	chooseBoundaryText,
	MAX_BOUNDARY_BYTES,
	parseBoundaryText,
	readBoundaryForm,
	slugFromName
} from './boundary-form';

const square = [
	[-2.95, 53.09],
	[-2.94, 53.09],
	[-2.94, 53.1],
	[-2.95, 53.1],
	[-2.95, 53.09]
];

const message = (text: string) => {
	const result = parseBoundaryText(text);
	return result.ok ? null : result.message;
};

describe('parseBoundaryText', () => {
	it('reads a bare Polygon', () => {
		expect(parseBoundaryText(JSON.stringify({ type: 'Polygon', coordinates: [square] }))).toEqual({
			ok: true,
			geometry: { type: 'Polygon', coordinates: [square] }
		});
	});

	it('reads a Feature and a FeatureCollection of one, and drops heights', () => {
		const withHeight = square.map(([lon, lat]) => [lon, lat, 120]);
		const feature = {
			type: 'Feature',
			properties: { name: 'Fennick' },
			geometry: { type: 'MultiPolygon', coordinates: [[withHeight]] }
		};
		const fromFeature = parseBoundaryText(JSON.stringify(feature));
		expect(fromFeature).toEqual({
			ok: true,
			geometry: { type: 'MultiPolygon', coordinates: [[square]] }
		});
		const collection = { type: 'FeatureCollection', features: [feature] };
		expect(parseBoundaryText(JSON.stringify(collection))).toEqual(fromFeature);
	});

	it('closes an open ring rather than refusing it', () => {
		const result = parseBoundaryText(
			JSON.stringify({ type: 'Polygon', coordinates: [square.slice(0, 4)] })
		);
		expect(result.ok && result.geometry.coordinates[0]).toEqual(square);
	});

	it('says what is wrong, in plain words', () => {
		expect(message('')).toBe('Draw a boundary or paste one as GeoJSON');
		expect(message('{"type": "Polygon", ')).toBe(
			'The boundary is not valid GeoJSON: check it is complete JSON'
		);
		expect(message('{"type": "Point", "coordinates": [0, 0]}')).toBe(
			'The GeoJSON must be one Polygon or MultiPolygon (or a Feature holding one)'
		);
		expect(message(JSON.stringify({ type: 'FeatureCollection', features: [{}, {}] }))).toMatch(
			/one Polygon or MultiPolygon/
		);
		expect(message('{"type": "Polygon", "coordinates": [[["a", 1]]]}')).toMatch(
			/^The boundary's coordinates are not right: Every coordinate must be a number/
		);
		expect(
			message(
				JSON.stringify({
					type: 'Polygon',
					coordinates: [
						[
							[0, 0],
							[1, 1],
							[0, 0]
						]
					]
				})
			)
		).toBe('The outer edge of the boundary needs at least 3 corners');
	});

	it('recognises British National Grid metres and asks for degrees', () => {
		const bng = [
			[376000, 393000],
			[377000, 393000],
			[377000, 394000],
			[376000, 393000]
		];
		expect(message(JSON.stringify({ type: 'Polygon', coordinates: [bng] }))).toBe(
			'The outer edge of the boundary has coordinates in metres (British National Grid?): give longitude and latitude in degrees (WGS84)'
		);
		expect(
			message(
				JSON.stringify({
					type: 'Polygon',
					coordinates: [
						[
							[0, 0],
							[0, 91],
							[1, 1],
							[0, 0]
						]
					]
				})
			)
		).toMatch(/outside longitude -180 to 180 or latitude -90 to 90 \(0, 91\)/);
	});

	it('names the part of a MultiPolygon that is wrong', () => {
		const bad = [
			[
				[0, 0],
				[1, 1],
				[0, 0]
			]
		];
		expect(message(JSON.stringify({ type: 'MultiPolygon', coordinates: [[square], bad] }))).toBe(
			'The outer edge of part 2 needs at least 3 corners'
		);
	});

	it('refuses text far larger than any boundary', () => {
		expect(message(' '.repeat(MAX_BOUNDARY_BYTES) + '{}')).toBe(
			'The GeoJSON must be 400 KB or smaller'
		);
	});
});

describe('chooseBoundaryText', () => {
	it('prefers a file, then pasted text, then the map', () => {
		expect(chooseBoundaryText({ fileText: 'F', pasted: 'P', fromMap: 'M' })).toEqual({
			text: 'F',
			source: 'file'
		});
		expect(chooseBoundaryText({ fileText: null, pasted: 'P', fromMap: 'M' }).source).toBe(
			'geojson'
		);
		expect(chooseBoundaryText({ fileText: '  ', pasted: ' \n', fromMap: 'M' })).toEqual({
			text: 'M',
			source: 'map'
		});
	});
});

describe('slugs', () => {
	it('makes a plain address from any name', () => {
		expect(slugFromName('Bryn Eithin & Hollins Park')).toBe('bryn-eithin-hollins-park');
		expect(slugFromName('  Ffordd Ŵyr / Côr  ')).toBe('ffordd-wyr-cor');
		expect(slugFromName('!!!')).toBe('patch');
		expect(slugFromName('a'.repeat(79) + ' b')).toBe('a'.repeat(79));
	});
});

describe('readBoundaryForm', () => {
	const form = (fields: Record<string, string | File>) => {
		const data = new FormData();
		for (const [key, value] of Object.entries(fields)) data.set(key, value);
		return data;
	};
	const polygon = (ring: number[][]) => JSON.stringify({ type: 'Polygon', coordinates: [ring] });
	const bowTie = polygon([
		[0, 0],
		[0.01, 0.01],
		[0.01, 0],
		[0, 0.01],
		[0, 0]
	]);

	it('takes the map boundary when nothing is pasted, and says where it came from', async () => {
		const result = await readBoundaryForm(form({ boundary: polygon(square), geojson: '' }), {
			withName: false
		});
		expect(result).toMatchObject({ ok: true, source: 'map', warnings: [] });
	});

	it('refuses a bow-tie, saying where it crosses, and hands it back for the map', async () => {
		const result = await readBoundaryForm(form({ boundary: polygon(square), geojson: bowTie }), {
			withName: false
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.boundary).toEqual([
			'The boundary crosses itself at 1 point: near 0.00500, 0.00500'
		]);
		expect(result.at).toHaveLength(1);
		expect(result.rejected?.type).toBe('Polygon');
		expect(result.values.geojson).toBe(bowTie);
	});

	it('reads an uploaded file before anything else', async () => {
		const file = new File([bowTie], 'patch.geojson', { type: 'application/geo+json' });
		const result = await readBoundaryForm(form({ boundary: polygon(square), file }), {
			withName: false
		});
		expect(result.ok).toBe(false);
	});

	it('needs a name for a new patch, and reports it with the boundary problem', async () => {
		const result = await readBoundaryForm(form({ name: '   ', boundary: '' }), { withName: true });
		expect(result).toMatchObject({
			ok: false,
			errors: {
				name: 'Enter a name for the patch',
				boundary: ['Draw a boundary or paste one as GeoJSON']
			}
		});
		const named = await readBoundaryForm(
			form({ name: ' Foxley End ', boundary: polygon(square) }),
			{
				withName: true
			}
		);
		expect(named).toMatchObject({ ok: true, name: 'Foxley End' });
	});

	it('saves a boundary with a sliver, passing the problem on as a warning', async () => {
		const sliverPart = [
			[1, 1],
			[1.00001, 1],
			[1.00001, 1.00001],
			[1, 1]
		];
		const multi = JSON.stringify({ type: 'MultiPolygon', coordinates: [[square], [sliverPart]] });
		const result = await readBoundaryForm(form({ geojson: multi }), { withName: false });
		expect(result.ok).toBe(true);
		expect(result.ok && result.warnings.map((w) => w.kind)).toContain('sliver');
	});
});
