import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, sizingGuidance } from './bands';
import { csvCell, sizingReportCsv, sizingReportRows, sizingReportText } from './sizing-report';
import type { PatchEstimate, ProgrammeCheck } from './sizing/types';

function estimate(
	id: number,
	name: string,
	areal: number,
	centroid: number,
	areaKm2: number
): PatchEstimate {
	const guidance = sizingGuidance(areal);
	return {
		id,
		name,
		areal,
		centroid,
		difference: areal - centroid,
		cutPeople: 0,
		centroidRange: { min: centroid, max: centroid },
		method: 'areal',
		population: areal,
		areaKm2,
		densityPerKm2: areal / areaKm2,
		band: guidance.band,
		guidance,
		overlapPeople: 0,
		overlapsWith: [],
		suggestedMoves: [],
		problems: []
	};
}

const sale = { ...estimate(1, 'Sale Moor', 10964.6, 10689, 3.004), overlapPeople: 120.4 };
sale.overlapsWith = [{ id: 2, name: '=HYPERLINK("http://evil")', people: 120.4 }];
const evil = {
	...estimate(2, '=HYPERLINK("http://evil")', 16504.5, 16600, 12.5),
	overlapPeople: 120.4,
	problems: [
		{
			kind: 'self_intersection' as const,
			message: 'The boundary crosses itself at 1 point',
			at: []
		}
	]
};

const check: ProgrammeCheck = {
	method: 'areal',
	limits: DEFAULT_LIMITS,
	patches: [sale, evil],
	totals: { population: 30000, covered: 27348.7, uncovered: 2651.3, doubleCounted: 120.4 },
	overlaps: [],
	uncoveredAreas: []
};
const meta = {
	programme: { name: 'Trafford LAC' },
	populationSet: { name: 'Mid-2022', referenceDate: '2022-06-30' },
	smallAreaCount: 738
};

describe('sizingReportRows', () => {
	it('formats every figure as people read it', () => {
		const [row] = sizingReportRows(check);
		expect(row).toMatchObject({
			name: 'Sale Moor',
			areal: '10,965',
			centroid: '10,689',
			difference: '+276',
			areaKm2: '3.00',
			density: '3,650',
			band: 'Usual',
			overlap: '120',
			overlapsWith: '=HYPERLINK("http://evil") (120)',
			guidance: 'Within the usual size',
			problems: ''
		});
		expect(sizingReportRows(check)[1].difference).toBe('-95');
	});
});

describe('sizingReportText', () => {
	it('aligns the columns, and says which figures and method it used', () => {
		const text = sizingReportText(check, meta);
		const lines = text.split('\n');
		expect(lines.slice(0, 3)).toEqual([
			'Programme: Trafford LAC',
			'Population set: Mid-2022 (30 June 2022), 738 small areas',
			'Method: Areal weighting (bands and guidance use this method)'
		]);
		const header = lines[4];
		const [saleLine, evilLine] = [lines[5], lines[6]];
		expect(header).toMatch(
			/^Patch +Areal +Centroid +Difference +Area km² +Density \/km² +Band +Overlap +Guidance$/
		);
		// Numbers end under the end of their column's title.
		const arealEnd = header.indexOf('Areal') + 'Areal'.length;
		expect(saleLine.slice(0, arealEnd).endsWith('10,965')).toBe(true);
		expect(evilLine.slice(0, arealEnd).endsWith('16,505')).toBe(true);
		expect(evilLine).toContain('Remove about 1,510 people to be under 15,000');
		expect(text).toMatch(/\nCovered by a patch: +27,349\n/);
		expect(text).toMatch(/\nCounted in more than one patch: +120\n/);
		expect(text).toContain(
			'Boundary problems:\n  =HYPERLINK("http://evil"): The boundary crosses itself at 1 point'
		);
	});

	it('says so when there are no patches', () => {
		expect(sizingReportText({ ...check, patches: [] }, meta)).toContain(
			'The programme has no patches yet.'
		);
	});
});

describe('sizingReportCsv', () => {
	const csv = sizingReportCsv(check, meta);
	const lines = csv.replace(/^\ufeff/, '').split('\r\n');

	it('starts with where the figures come from, then a header and plain numbers', () => {
		expect(csv.startsWith('\ufeffProgramme,Trafford LAC\r\n')).toBe(true);
		expect(lines[1]).toBe('Population set,"Mid-2022 (30 June 2022), 738 small areas"');
		expect(lines[2]).toBe('Method,Areal weighting (bands and guidance use this method)');
		expect(lines[4]).toBe(
			'Patch,Areal weighting (people),Centroid (people),Difference (people),Area (km²),Density (people per km²),Band,Guidance,Overlap (people),Overlaps with,Boundary problems'
		);
		expect(lines[5]).toBe(
			`Sale Moor,10965,10689,276,3.00,3650,Usual,Within the usual size,120,"'=HYPERLINK(""http://evil"") (120)",`
		);
		expect(lines.slice(-5)).toEqual([
			'People in the small areas,30000',
			'Covered by a patch,27349',
			'In no patch,2651',
			'Counted in more than one patch,120',
			''
		]);
	});

	it('defuses formulas in names, but leaves negative numbers as numbers', () => {
		expect(lines[6].startsWith(`"'=HYPERLINK(""http://evil"")",16505,16600,-95,12.50,`)).toBe(true);
	});
});

describe('csvCell', () => {
	it.each([
		['=1+2', "'=1+2"],
		['+44 161', "'+44 161"],
		['-x', "'-x"],
		['@SUM(A1)', "'@SUM(A1)"],
		['-12.5', '-12.5'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""']
	])('%s becomes %s', (value, cell) => expect(csvCell(value)).toBe(cell));
});
