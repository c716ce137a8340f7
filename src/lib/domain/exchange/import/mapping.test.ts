import { describe, expect, it } from 'vitest';
import {
	applyRules,
	assetMappingSchema,
	firstValue,
	indexProperties,
	joinedValue,
	resolveFields
} from './mapping';

const properties = {
	Name: 'Sale Library',
	site_type: 'Play Space',
	street: 'Tatton Road',
	town: 'Sale',
	blank: 'N/A',
	n: 3
};
const index = indexProperties(Object.keys(properties));

describe('mapping fields', () => {
	it('reads a property whatever its case, a template, or the first alternative with a value', () => {
		expect(firstValue(properties, index, 'name')).toBe('Sale Library');
		expect(firstValue(properties, index, '{Name} ({n})')).toBe('Sale Library (3)');
		expect(firstValue(properties, index, ['blank', '{missing} x', '{site_type}'])).toBe(
			'Play Space'
		);
		expect(firstValue(properties, index, ['blank', 'missing'])).toBeNull();
	});

	it('joins address parts that have values', () => {
		expect(joinedValue(properties, index, ['street', 'blank', 'town'])).toBe('Tatton Road, Sale');
	});

	it('finds the usual property names when the mapping leaves a field out', () => {
		const fields = resolveFields(assetMappingSchema.parse({ address: ['street', 'town'] }), index);
		expect(fields).toEqual({ name: 'Name', address: ['street', 'town'] });
	});

	it('refuses a mapping with unknown fields or values, naming them', () => {
		const result = assetMappingSchema.safeParse({
			kind: 'castle',
			nmae: 'x',
			rules: [{ when: {} }]
		});
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(
			expect.arrayContaining(['kind', 'rules.0.when', ''])
		);
	});
});

describe('applyRules', () => {
	const mapping = assetMappingSchema.parse({
		kind: 'venue',
		categories: ['parks'],
		rules: [
			{
				when: { site_type: ['play space', 'Playground'] },
				kind: 'group',
				categories: ['play'],
				familyFriendly: true
			},
			{ when: { town: true, blank: false }, accessibility: ['step_free'] },
			{ when: { site_type: 'Cemetery' }, skip: 'not an asset' }
		]
	});
	const read = (values: Record<string, string | null>) => (name: string) => values[name] ?? null;

	it('adds categories and lets a matching rule set the kind', () => {
		expect(applyRules(mapping, read({ site_type: 'Play Space', town: 'Sale' }))).toEqual({
			kind: 'group',
			sector: null,
			categories: ['parks', 'play'],
			accessibility: ['step_free'],
			familyFriendly: true,
			skip: null,
			matched: 2
		});
	});

	it('keeps the defaults when no rule matches, and reports a skip', () => {
		expect(applyRules(mapping, read({ site_type: 'Park' }))).toMatchObject({
			kind: 'venue',
			categories: ['parks'],
			matched: 0
		});
		expect(applyRules(mapping, read({ site_type: 'cemetery' })).skip).toBe('not an asset');
	});
});
