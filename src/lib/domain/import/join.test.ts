import { describe, expect, it } from 'vitest';
import type { SmallAreaKind } from '../vocabulary';
import { describeJoin, joinPopulation, joinProblems, joinWarnings } from './join';
import type { PopulationFile } from './population';

function file(
	rows: [string, number][],
	duplicates: PopulationFile['duplicates'] = []
): PopulationFile {
	return {
		source: 'p.csv',
		shape: 'simple',
		shapeNote: '',
		codeColumn: 'code',
		valueColumn: 'population',
		rows: rows.map(([code, value], i) => ({ code, value, line: i + 2 })),
		duplicates,
		period: null,
		suggestedName: null,
		warnings: []
	};
}

const stored = new Map<string, SmallAreaKind>([
	['E00000001', 'OA'],
	['E00000002', 'OA'],
	['E00000003', 'OA'],
	['E01000001', 'LSOA']
]);

describe('joinPopulation', () => {
	it('counts matches and lists stored areas of the same kind with no figure', () => {
		const report = joinPopulation(
			file([
				['E00000001', 300],
				['E00000002', 200]
			]),
			stored
		);
		expect(report).toMatchObject({
			matched: 2,
			matchedPeople: 500,
			boundaryOnly: ['E00000003'],
			populationOnly: [],
			kinds: ['OA']
		});
		expect(joinProblems(report, 'p.csv', stored.size)).toEqual([]);
		expect(describeJoin(report)).toEqual([
			'2 codes match small areas (Output Areas), with 500 people in all.'
		]);
		expect(joinWarnings(report)).toEqual([
			'1 stored small area has no figure in this file, so it counts as 0 people: E00000003.'
		]);
	});

	it('refuses rows for unknown codes, naming them and their lines', () => {
		const report = joinPopulation(
			file([
				['E00000001', 1],
				['E00999999', 2],
				['X', 3]
			]),
			stored
		);
		expect(joinProblems(report, 'p.csv', stored.size)).toEqual([
			'p.csv: 2 rows have codes that are not small areas in Patchwork: E00999999 (line 3) and X (line 4). Import their boundaries first, or remove those rows.'
		]);
	});

	it('says plainly when no code at all matches', () => {
		const report = joinPopulation(file([['E02000001', 9000]]), stored);
		expect(joinProblems(report, 'p.csv', 4)).toEqual([
			'p.csv: none is among the 4 small areas Patchwork holds, so none of its 1 codes (like E02000001 on line 2) can be matched. Import the boundaries of these small areas first.'
		]);
	});

	it('refuses codes given twice, and a mix of Output Areas and LSOAs', () => {
		const report = joinPopulation(
			file(
				[
					['E00000001', 1],
					['E01000001', 2]
				],
				[{ code: 'E00000001', lines: [2, 9] }]
			),
			stored
		);
		expect(joinProblems(report, 'p.csv', 4)).toEqual([
			'p.csv: code E00000001 appears more than once, on lines 2 and 9.',
			'p.csv has figures for both Output Areas and LSOAs: import one kind per population set, or patches would count people twice.'
		]);
	});
});
