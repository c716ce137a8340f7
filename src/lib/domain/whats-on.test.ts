import { describe, expect, it } from 'vitest';
import { addDays, dayHeading, presenceThisWeek, weekAhead, whatsOnThisWeek } from './whats-on';

// 2026-11-30 is a Monday.
const today = '2026-11-30';

describe('weekAhead and dayHeading', () => {
	it('covers today and the next 6 days, across a month end', () => {
		expect(weekAhead(today)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
	});

	it('names the weekday and the date', () => {
		expect(dayHeading('2026-12-01')).toBe('Tuesday 1 December 2026');
		expect(dayHeading('2026-12-06', 'cy')).toBe('Dydd Sul 6 Rhagfyr 2026');
	});
});

describe('whatsOnThisWeek', () => {
	const assets = [
		{
			id: 2,
			name: 'Walking group',
			sessions: [
				{ frequency: 'weekly' as const, weekday: 2, startTime: '10:00', endTime: '11:00' },
				{ frequency: 'weekly' as const, weekday: 4, startTime: '18:00', endTime: '19:00' }
			]
		},
		{
			id: 1,
			name: 'Knit and natter',
			sessions: [
				{
					frequency: 'weekly' as const,
					weekday: 2,
					startTime: '09:30',
					endTime: '11:30',
					note: 'Bring needles'
				},
				// First Monday of December is 7 December: outside this week.
				{
					frequency: 'monthly' as const,
					weekday: 1,
					weekOfMonth: 1,
					startTime: '19:00',
					endTime: '21:00'
				},
				// No anchor: cannot say which weeks, so left out.
				{ frequency: 'fortnightly' as const, weekday: 3, startTime: '12:00', endTime: '13:00' }
			]
		}
	];

	it('lists each meeting under its dated day, in time order', () => {
		const days = whatsOnThisWeek(assets, today);
		expect(days.map((day) => day.heading)).toEqual([
			'Tuesday 1 December 2026',
			'Thursday 3 December 2026'
		]);
		expect(days[0].items.map((item) => [item.startTime, item.assetName, item.note])).toEqual([
			['09:30', 'Knit and natter', 'Bring needles'],
			['10:00', 'Walking group', null]
		]);
		expect(days[1].items).toEqual([
			{
				date: '2026-12-03',
				assetId: 2,
				assetName: 'Walking group',
				startTime: '18:00',
				endTime: '19:00',
				note: null
			}
		]);
	});

	it('includes today and a fortnightly session in its week', () => {
		const days = whatsOnThisWeek(
			[
				{
					id: 3,
					name: 'Repair cafe',
					sessions: [
						{ frequency: 'weekly', weekday: 1, startTime: '14:00', endTime: '16:00' },
						{
							frequency: 'fortnightly',
							weekday: 6,
							anchorDate: '2026-11-21',
							startTime: '10:00',
							endTime: '12:00'
						}
					]
				}
			],
			today
		);
		expect(days.map((day) => day.date)).toEqual(['2026-11-30', '2026-12-05']);
	});

	it('is empty when nothing meets', () => {
		expect(whatsOnThisWeek([{ id: 1, name: 'Quiet', sessions: [] }], today)).toEqual([]);
	});
});

describe('presenceThisWeek', () => {
	it('dates each weekly visit and orders coordinators within a day', () => {
		const days = presenceThisWeek(
			[
				{
					coordinator: 'Sam',
					venueId: 9,
					venueName: 'Library',
					weekday: 3,
					startTime: '10:00',
					endTime: '12:00'
				},
				{
					coordinator: 'Alex',
					venueId: 8,
					venueName: 'Hall',
					weekday: 3,
					startTime: '10:00',
					endTime: '12:00'
				}
			],
			today
		);
		expect(days).toHaveLength(1);
		expect(days[0].heading).toBe('Wednesday 2 December 2026');
		expect(days[0].items.map((item) => item.coordinator)).toEqual(['Alex', 'Sam']);
	});

	it('shows a one-off visit only in the week of its date, on that date', () => {
		const visit = {
			coordinator: 'Sam',
			venueId: 9,
			venueName: 'Library',
			weekday: 2,
			startTime: '10:00',
			endTime: '12:00'
		};
		const inWeek = presenceThisWeek([{ ...visit, onDate: '2026-12-01' }], today);
		expect(inWeek.map((day) => day.heading)).toEqual(['Tuesday 1 December 2026']);
		expect(presenceThisWeek([{ ...visit, onDate: '2026-12-08' }], today)).toEqual([]);
		expect(presenceThisWeek([{ ...visit, onDate: '2026-11-24' }], today)).toEqual([]);
		// The weekly rule on the same day shows every week.
		expect(presenceThisWeek([{ ...visit, onDate: null }], today)).toHaveLength(1);
	});
});
