import { describe, expect, it } from 'vitest';
import { describeEntryField, diffEntries, mergeEntries, type EntryNames } from './diff';
import type { EntryData } from './types';

const base: EntryData = {
	kind: 'group',
	sector: null,
	name: 'Knit and natter',
	nameCy: null,
	description: 'A friendly knitting group.',
	descriptionCy: null,
	categoryIds: ['crafts', 'social'],
	locationKind: 'place',
	lon: -2.9,
	lat: 53.05,
	address: '140 Well Street',
	postcode: 'FV7 0RE',
	linkedPatchIds: [],
	venueId: 40,
	sessions: [
		{
			frequency: 'weekly',
			weekday: 2,
			weekOfMonth: null,
			anchorDate: null,
			startTime: '10:00',
			endTime: '12:00',
			note: null
		}
	],
	contacts: [{ kind: 'phone', label: null, value: '01632 960190', visibility: 'public' }],
	accessibility: ['step_free'],
	ageMin: null,
	ageMax: null,
	familyFriendly: false,
	cost: 'free',
	costDetail: null,
	languages: ['en'],
	status: 'published',
	consentRecordedOn: null,
	consentHow: null,
	consentPublic: false,
	consentPublicOn: null,
	consentContactsPublic: false
};

const names: EntryNames = {
	categories: new Map([
		['crafts', 'Crafts'],
		['social', 'Social and friendship']
	]),
	venues: new Map([[40, 'Aldermoor Community Centre']]),
	patches: new Map([[1, 'Aldermoor']])
};

describe('what differs between two versions', () => {
	it('is nothing for the same entry, and lists of ids compare as sets', () => {
		expect(diffEntries(base, structuredClone(base))).toEqual([]);
		expect(diffEntries(base, { ...base, categoryIds: ['social', 'crafts'] })).toEqual([]);
	});

	it('names each changed field in form order, the point as one field', () => {
		const changed: EntryData = {
			...base,
			name: 'Knit and Natter Club',
			lat: 53.06,
			status: 'draft',
			sessions: [{ ...base.sessions[0], endTime: '12:30' }],
			contacts: [{ ...base.contacts[0], visibility: 'coordinators' }]
		};
		expect(diffEntries(base, changed)).toEqual(['name', 'point', 'sessions', 'contacts', 'status']);
	});
});

describe('combining a refused save with the one that beat it', () => {
	it('keeps every field you changed, takes theirs for the rest, and says what they changed', () => {
		const theirs: EntryData = {
			...base,
			name: 'Knit and Natter Club',
			description: 'Their description',
			cost: 'low'
		};
		const yours: EntryData = { ...base, description: 'Your description', familyFriendly: true };
		const { merged, theirChanges } = mergeEntries(base, theirs, yours);
		expect(merged).toEqual({
			...base,
			name: 'Knit and Natter Club',
			description: 'Your description',
			cost: 'low',
			familyFriendly: true
		});
		expect(theirChanges).toEqual([
			{ key: 'name', label: 'Name in English', bothChanged: false },
			{ key: 'description', label: 'Description in English', bothChanged: true },
			{ key: 'cost', label: 'Cost', bothChanged: false }
		]);
	});

	it('does not count it as a clash when you both made the same change', () => {
		const same = { ...base, postcode: 'FV7 1AA' };
		expect(mergeEntries(base, same, same).theirChanges).toEqual([
			{ key: 'postcode', label: 'Postcode', bothChanged: false }
		]);
	});

	it('moves the point as a whole, never mixing their latitude with your longitude', () => {
		const theirs = { ...base, lon: -2.8, lat: 53.1 };
		const { merged } = mergeEntries(base, theirs, { ...base, name: 'Renamed' });
		expect([merged.lon, merged.lat, merged.name]).toEqual([-2.8, 53.1, 'Renamed']);
	});
});

describe('each field in words', () => {
	it('describes ids by name, sessions and contacts as people read them', () => {
		const entry: EntryData = {
			...base,
			sessions: [
				base.sessions[0],
				{
					frequency: 'fortnightly',
					weekday: 4,
					weekOfMonth: null,
					anchorDate: '2026-06-11',
					startTime: '18:00',
					endTime: '20:00',
					note: 'Upstairs'
				}
			],
			contacts: [
				{ kind: 'email', label: 'Chair', value: 'c@example.org', visibility: 'coordinators' }
			]
		};
		const describe = (key: Parameters<typeof describeEntryField>[1]) =>
			describeEntryField(entry, key, names);
		expect(describe('categoryIds')).toBe('Crafts, Social and friendship');
		expect(describe('venueId')).toBe('Aldermoor Community Centre');
		expect(describe('point')).toBe('Latitude 53.05, longitude -2.9');
		expect(describe('sessions')).toBe(
			'Every Tuesday, 10:00-12:00; Every other Thursday, 18:00-20:00 (meets on 11 June 2026): Upstairs'
		);
		expect(describe('contacts')).toBe('Chair: c@example.org (email, coordinators only)');
		expect(describe('cost')).toBe('Free');
		expect(describe('familyFriendly')).toBe('No');
		expect(describe('nameCy')).toBe('None');
		expect(describe('status')).toBe('Published');
		expect(describeEntryField({ ...entry, linkedPatchIds: [1] }, 'linkedPatchIds', names)).toBe(
			'Aldermoor'
		);
		expect(
			describeEntryField({ ...entry, consentRecordedOn: '2026-06-01' }, 'consentRecordedOn', names)
		).toBe('1 June 2026');
	});
});
