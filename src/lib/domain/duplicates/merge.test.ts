import { describe, expect, it } from 'vitest';
import {
	differingFields,
	keepAll,
	mergedValues,
	parseMergeChoices,
	type MergeField
} from './merge';

type Values = Record<MergeField, unknown>;
const base: Values = {
	name: 'Christ Church',
	nameCy: null,
	description: 'A parish church.',
	descriptionCy: null,
	where: {
		locationKind: 'place',
		lon: -2.3,
		lat: 53.4,
		address: 'Church Road',
		postcode: 'M33 1AA'
	},
	categories: ['faith'],
	sessions: [],
	contacts: [{ kind: 'phone', value: '0161 000 0000', visibility: 'public' }],
	accessibility: ['step_free'],
	ages: { min: null, max: null, familyFriendly: true },
	cost: { cost: 'free', detail: null },
	languages: ['en']
};
const other: Values = {
	...base,
	name: 'Christ Church, Sale',
	sessions: [{ frequency: 'weekly', weekday: 7, startTime: '10:00', endTime: '11:30' }],
	contacts: [{ kind: 'email', value: 'office@example.org', visibility: 'public' }]
};

describe('merging two entries', () => {
	it('asks only about the fields that differ', () => {
		expect(differingFields(base, other)).toEqual(['name', 'sessions', 'contacts']);
		expect(differingFields(base, base)).toEqual([]);
	});

	it('takes each chosen field from the other entry and keeps the rest', () => {
		const choices = { ...keepAll(), sessions: 'other' as const };
		const merged = mergedValues(base, other, choices);
		expect(merged.name).toBe('Christ Church');
		expect(merged.sessions).toEqual(other.sessions);
		expect(merged.contacts).toEqual(base.contacts);
	});

	it('reads the posted choices relative to the entry kept, keeping its own value for anything odd', () => {
		const keepA = parseMergeChoices(
			new URLSearchParams('keep=a&field.name=b&field.contacts=both&field.nope=b&field.cost=a')
		);
		expect(keepA.keep).toBe('a');
		expect(keepA.choices.name).toBe('other');
		expect(Object.values(keepA.choices).filter((c) => c === 'other')).toHaveLength(1);
		const keepB = parseMergeChoices(new URLSearchParams('keep=b&field.name=b&field.cost=a'));
		expect(keepB.choices.name).toBe('kept');
		expect(keepB.choices.cost).toBe('other');
		expect(parseMergeChoices(new URLSearchParams('keep=c')).keep).toBe('a');
	});
});
