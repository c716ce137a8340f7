import { describe, expect, it } from 'vitest';
import { parsePeople, parsePopulationCsv } from './population';
import { importErrorOf } from './test-helpers';

const midYear = [
	'period,area_code,area_name,geography,sex,all_ages,aged_0_to_15',
	'2022-06-30,E00000001,E00000001,OA,Females,150,30',
	'2022-06-30,E00000001,E00000001,OA,Persons,300,61',
	'2022-06-30,E00000002,E00000002,OA,Persons,"1,250",40',
	'2022-06-30,E00000002,E00000002,OA,Males,600,20'
].join('\r\n');

const nomis = [
	'area_code,area_name,geography,period,indicator,measure,unit,value',
	'E00000001,E00000001,Output Area,2021-03-21,All persons,Count,Persons,290',
	'E00000001,E00000001,Output Area,2021-03-21,Female,Count,Persons,140',
	'E00000002,E00000002,Output Area,2021-03-21,All persons,Count,Persons,245'
].join('\n');

describe('parsePopulationCsv', () => {
	it('takes the Persons rows of an ONS mid-year file, and names the set from its period', () => {
		const file = parsePopulationCsv(midYear, { source: 'mid.csv' });
		expect(file.shape).toBe('mid-year');
		expect(file.rows).toEqual([
			{ code: 'E00000001', value: 300, line: 3 },
			{ code: 'E00000002', value: 1250, line: 4 }
		]);
		expect(file.period).toBe('2022-06-30');
		expect(file.suggestedName).toBe('Mid-2022');
		expect(file.shapeNote).toBe(
			'ONS mid-year estimates (one row per area and sex): the "Persons" row of each area, column all_ages.'
		);
	});

	it('takes the All persons rows of a Nomis census file', () => {
		const file = parsePopulationCsv(nomis, { source: 'census.csv' });
		expect(file.shape).toBe('nomis');
		expect(file.rows.map((row) => [row.code, row.value])).toEqual([
			['E00000001', 290],
			['E00000002', 245]
		]);
		expect(file.suggestedName).toBe('Census 2021');
	});

	it('reads a plain table of code and population, with named columns', () => {
		const file = parsePopulationCsv('LSOA 2021 Code,Total\nE01000001,1500\n', { source: 'p.csv' });
		expect(file.shape).toBe('simple');
		expect(file.rows).toEqual([{ code: 'E01000001', value: 1500, line: 2 }]);
		const chosen = parsePopulationCsv('zone,people\nX1,10\n', {
			source: 'p.csv',
			codeColumn: 'zone',
			valueColumn: 'people'
		});
		expect(chosen.rows).toEqual([{ code: 'X1', value: 10, line: 2 }]);
	});

	it('lists codes given twice with their lines, rather than throwing', () => {
		const text = nomis + '\nE00000001,E00000001,Output Area,2021-03-21,All persons,Count,Persons,1';
		const file = parsePopulationCsv(text, { source: 'census.csv' });
		expect(file.duplicates).toEqual([{ code: 'E00000001', lines: [2, 5] }]);
	});

	it('names every bad value by line and field', () => {
		const text = [
			'area_code,sex,all_ages',
			'E00000001,Persons,-3',
			'E00000002,Persons,lots',
			'E00000003,Persons,',
			'E00000004,Persons,12.5',
			',Persons,5'
		].join('\n');
		expect(importErrorOf(() => parsePopulationCsv(text, { source: 'p.csv' }))).toBe(
			[
				'p.csv: line 2, field "all_ages": "-3" is negative: a population is 0 or more.',
				'p.csv: line 3, field "all_ages": "lots" is not a number.',
				'p.csv: line 4, field "all_ages": is empty.',
				'p.csv: line 5, field "all_ages": "12.5" is not a whole number of people.',
				'p.csv: line 6, field "area_code" is empty.'
			].join('\n')
		);
	});

	it('refuses a file it cannot place, listing its columns', () => {
		expect(
			importErrorOf(() => parsePopulationCsv('area_code,households\nE1,2', { source: 'h.csv' }))
		).toBe(
			'h.csv: cannot tell what kind of population file this is. Patchwork reads ONS mid-year files ' +
				'(columns area_code, sex, all_ages), Nomis census files (columns area_code, indicator, value) ' +
				'or a table of code and population. Its columns are: area_code, households.'
		);
	});

	it('refuses a Nomis table with no All persons rows, saying what it has', () => {
		const text =
			'area_code,indicator,value\nE00000001,0 people in household,0\nE00000001,1 person in household,21\n';
		expect(importErrorOf(() => parsePopulationCsv(text, { source: 'hh.csv' }))).toBe(
			'hh.csv has no "All persons" rows in its indicator column (it has: 0 people in household, 1 person in household). Is it a population by sex file?'
		);
	});

	it('refuses empty files, and header rows with nothing under them', () => {
		expect(importErrorOf(() => parsePopulationCsv('\ufeff \n', { source: 'e.csv' }))).toBe(
			'e.csv is empty.'
		);
		expect(importErrorOf(() => parsePopulationCsv('area_code,value\n', { source: 'h.csv' }))).toBe(
			'h.csv has a header row but no rows of figures.'
		);
	});

	it('says where an unclosed quote starts', () => {
		expect(
			importErrorOf(() => parsePopulationCsv('area_code,value\n"E1,5\nE2,6\n', { source: 'q.csv' }))
		).toBe('q.csv: a quoted field that starts on line 2 is never closed.');
	});
});

describe('parsePeople', () => {
	it('accepts whole numbers, with thousands separators or a .0', () => {
		expect(parsePeople(' 1,234 ')).toBe(1234);
		expect(parsePeople('0')).toBe(0);
		expect(parsePeople('17.0')).toBe(17);
	});

	it('refuses the rest with a reason', () => {
		expect(parsePeople('-1,000')).toEqual({
			problem: '"-1,000" is negative: a population is 0 or more'
		});
		expect(parsePeople('c')).toEqual({ problem: '"c" is not a number' });
		expect(parsePeople('1e3')).toEqual({ problem: '"1e3" is not a number' });
	});
});
