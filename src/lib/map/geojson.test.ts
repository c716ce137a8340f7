import { describe, expect, it } from 'vitest';
import { areasFromPatches, emptyCollection, pointsFromAssets } from './geojson';

describe('pointsFromAssets', () => {
	const rows = [
		{ id: 1, name: 'Knit and Natter', kind: 'group' as const, lon: -1.96, lat: 52.42 },
		{ id: 2, name: 'Online befriending', kind: 'informal_support' as const, lon: null, lat: null },
		{ id: 3, name: 'Library', kind: 'venue' as const, lon: -1.95, lat: 52.41 },
		{ id: 4, name: 'Broken row', kind: 'venue' as const, lon: Number.NaN, lat: 52.4 },
		{ id: 5, name: 'Swapped row', kind: 'venue' as const, lon: 52.4, lat: 191 }
	];

	it('makes one point per asset with a place, in the order given', () => {
		const fc = pointsFromAssets(rows, (r) => `/assets/${r.id}`);
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.map((f) => f.properties.name)).toEqual(['Knit and Natter', 'Library']);
	});

	it('puts longitude first and carries id, name, kind and link', () => {
		const [first] = pointsFromAssets(rows, (r) => `/assets/${r.id}`).features;
		expect(first.geometry).toEqual({ type: 'Point', coordinates: [-1.96, 52.42] });
		expect(first.properties).toEqual({
			id: 1,
			name: 'Knit and Natter',
			kind: 'group',
			href: '/assets/1'
		});
		expect(first.id).toBe(1);
	});

	it('gives an empty collection for no rows', () => {
		expect(pointsFromAssets([], () => '/x').features).toEqual([]);
	});
});

describe('areasFromPatches', () => {
	const boundary = {
		type: 'Polygon' as const,
		coordinates: [
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 0]
			]
		]
	};

	it('keeps the boundary and names each area', () => {
		const fc = areasFromPatches([{ id: 7, slug: 'northfield', name: 'Northfield', boundary }]);
		expect(fc.features).toHaveLength(1);
		expect(fc.features[0].geometry).toBe(boundary);
		expect(fc.features[0].properties).toEqual({ id: 7, name: 'Northfield' });
	});

	it('adds a link and a band when given', () => {
		const fc = areasFromPatches(
			[{ id: 7, slug: 'northfield', name: 'Northfield', boundary, band: 'over' as const }],
			(p) => `/patches/${p.slug}`
		);
		expect(fc.features[0].properties).toEqual({
			id: 7,
			name: 'Northfield',
			href: '/patches/northfield',
			band: 'over'
		});
	});
});

describe('emptyCollection', () => {
	it('is a FeatureCollection with no features', () => {
		expect(emptyCollection()).toEqual({ type: 'FeatureCollection', features: [] });
	});
});
