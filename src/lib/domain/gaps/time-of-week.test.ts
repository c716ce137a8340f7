import { describe, expect, it } from 'vitest';
import { isEmptySlot, slotIndex, timeOfWeekGrid } from './time-of-week';
import type { GapAsset } from './types';

const asset = (
	id: number,
	sessions: GapAsset['sessions'],
	extra: Partial<GapAsset> = {}
): GapAsset => ({
	id,
	name: `Entry ${id}`,
	kind: 'group',
	status: 'published',
	consentPublic: false,
	point: [-2.3, 53.4],
	categoryIds: ['youth'],
	patchIds: [1],
	sessions,
	...extra
});

describe('timeOfWeekGrid', () => {
	it('has 21 slots, Monday morning first and Sunday evening last', () => {
		const grid = timeOfWeekGrid([], null);
		expect(grid).toHaveLength(21);
		expect(grid[0]).toMatchObject({ weekday: 1, part: 'morning' });
		expect(grid[20]).toMatchObject({ weekday: 7, part: 'evening' });
		expect(grid.every(isEmptySlot)).toBe(true);
	});

	it('counts weekly sessions every week, fortnightly and monthly as some weeks', () => {
		const grid = timeOfWeekGrid(
			[
				asset(1, [{ frequency: 'weekly', weekday: 2, startTime: '18:30', endTime: '20:00' }]),
				asset(2, [
					{
						frequency: 'monthly',
						weekday: 2,
						weekOfMonth: -1,
						startTime: '19:00',
						endTime: '21:00'
					}
				]),
				asset(3, [
					{
						frequency: 'fortnightly',
						weekday: 5,
						anchorDate: '2026-01-02',
						startTime: '12:00',
						endTime: '13:00'
					}
				])
			],
			'youth'
		);
		expect(grid[slotIndex(2, 'evening')]).toMatchObject({ everyWeek: [1], someWeeks: [2] });
		expect(grid[slotIndex(5, 'afternoon')]).toMatchObject({ everyWeek: [], someWeeks: [3] });
		expect(grid.filter(isEmptySlot)).toHaveLength(19);
	});

	it('counts an entry once per slot, as every week if any session there is weekly', () => {
		const grid = timeOfWeekGrid(
			[
				asset(1, [
					{
						frequency: 'monthly',
						weekday: 1,
						weekOfMonth: 1,
						startTime: '09:00',
						endTime: '10:00'
					},
					{ frequency: 'weekly', weekday: 1, startTime: '10:00', endTime: '11:00' }
				])
			],
			null
		);
		expect(grid[0]).toMatchObject({ everyWeek: [1], someWeeks: [] });
	});

	it('leaves out other categories, drafts and informal supports without consent', () => {
		const tuesday = [
			{ frequency: 'weekly' as const, weekday: 2, startTime: '18:30', endTime: '20:00' }
		];
		const grid = timeOfWeekGrid(
			[
				asset(1, tuesday, { categoryIds: ['food'] }),
				asset(2, tuesday, { status: 'draft' }),
				asset(3, tuesday, { kind: 'informal_support' }),
				asset(4, tuesday, { kind: 'informal_support', consentPublic: true })
			],
			'youth'
		);
		expect(grid[slotIndex(2, 'evening')].everyWeek).toEqual([4]);
	});
});
