import { describe, expect, it } from 'vitest';
import { groupMoves, sizingRows, sortRows } from './rows';
import { estimate } from './test-estimates';

const slugs = new Map<number | string, string>([
	[1, 'aldermoor'],
	[2, 'bryn-eithin'],
	[3, 'cae-derwen']
]);

describe('sizingRows', () => {
	it('rounds to whole people so areal minus centroid is the difference shown', () => {
		const [row] = sizingRows(
			[
				estimate({
					id: 1,
					name: 'Aldermoor',
					areal: 16_504.6,
					centroid: 16_460,
					areaKm2: 3.25,
					overlapPeople: 340.4,
					overlapsWith: [{ id: 2, name: 'Bryn Eithin', people: 340.4 }],
					suggestedMoves: [
						{
							code: 'FV000123',
							people: 411.6,
							neighbourId: 2,
							neighbourName: 'Bryn Eithin',
							direction: 'out'
						}
					]
				})
			],
			slugs
		);
		expect(row).toMatchObject({
			slug: 'aldermoor',
			areal: 16_505,
			centroid: 16_460,
			difference: 45,
			densityPerKm2: 5078,
			band: 'over',
			bandLabel: 'Over the limit',
			guidance: 'Remove about 1,510 people to be under 15,000',
			overlapPeople: 340,
			overlapsWith: [{ name: 'Bryn Eithin', people: 340 }],
			moves: [{ code: 'FV000123', people: 412, neighbourName: 'Bryn Eithin', direction: 'out' }]
		});
	});

	it('has no slug for a patch it does not know', () => {
		expect(sizingRows([estimate({ id: 9, name: 'Drawn', areal: 1 })], slugs)[0].slug).toBeNull();
	});
});

describe('sortRows', () => {
	const rows = sizingRows(
		[
			estimate({ id: 1, name: 'Cae Derwen', areal: 11_000, areaKm2: 2 }),
			estimate({ id: 2, name: 'aldermoor', areal: 16_000, areaKm2: 8 }),
			estimate({ id: 3, name: 'Bryn Eithin', areal: 7_000, areaKm2: 2 })
		],
		slugs
	);
	const names = (sorted: typeof rows) => sorted.map((row) => row.name);

	it('sorts names A to Z without regard to case, and back', () => {
		expect(names(sortRows(rows, 'name', 'asc'))).toEqual([
			'aldermoor',
			'Bryn Eithin',
			'Cae Derwen'
		]);
		expect(names(sortRows(rows, 'name', 'desc'))).toEqual([
			'Cae Derwen',
			'Bryn Eithin',
			'aldermoor'
		]);
	});

	it('sorts by population either way', () => {
		expect(names(sortRows(rows, 'areal', 'desc'))).toEqual([
			'aldermoor',
			'Cae Derwen',
			'Bryn Eithin'
		]);
		expect(names(sortRows(rows, 'areal', 'asc'))).toEqual([
			'Bryn Eithin',
			'Cae Derwen',
			'aldermoor'
		]);
	});

	it('sorts bands smallest first, not alphabetically', () => {
		expect(sortRows(rows, 'band', 'asc').map((row) => row.band)).toEqual([
			'under',
			'usual',
			'over'
		]);
	});

	it('keeps name order among ties in either direction', () => {
		expect(names(sortRows(rows, 'area', 'asc'))).toEqual([
			'Bryn Eithin',
			'Cae Derwen',
			'aldermoor'
		]);
		expect(names(sortRows(rows, 'area', 'desc'))).toEqual([
			'aldermoor',
			'Bryn Eithin',
			'Cae Derwen'
		]);
	});

	it('leaves the rows it was given alone', () => {
		sortRows(rows, 'areal', 'asc');
		expect(names(rows)).toEqual(['Cae Derwen', 'aldermoor', 'Bryn Eithin']);
	});
});

describe('groupMoves', () => {
	it('names each neighbour once, keeping the order moves came in', () => {
		const move = (code: string, neighbourName: string, direction: 'in' | 'out' = 'out') => ({
			code,
			people: 300,
			neighbourName,
			direction
		});
		expect(
			groupMoves([
				move('A', 'North'),
				move('B', 'South'),
				move('C', 'North'),
				move('D', 'North', 'in')
			])
		).toEqual([
			{
				direction: 'out',
				neighbourName: 'North',
				areas: [
					{ code: 'A', people: 300 },
					{ code: 'C', people: 300 }
				]
			},
			{ direction: 'out', neighbourName: 'South', areas: [{ code: 'B', people: 300 }] },
			{ direction: 'in', neighbourName: 'North', areas: [{ code: 'D', people: 300 }] }
		]);
	});
});
