import { describe, expect, it } from 'vitest';
import { parsePatchBoundaries } from './patches';
import { collection, importErrorOf, square } from './test-helpers';

const bowTie = [
	[
		[-2.3, 53.45],
		[-2.29, 53.455],
		[-2.29, 53.45],
		[-2.3, 53.455],
		[-2.3, 53.45]
	]
];

describe('parsePatchBoundaries', () => {
	it('names patches from the first usual property and makes slugs', () => {
		const file = parsePatchBoundaries(
			collection([
				{
					properties: { area_name: 'Gorse Hill & Cornbrook' },
					coordinates: square(-2.3, 53.45, 0.01)
				},
				{ properties: { area_name: 'Sale Moor' }, coordinates: square(-2.28, 53.45, 0.01) }
			]),
			{ source: 'wards.geojson' }
		);
		expect(file.patches.map((p) => [p.index, p.name, p.slug])).toEqual([
			[1, 'Gorse Hill & Cornbrook', 'gorse-hill-and-cornbrook'],
			[2, 'Sale Moor', 'sale-moor']
		]);
		expect(file.nameNote).toBe(
			'Names from the "area_name" property (the first of name, patch_name, area_name, NAME, WD23NM, WD22NM the file has).'
		);
	});

	it('refuses a boundary that crosses itself, naming the feature by number and name', () => {
		const value = collection([
			{ properties: { name: 'Fine' }, coordinates: square(-2.28, 53.45, 0.01) },
			{ properties: { name: 'Crossed Lines' }, coordinates: bowTie }
		]);
		expect(importErrorOf(() => parsePatchBoundaries(value, { source: 'p.geojson' }))).toBe(
			"p.geojson: feature 2 (Crossed Lines): the boundary crosses itself at 1 point: near 53.45250, -2.29500 (latitude, longitude), where the outer ring's edge from point 1 to point 2 and the outer ring's edge from point 3 to point 4 cross."
		);
	});

	it('refuses unnamed patches and two patches with one name', () => {
		const value = collection([
			{ properties: { name: 'Sale Moor' }, coordinates: square(-2.3, 53.45, 0.01) },
			{ properties: { name: '  ' }, coordinates: square(-2.28, 53.45, 0.01) },
			{ properties: { name: 'sale moor' }, coordinates: square(-2.26, 53.45, 0.01) }
		]);
		expect(importErrorOf(() => parsePatchBoundaries(value, { source: 'p.geojson' }))).toBe(
			[
				'p.geojson: feature 2 has no "name" property to name the patch.',
				'p.geojson: feature 3 (sale moor) has the same name as feature 1 (Sale Moor): each patch needs its own name.'
			].join('\n')
		);
	});

	it('uses the name property it is told to', () => {
		const value = collection([
			{ properties: { Ward: 'Hale' }, coordinates: square(-2.3, 53.45, 0.01) }
		]);
		expect(importErrorOf(() => parsePatchBoundaries(value, { source: 'p.geojson' }))).toMatch(
			/^p\.geojson: feature 1 has none of the properties name, .*\(its properties are: Ward\)\.$/
		);
		const file = parsePatchBoundaries(value, { source: 'p.geojson', nameProperty: 'ward' });
		expect(file.patches[0].name).toBe('Hale');
	});

	it('warns about parts that do not touch, without refusing them', () => {
		const file = parsePatchBoundaries(
			collection([
				{
					properties: { name: 'Two Villages' },
					type: 'MultiPolygon',
					coordinates: [square(-2.3, 53.45, 0.01), square(-2.25, 53.45, 0.01)]
				}
			]),
			{ source: 'p.geojson' }
		);
		expect(file.patches).toHaveLength(1);
		expect(file.warnings).toEqual([
			'Feature 1 (Two Villages): the patch is in 2 pieces that do not touch each other.'
		]);
	});
});
