import { describe, expect, it } from 'vitest';
import { describeMergeValue } from './describe';

describe('describing a field for the side-by-side comparison', () => {
	it('says "Not given" for empty values', () => {
		expect(describeMergeValue('nameCy', null, new Map())).toEqual(['Not given']);
		expect(describeMergeValue('contacts', [], new Map())).toEqual(['Not given']);
	});

	it('names categories, accessibility features and languages in words', () => {
		const names = new Map([['faith', 'Faith and belief']]);
		expect(describeMergeValue('categories', ['faith', 'gone'], names)).toEqual([
			'Faith and belief',
			'gone'
		]);
		expect(describeMergeValue('accessibility', ['step_free'], names)).toEqual(['Step-free access']);
		expect(describeMergeValue('languages', ['en', 'pl'], names)).toEqual(['English', 'Polish']);
	});

	it('marks coordinators-only contacts and describes where and when', () => {
		expect(
			describeMergeValue(
				'contacts',
				[{ kind: 'phone', label: 'Jo', value: '07700 900000', visibility: 'coordinators' }],
				new Map()
			)
		).toEqual(['Jo: 07700 900000 (coordinators only)']);
		expect(
			describeMergeValue(
				'where',
				{
					locationKind: 'place',
					lon: -2.3,
					lat: 53.4,
					address: 'Church Road',
					postcode: 'M33 1AA'
				},
				new Map()
			)
		).toEqual(['Church Road, M33 1AA', 'Map point 53.40000, -2.30000']);
		expect(
			describeMergeValue(
				'sessions',
				[{ frequency: 'weekly', weekday: 2, startTime: '10:00', endTime: '12:00', note: null }],
				new Map()
			)[0]
		).toMatch(/Tuesday/);
	});

	it('puts ages and cost in plain words', () => {
		expect(
			describeMergeValue('ages', { min: 5, max: 11, familyFriendly: true }, new Map())
		).toEqual(['Ages 5 to 11', 'Family-friendly']);
		expect(describeMergeValue('cost', { cost: 'low', detail: '£2 a session' }, new Map())).toEqual([
			'Low cost',
			'£2 a session'
		]);
	});
});
