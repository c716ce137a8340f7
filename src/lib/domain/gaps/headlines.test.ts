import { describe, expect, it } from 'vitest';
import { headlineGaps, weekSlotSummary } from './headlines';
import { analyseGaps } from './report';
import { gapReportText } from './report-text';
import { slotIndex } from './time-of-week';
import type { GapAsset } from './types';

// Two patches, 1 km apart east-west (about 0.015° of longitude at 53.4° N, 1 km ≈ 0.01496°).
const areas = [
	{ code: 'A1', point: [-2.3, 53.4] as [number, number], population: 400, decile: 1 },
	{ code: 'B1', point: [-2.28504, 53.4] as [number, number], population: 600, decile: 7 }
];
const youthClub: GapAsset = {
	id: 1,
	name: 'Youth club',
	kind: 'group',
	status: 'published',
	consentPublic: false,
	point: [-2.28504, 53.4],
	categoryIds: ['youth'],
	patchIds: [2],
	sessions: [
		{ frequency: 'weekly', weekday: 2, startTime: '18:30', endTime: '20:00' },
		{ frequency: 'fortnightly', weekday: 6, anchorDate: '2026-01-03', startTime: '10:00' }
	] as GapAsset['sessions']
};
const phoneLine: GapAsset = {
	...youthClub,
	id: 2,
	name: 'Lifts by phone',
	kind: 'service',
	point: null,
	categoryIds: ['transport'],
	patchIds: [1, 2],
	sessions: []
};
const report = analyseGaps(
	{
		method: { sizing: 'areal', populationSet: 'Test (2022)', deprivation: 'IoD 2025' },
		areas,
		patches: [
			{ id: 1, name: 'West', population: 400, members: [{ area: 0, people: 400 }] },
			{ id: 2, name: 'East', population: 600, members: [{ area: 1, people: 600 }] }
		],
		assets: [youthClub, phoneLine],
		categories: [
			{ id: 'youth', name: 'Young people' },
			{ id: 'food', name: 'Food' },
			{ id: 'transport', name: 'Getting about' }
		]
	},
	{ thresholdMetres: 800, categoryId: null }
);

describe('headlineGaps', () => {
	const headlines = headlineGaps(report);

	it('names a category missing from a patch, but not a category with no entries anywhere', () => {
		expect(headlines.missing).toEqual([
			{ patch: 'West', category: 'Young people', population: 400 }
		]);
	});

	it('counts the people beyond the threshold, and those of them in the most deprived 20%', () => {
		// West's small area is 1 km from the club: beyond 800 m, and in decile 1.
		expect(headlines.reach).toEqual([
			{ categoryId: 'youth', category: 'Young people', people: 400, deprivedPeople: 400 }
		]);
	});

	it('names a category whose entries have no place apart, not as everyone beyond reach', () => {
		expect(headlines.unplaced).toEqual(['Getting about']);
		expect(headlines.reach.map((gap) => gap.categoryId)).not.toContain('transport');
		expect(gapReportText(report)).toContain(
			'Getting about (transport): 1 entry; median 2.08 per 1,000; no entry has a place, so no distance is measured'
		);
	});

	it('lists the weekday evenings when nothing meets, most first', () => {
		expect(headlines.evenings).toEqual([
			{ patch: 'West', weekdays: [1, 2, 3, 4, 5] },
			{ patch: 'East', weekdays: [1, 3, 4, 5] }
		]);
	});
});

describe('weekSlotSummary', () => {
	it('counts the patches with nothing in each slot, and those with something only some weeks', () => {
		const summary = weekSlotSummary(report.timeOfWeek);
		expect(summary).toHaveLength(21);
		expect(summary[slotIndex(2, 'evening')]).toEqual({
			weekday: 2,
			part: 'evening',
			empty: 1,
			someWeeks: 0
		});
		expect(summary[slotIndex(6, 'morning')]).toMatchObject({ empty: 1, someWeeks: 1 });
		expect(summary[slotIndex(7, 'evening')]).toMatchObject({ empty: 2, someWeeks: 0 });
	});
});
