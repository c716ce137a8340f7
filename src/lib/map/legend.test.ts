import { describe, expect, it } from 'vitest';
import { emptyCollection } from './geojson';
import { legendItems } from './legend';
import { KIND_COLOURS } from './style';
import { northfield, places } from './test-fixtures';
import type { AreaCollection, PointCollection } from './types';

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe('legendItems', () => {
	it('lists only the kinds present, community first and services last', () => {
		const reversed: PointCollection = { ...places, features: [...places.features].reverse() };
		const items = legendItems(reversed, northfield);
		expect(labels(items)).toEqual(['Groups', 'Venues', 'Services']);
		expect(items[0]).toMatchObject({ colour: KIND_COLOURS.group, shape: 'dot' });
	});

	it('is empty with nothing to show', () => {
		expect(legendItems(emptyCollection(), emptyCollection())).toEqual([]);
	});

	it('explains cluster rings only when points can be grouped', () => {
		expect(labels(legendItems(places, northfield, { cluster: true }))).toContain(
			'Several places close together, with how many (select to zoom in)'
		);
		expect(labels(legendItems(places, northfield))).not.toContain(
			'Several places close together, with how many (select to zoom in)'
		);
	});

	it('names kinds and cluster rings in Welsh on a Welsh page', () => {
		expect(labels(legendItems(places, northfield, { cluster: true, lang: 'cy' }))).toEqual([
			'Grwpiau',
			'Lleoliadau',
			'Gwasanaethau',
			"Sawl lle yn agos at ei gilydd, a faint (dewiswch i chwyddo'r map)"
		]);
	});

	it('names the search centre and the area searched when the map draws them', () => {
		expect(labels(legendItems(places, northfield, { searchArea: true }))).toEqual([
			'Groups',
			'Venues',
			'Services',
			'Where the search is from',
			'The area searched'
		]);
		expect(labels(legendItems(places, northfield, { searchArea: true, lang: 'cy' }))).toContain(
			'Man cychwyn y chwiliad'
		);
	});

	it('lists the population bands present, smallest first', () => {
		const base = northfield.features[0];
		const banded: AreaCollection = {
			type: 'FeatureCollection',
			features: [
				{ ...base, properties: { ...base.properties, band: 'over' } },
				{ ...base, properties: { ...base.properties, band: 'usual' } },
				{ ...base, properties: { ...base.properties, band: null } }
			]
		};
		const items = legendItems(emptyCollection(), banded);
		expect(labels(items)).toEqual(['Usual size', 'Over the limit']);
		expect(items.every((i) => i.shape === 'area' && /^#[0-9a-f]{6}$/.test(i.colour))).toBe(true);
	});
});
